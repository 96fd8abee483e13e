import { describe, expect, it } from 'vitest';
import { formatCount, formatNumber, formatRate } from '../../src/format/number.js';

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [172, '172'],
    [3182603, '3.182.603'],
    [1000, '1.000'],
    [12.5, '12,5'],
    [-2956, '-2.956'],
  ])('%d → %s', (n, s) => expect(formatNumber(n)).toBe(s));
});

describe('formatCount (leading zero below 10)', () => {
  it.each([
    [0, '0'],
    [2, '02'],
    [9, '09'],
    [10, '10'],
    [5031, '5.031'],
  ])('%d → %s', (n, s) => expect(formatCount(n)).toBe(s));
});

// Rows of the seed's Phụ lục I/II and body: online/total half-up to 2 decimals, trailing zeros dropped
describe('formatRate', () => {
  it.each([
    ['Phụ lục I, 1', 172, 172, '100%'],
    ['Phụ lục I, 2', 59257, 229046, '25,87%'],
    ['Phụ lục I, 7 (98,60 → 98,6)', 8764, 8888, '98,6%'],
    ['Phụ lục I, 8 (seed prints 88,3%)', 4378, 4959, '88,28%'],
    ['Phụ lục I, 10 (seed prints 99,06%)', 1880, 1898, '99,05%'],
    ['Phụ lục I, 11 (seed prints 99,06%)', 1083, 1094, '98,99%'],
    ['Phụ lục I, 14: total 0 → blank', 0, 0, ''],
    ['Phụ lục I, 17 (seed prints 0,2%)', 2, 957, '0,21%'],
    ['Phụ lục I, 18 (seed prints 99,59%)', 3726, 3741, '99,6%'],
    ['Phụ lục I, 22 (seed prints 77,49%)', 3209, 3909, '82,09%'],
    ['Phụ lục II, 5 part 2 (half-up 5,46875)', 7, 128, '5,47%'],
    ['Phụ lục II, 15', 3, 3173, '0,09%'],
    ['body, pension (seed prints 23,03%)', 39102, 164331, '23,79%'],
    ['body, BHYT lookups (seed prints 87%)', 346363, 398168, '86,99%'],
    ['half-up at exactly .5 hundredth', 1, 8, '12,5%'],
    ['half-up 0,125%', 1, 800, '0,13%'],
  ])('%s', (_case, part, whole, expected) => expect(formatRate(part, whole)).toBe(expected));

  it('is blank when a figure is missing', () => {
    expect(formatRate(null, 10)).toBe('');
    expect(formatRate(3, null)).toBe('');
  });
});
