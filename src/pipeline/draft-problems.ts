import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { CODES } from '../diagnostics/codes.js';
import { formatLocation } from '../diagnostics/print.js';
import type { DraftProblem } from '../render/docx/draft-problems.js';
import type { MonthCheck } from './month.js';

/** The open problems of a month, as a draft lists them: department, where, what; missing returns first. */
export function draftProblems(r: MonthCheck, diagnostics: readonly Diagnostic[]): DraftProblem[] {
  const names = new Map((r.workspace?.catalog.departments ?? []).map((d) => [d.id, d.name]));
  const byFile = new Map<string, string>();
  for (const s of [...r.submissions, ...r.pending]) byFile.set(s.file, names.get(s.submission.department) ?? s.submission.department);
  const missing: DraftProblem[] = r.missing.map((d) => ({
    department: d.name,
    where: d.file ?? '',
    message: d.file ? 'tệp còn dòng "review": bản chép từ tháng trước, chưa xem lại' : 'chưa gửi báo cáo',
    severity: 'error',
  }));
  const others = diagnostics
    .filter((d) => d.code !== CODES.missingDepartment)
    .map((d): DraftProblem => ({ department: (d.file && byFile.get(d.file)) || '', where: formatLocation(d), message: `${d.code}: ${d.message}`, severity: d.severity }));
  return [...missing, ...others];
}
