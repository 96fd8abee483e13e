import { describe, expect, it } from 'vitest';
import { formatDateLong, formatDateShort, formatMonth } from '../../src/format/date.js';
import { formatDelta } from '../../src/format/delta.js';
import { monthOverMonth } from '../../src/compute/delta.js';

describe('dates (Nghị định 30/2020: day < 10 and months 1, 2 take a leading zero)', () => {
  it.each([
    ['2024-09-15', '15/9/2024', 'ngày 15 tháng 9 năm 2024'],
    ['2025-02-05', '05/02/2025', 'ngày 05 tháng 02 năm 2025'],
    ['2022-01-06', '06/01/2022', 'ngày 06 tháng 01 năm 2022'],
    ['2024-12-01', '01/12/2024', 'ngày 01 tháng 12 năm 2024'],
  ])('%s', (iso, short, long) => {
    expect(formatDateShort(iso)).toBe(short);
    expect(formatDateLong(iso)).toBe(long);
  });
  it('months', () => expect(formatMonth('2024-09')).toBe('9/2024'));
});

describe('month-over-month phrases', () => {
  it.each([
    ['increase (seed: tăng 594 thẻ)', 3182603, 3182009, 'thẻ', 'tăng 594 thẻ'],
    ['increase below 10 (seed: tăng 02 cơ sở)', 57, 55, 'cơ sở', 'tăng 02 cơ sở'],
    ['increase with thousands', 31598, 26567, 'giấy chứng sinh', 'tăng 5.031 giấy chứng sinh'],
    ['decrease', 100, 112, 'hồ sơ', 'giảm 12 hồ sơ'],
    ['unchanged', 17, 17, 'cơ sở', 'không thay đổi'],
    ['no previous value', 42, null, 'cơ sở', 'chưa có số liệu kỳ trước để so sánh'],
    ['no current value', null, 42, 'cơ sở', 'chưa có số liệu kỳ này'],
  ])('%s', (_c, cur, prev, unit, phrase) => {
    expect(formatDelta(monthOverMonth(cur, prev, '2024-08'), unit)).toBe(phrase);
  });
  it('carries the change and the month compared with', () => {
    expect(monthOverMonth(32654, 29698, '2024-08')).toEqual({ direction: 'increase', change: 2956, previous: 29698, previousMonth: '2024-08' });
  });
});
