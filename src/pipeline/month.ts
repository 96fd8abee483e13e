import { warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { CODES } from '../diagnostics/codes.js';
import { indexCatalog } from '../catalog/catalog.js';
import { buildReportModel } from '../compute/report-model.js';
import { reportingPeriod } from '../compute/period.js';
import type { ReportModel } from '../model/report-model.js';
import type { LoadedSubmission } from '../readers/submission.js';
import { runRules } from '../rules/index.js';
import { aboutDropped } from '../readers/validate-shape.js';
import { loadWorkspace, type Workspace } from '../workspace/load.js';
import { readMonth, readPrevious, type PreviousValues } from '../workspace/month.js';
import { SILENT, type Progress } from './progress.js';

export interface MonthCheck {
  readonly month: string;
  readonly workspace?: Workspace;
  readonly submissions: readonly LoadedSubmission[];
  /** files of the month folder, as shown */
  readonly files: readonly string[];
  /** the model of what could be read (present even with data errors, for drafts), absent when nothing could be read */
  readonly model?: ReportModel;
  readonly diagnostics: readonly Diagnostic[];
  /** departments with no return this month */
  readonly missing: readonly { readonly id: string; readonly name: string; readonly file: string | null }[];
  /** returns still marked for review (not counted as submitted) */
  readonly pending: readonly LoadedSubmission[];
  /** last month's values (its folder, or the baseline), when there are any */
  readonly previous?: PreviousValues;
}

/** Reads, validates and consolidates one month of a workspace: the work behind validate, status, model and build. */
export async function checkMonth(dataDir: string, shown: string, month: string, progress: Progress = SILENT): Promise<MonthCheck> {
  progress.step('Đọc danh mục');
  const loaded = await loadWorkspace(dataDir, shown);
  const ws = loaded.workspace;
  if (!ws) return { month, submissions: [], pending: [], files: [], diagnostics: loaded.diagnostics, missing: [] };
  progress.step(`Đọc số liệu tháng ${month}`);
  const [all, prev] = await Promise.all([readMonth(ws, month, (f, done, total) => progress.item(f, done, total)), readPrevious(ws, month)]);
  progress.step('Kiểm tra chéo');
  // a file still marked "review" (written by `baocao open`) is not a return yet
  const pending = all.submissions.filter((s) => s.submission.review !== undefined);
  const data = { ...all, submissions: all.submissions.filter((s) => s.submission.review === undefined) };
  const period = reportingPeriod(month, ws.settings.period.cutoffDay);
  const index = indexCatalog(ws.catalog);
  // a return with problems is cross-checked as far as it validates, so that one run tells all its problems;
  // findings about a value left out (the one that could not be read) are its own problem's, not repeated
  const partials = (all.partials ?? []).filter((p) => p.loaded.submission.review === undefined);
  const dropped = new Map(partials.map((p) => [p.loaded.file, p.dropped] as const));
  const ruleFindings = runRules({ month, period, catalog: ws.catalog, index, submissions: [...data.submissions, ...partials.map((p) => p.loaded)], previous: prev.previous }).filter(
    (d) => d.file === undefined || !dropped.has(d.file) || !aboutDropped(d.path, dropped.get(d.file)!),
  );
  const submitted = new Set(data.submissions.map((s) => s.submission.department));
  const missing = ws.catalog.departments
    .filter((d) => !submitted.has(d.id))
    .map((d) => ({ id: d.id, name: d.name, file: pending.find((s) => s.submission.department === d.id)?.file ?? null }));
  const broken = (id: string) => partials.find((p) => p.loaded.submission.department === id)?.loaded.file;
  const missingNotes = data.exists
    ? missing.map((d) =>
        broken(d.id)
          ? warning(CODES.missingDepartment, `${d.name}: tệp báo cáo còn lỗi (xem trên), chưa được tính là đã gửi`, { file: broken(d.id)! })
          : d.file
          ? warning(CODES.missingDepartment, `${d.name} chưa gửi: tệp còn dòng "review" (bản chép từ tháng trước, chưa xem lại)`, { file: d.file, ...pending.find((s) => s.file === d.file)!.locator.at(['review']) })
          : warning(CODES.missingDepartment, `${d.name} (${d.id}) chưa gửi báo cáo tháng này`, { file: `${shown}/${month}` }),
      )
    : [];
  const diagnostics = [...loaded.diagnostics, ...data.diagnostics, ...prev.diagnostics, ...ruleFindings, ...missingNotes];
  const model = data.exists
    ? buildReportModel({ month, settings: ws.settings, catalog: ws.catalog, submissions: data.submissions, previous: prev.previous, definition: ws.definition })
    : undefined;
  return {
    month,
    workspace: ws,
    submissions: data.submissions,
    pending,
    files: data.files,
    diagnostics,
    missing,
    ...(model ? { model } : {}),
    ...(prev.previous ? { previous: prev.previous } : {}),
  };
}
