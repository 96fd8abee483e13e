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
