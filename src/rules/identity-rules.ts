import { error } from '../diagnostics/diagnostic.js';
import { CODES } from '../diagnostics/codes.js';
import { formatMonth } from '../format/date.js';
import { at, type Rule } from './context.js';

/** The submitting department exists in the catalog. */
export const unknownDepartment: Rule = ({ submissions, index }) =>
  submissions
    .filter((s) => !index.department.has(s.submission.department))
    .map((s) =>
      error(CODES.unknownDepartment, `đơn vị "${s.submission.department}" không có trong catalog/departments.yaml`, at(s, ['department'])),
    );

/** One return per department and month. */
export const duplicateDepartment: Rule = ({ submissions }) => {
  const first = new Map<string, string>();
  return submissions.flatMap((s) => {
    const d = s.submission.department;
    const seen = first.get(d);
    if (seen === undefined) {
      first.set(d, s.file);
      return [];
    }
    return [error(CODES.duplicateDepartment, `đơn vị "${d}" đã có báo cáo trong ${seen}: mỗi đơn vị chỉ một tệp mỗi tháng`, at(s, ['department']))];
  });
};

/** The month written inside a file is the month of its folder. */
export const monthMismatch: Rule = ({ submissions, month }) =>
  submissions
    .filter((s) => s.submission.month !== month)
    .map((s) =>
      error(
        CODES.monthMismatch,
        `tệp ghi tháng ${formatMonth(s.submission.month)} nhưng nằm trong thư mục tháng ${formatMonth(month)}`,
        at(s, ['month']),
      ),
    );
