import { describe, expect, it } from 'vitest';
import { parseCount, parseDate, parseMonth } from '../../src/format/parse.js';

describe('parseCount', () => {
  it.each([
    ['3.182.603', 3182603],
    ['3182603', 3182603],
    [' 3 182 603 ', 3182603],
    ['3\u00a0182\u00a0603', 3182603],
    ['3.182', 3182],
    ['06', 6],
    ['0', 0],
    ['+12', 12],
  ])('%j → %d', (raw, value) => expect(parseCount(raw)).toEqual({ ok: true, value }));

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['12,5', 'decimal'],
    ['3,5', 'decimal'],
    ['1.234,5', 'decimal'],
    ['-5', 'negative'],
    ['-12,5', 'negative'],
    ['1e3', 'exponent'],
    ['3.18', 'grouping'],
    ['3.1826', 'grouping'],
    ['3,182,603', 'grouping'],
    ['abc', 'not-a-number'],
    ['12 người', 'not-a-number'],
    ['99999999999999999999', 'too-large'],
  ])('%j → %s', (raw, reason) => expect(parseCount(raw)).toEqual({ ok: false, reason }));
});

describe('parseDate', () => {
  it.each([
    ['15/9/2024', '2024-09-15'],
    ['05/02/2025', '2025-02-05'],
    ['2024-09-15', '2024-09-15'],
    ['31/2/2024', null],
    ['2024/09/15', null],
    ['', null],
  ])('%j → %j', (raw, iso) => expect(parseDate(raw)).toBe(iso));
});

describe('parseMonth', () => {
  it.each([
    ['2024-09', '2024-09'],
    ['9/2024', '2024-09'],
    ['2024-9', '2024-09'],
    ['2024-13', null],
    ['09-2024', null],
  ])('%j → %j', (raw, m) => expect(parseMonth(raw)).toBe(m));
});
