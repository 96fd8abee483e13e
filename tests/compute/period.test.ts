import { describe, expect, it } from 'vitest';
import { nextMonth, previousMonth, reportingPeriod } from '../../src/compute/period.js';

describe('reporting period (cut-off day is a setting)', () => {
  it.each([
    ['2024-09', 15, '2024-08-16', '2024-09-15'],
    ['2024-01', 15, '2023-12-16', '2024-01-15'],
    ['2024-03', 31, '2024-03-01', '2024-03-31'],
    ['2024-03', 30, '2024-03-01', '2024-03-30'],
    ['2025-03', 28, '2025-03-01', '2025-03-28'],
    ['2024-10', 20, '2024-09-21', '2024-10-20'],
  ])('%s cut-off %d → %s…%s', (month, cutoff, from, to) => {
    expect(reportingPeriod(month, cutoff)).toEqual({ from, to, cutoffDay: cutoff });
  });
  it('neighbouring months', () => {
    expect(previousMonth('2024-01')).toBe('2023-12');
    expect(nextMonth('2024-12')).toBe('2025-01');
    expect(nextMonth('2024-09')).toBe('2024-10');
  });
});
