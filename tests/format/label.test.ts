import { describe, expect, it } from 'vitest';
import { fillLabel, formatNumbering, placeholdersOf } from '../../src/format/label.js';
import type { NumberingStyle } from '../../src/model/appendix.js';

describe('fillLabel', () => {
  it.each([
    ['a count with its leading zero', '{title} ({count:02} MÔ HÌNH)', { title: 'NHÓM I', count: 3 }, 'NHÓM I (03 MÔ HÌNH)'],
    ['a count of ten and more as it is', '({count:02})', { count: 12 }, '(12)'],
    ['a plain number in vi-VN groups', 'Mô hình {number}:', { number: 1234 }, 'Mô hình 1.234:'],
    ['zero stays 0', '{done}/{all}', { done: 0, all: 36 }, '0/36'],
    ['a name with a dash', '{in-progress} đang làm', { 'in-progress': 5 }, '5 đang làm'],
    ['an unknown placeholder left as written', '{x} và {title}', { title: 'A' }, '{x} và A'],
  ])('%s', (_, label, values, expected) => {
    expect(fillLabel(label, values)).toBe(expected);
  });

  it('lists the placeholders a label uses', () => {
    expect(placeholdersOf('{title} ({count:02} MÔ HÌNH) {title}')).toEqual(['title', 'count', 'title']);
  });
});

describe('formatNumbering', () => {
  it.each([
    ['1', [1, 2, 10], ['1', '2', '10']],
    ['1.', [1, 12], ['1.', '12.']],
    ['I', [1, 4, 9, 14, 36], ['I', 'IV', 'IX', 'XIV', 'XXXVI']],
    ['I.', [3], ['III.']],
    ['a', [1, 26, 27], ['a', 'z', 'aa']],
    ['a)', [2], ['b)']],
  ] as [NumberingStyle, number[], string[]][])('%s', (style, ns, expected) => {
    expect(ns.map((n) => formatNumbering(n, style))).toEqual(expected);
  });
});
