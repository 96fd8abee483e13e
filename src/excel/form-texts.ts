import { basename } from 'node:path';
import type { Catalog, Department } from '../catalog/catalog.js';
import { carryForward } from '../compute/carry-forward.js';
import { previousMonth } from '../compute/period.js';
import { warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { EXCEL_CODES } from '../diagnostics/codes-excel.js';
import { formatMonth } from '../format/date.js';
import { submissionSchemas, type Submission } from '../schema/submission.js';
import type { MonthData } from '../workspace/month.js';

/**
 * The return whose texts and statuses a department's form shows in its inputs (`FormInput.texts`): the
 * department's file of the month when there is one (carried forward by `baocao open`, or already entered), else
 * last month's return carried forward the way `baocao open` writes it (`carryForward`), so that a form filled
 * with figures only and imported leaves the texts and statuses as the file has them.
 */
export function formTexts(
  catalog: Catalog,
  department: Department,
  month: string,
  current: MonthData | null,
  previous: Submission | undefined,
  shown: string,
): { texts?: Submission; diagnostics: Diagnostic[] } {
  const mine = current?.submissions.find((s) => s.submission.department === department.id);
  if (mine) return { texts: mine.submission, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const file = current?.files.find((f) => basename(f).replace(/\.(ya?ml|xlsx)$/i, '') === department.id);
  if (file) {
    diagnostics.push(
      warning(EXCEL_CODES.formTextsCarried, `tệp ${file} có lỗi nên không đọc được: biểu mẫu ghi sẵn lời văn và trạng thái chép từ ${previous ? `tháng ${formatMonth(previousMonth(month))}` : 'danh mục (để trống)'}, không phải của tệp này`, {
        file: shown,
      }),
    );
  }
  const carried = submissionSchemas(catalog.vocabularies.labels).SubmissionFile.safeParse(carryForward(catalog, department.id, month, previous));
  return carried.success ? { texts: carried.data, diagnostics } : { diagnostics };
}
