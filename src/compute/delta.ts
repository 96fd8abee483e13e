import type { Delta } from '../model/report-model.js';

/** Month-over-month change of one figure. */
export function monthOverMonth(current: number | null | undefined, previous: number | null | undefined, previousMonth: string | null): Delta {
  const cur = current ?? null;
  const prev = previous ?? null;
  if (cur === null) return { direction: 'no-current', change: null, previous: prev, previousMonth };
  if (prev === null) return { direction: 'no-previous', change: null, previous: prev, previousMonth };
  const change = cur - prev;
  return { direction: change > 0 ? 'increase' : change < 0 ? 'decrease' : 'unchanged', change, previous: prev, previousMonth };
}
