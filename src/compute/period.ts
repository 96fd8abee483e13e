import { addMonths, format, getDaysInMonth, subMonths } from 'date-fns';
import type { ReportingPeriod } from '../model/report-model.js';

function firstOf(month: string): Date {
  const [y, m] = month.split('-').map(Number);
  return new Date(y ?? 2000, (m ?? 1) - 1, 1);
}

export function previousMonth(month: string): string {
  return format(subMonths(firstOf(month), 1), 'yyyy-MM');
}

export function nextMonth(month: string): string {
  return format(addMonths(firstOf(month), 1), 'yyyy-MM');
}

function dayIn(month: Date, day: number): Date {
  return new Date(month.getFullYear(), month.getMonth(), Math.min(day, getDaysInMonth(month)));
}

/**
 * Nghị định 09/2019: a monthly report counts from the day after the previous month's cut-off to this month's
 * cut-off (cut-off 15: 16/8–15/9). A cut-off past the month's end means its last day.
 */
export function reportingPeriod(month: string, cutoffDay: number): ReportingPeriod {
  const here = firstOf(month);
  const to = dayIn(here, cutoffDay);
  const prevCut = dayIn(subMonths(here, 1), cutoffDay);
  const from = new Date(prevCut.getFullYear(), prevCut.getMonth(), prevCut.getDate() + 1);
  return { from: format(from, 'yyyy-MM-dd'), to: format(to, 'yyyy-MM-dd'), cutoffDay };
}
