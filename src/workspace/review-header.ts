import { formatMonth } from '../format/date.js';
import { previousMonth } from '../compute/period.js';

/**
 * The comment `baocao open` writes at the top of a department's new file, with its `review:` line: who and which
 * month, and what to check. The import of the department's whole return (its form) takes the `review:` line out,
 * and these lines with it, so that the file no longer says it needs a review.
 */

/** the header's lines; `carried`: the file's texts and statuses come from last month */
export function reviewHeader(departmentName: string, month: string, carried: boolean): string[] {
  const head = `${departmentName} — báo cáo tháng ${formatMonth(month)}.`;
  return carried
    ? [head, `CẦN XEM LẠI: lời văn và trạng thái được chép từ tháng ${formatMonth(previousMonth(month))}; hãy sửa cho tháng này.`, 'Các số liệu để trống cần được điền (để trống nếu không phát sinh).']
    : [head, 'Điền các số liệu để trống; viết lời văn cho các mục.'];
}

/**
 * A file's opening comment (as the yaml package keeps it: lines joined by "\n", each starting with the space
 * after "#") without the header `baocao open` wrote for this department and month; any other line, and a
 * header someone edited, stays. Returns the comment unchanged when the header is not there.
 */
export function withoutReviewHeader(comment: string | null | undefined, departmentName: string, month: string): string | null | undefined {
  if (!comment || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return comment;
  const lines = comment.split('\n');
  for (const carried of [true, false]) {
    const header = reviewHeader(departmentName, month, carried);
    const at = lines.findIndex((_, i) => header.every((h, k) => lines[i + k]?.trim() === h));
    if (at >= 0) {
      lines.splice(at, header.length);
      return lines.join('\n');
    }
  }
  return comment;
}
