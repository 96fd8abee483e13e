import type { Delta } from '../model/report-model.js';
import { formatCount } from './number.js';

/**
 * "tăng 594 thẻ", "giảm 12 hồ sơ", "không thay đổi", "chưa có số liệu kỳ trước".
 * The comparison ("so với tháng 8") is the template's wording.
 */
export function formatDelta(delta: Delta, unit = ''): string {
  const u = unit ? ' ' + unit : '';
  switch (delta.direction) {
    case 'increase':
      return `tăng ${formatCount(Math.abs(delta.change ?? 0))}${u}`;
    case 'decrease':
      return `giảm ${formatCount(Math.abs(delta.change ?? 0))}${u}`;
    case 'unchanged':
      return 'không thay đổi';
    case 'no-previous':
      return 'chưa có số liệu kỳ trước để so sánh';
    case 'no-current':
      return 'chưa có số liệu kỳ này';
  }
}

/**
 * The figures that moved, one phrase: "tăng 02 cơ sở và 5.031 giấy chứng sinh" when all went the same way,
 * "tăng 02 cơ sở, giảm 03 giấy" otherwise. Every pair given has increased or decreased.
 */
export function movedPhrase(changed: readonly ComparisonPair[]): string {
  const amount = (p: ComparisonPair) => `${formatCount(Math.abs(p.delta.change ?? 0))}${p.unit ? ' ' + p.unit : ''}`;
  const verb = (p: ComparisonPair) => (p.delta.direction === 'increase' ? 'tăng' : 'giảm');
  const same = changed.every((p) => p.delta.direction === changed[0]!.delta.direction);
  if (same) return `${verb(changed[0]!)} ${changed.map(amount).join(' và ')}`;
  return changed.map((p) => `${verb(p)} ${amount(p)}`).join(', ');
}

export interface ComparisonPair {
  readonly delta: Delta;
  readonly unit: string;
}

/**
 * What the comparison is against, as a report names it: "tháng 9" within the year, "tháng 12/2024" across one.
 * `previousMonth` and `currentMonth` are month keys ("2024-09").
 */
export function previousMonthLabel(previousMonth: string, currentMonth: string): string {
  const [py, pm] = previousMonth.split('-').map(Number);
  const [cy] = currentMonth.split('-').map(Number);
  return py === cy ? `tháng ${pm}` : `tháng ${pm}/${py}`;
}

/**
 * The whole comparison clause of a report's sentence: "tăng 594 thẻ so với tháng 9", "tăng 02 cơ sở và 5.031
 * giấy chứng sinh so với tháng liền kề", "không thay đổi so với tháng 9"; null when there is nothing to compare
 * (no figure this month or last), and the sentence then leaves the clause out. Figures that did not change are
 * left out when another one did. The table of every case is in docs/comparisons.md.
 */
export function comparisonPhrase(pairs: readonly ComparisonPair[], against: string): string | null {
  const comparable = pairs.filter((p) => p.delta.change !== null);
  if (comparable.length === 0) return null;
  const tail = against ? ` so với ${against}` : '';
  const changed = comparable.filter((p) => p.delta.direction === 'increase' || p.delta.direction === 'decrease');
  if (changed.length === 0) return `không thay đổi${tail}`;
  const body = movedPhrase(changed);
  return `${body}${tail}`;
}
