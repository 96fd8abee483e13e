import { basename, join } from 'node:path';
import { indexCatalog, ownedBy, type Department } from '../catalog/catalog.js';
import { error, hasErrors, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { EXCEL_CODES } from '../diagnostics/codes-excel.js';
import { reportingPeriod } from '../compute/period.js';
import type { ModelEntryOut, Submission } from '../schema/submission.js';
import { runRules } from '../rules/index.js';
import type { Workspace } from '../workspace/load.js';
import { listMonths, readMonth, readPrevious } from '../workspace/month.js';
import { writeWorkbook } from './exceljs-adapter.js';
import type { FormInput } from './form-context.js';
import { buildFormSpec } from './form-writer.js';
import { formTexts } from './form-texts.js';

/** `baocao forms`: one .xlsx per department, from the catalog, last month's values and (with `filled`) this month's. */

export interface FormsRequest {
  readonly ws: Workspace;
  readonly month: string;
  /** one department, or every department that reports something */
  readonly department?: string;
  readonly filled: boolean;
  /** absolute output folder, and how messages show it */
  readonly outDir: string;
  readonly outShown: string;
}

export interface FormOutput {
  readonly department: string;
  readonly path: string;
  readonly shown: string;
  readonly bytes: Uint8Array;
}

export function formFileName(department: string): string {
  return `${department}.xlsx`;
}

/** The form's workbook date: the end of the reporting period (fixed, so the same data gives the same file). */
function formDate(periodTo: string): Date {
  const [y, m, d] = periodTo.split('-').map(Number);
  return new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, d ?? 1));
}

function previousModels(submissions: readonly Submission[]): Record<string, ModelEntryOut> {
  const out: Record<string, ModelEntryOut> = {};
  for (const s of submissions) for (const [id, m] of Object.entries(s.models ?? {})) out[id] ??= m;
  return out;
}

/** Builds the forms; nothing is written here. Errors (exit 1): unknown department, a return that cannot fill its form. */
export async function makeForms(req: FormsRequest): Promise<{ outputs: FormOutput[]; diagnostics: Diagnostic[] }> {
  const { ws, month } = req;
  const diagnostics: Diagnostic[] = [];
  const index = indexCatalog(ws.catalog);
  let departments: Department[];
  if (req.department !== undefined) {
    const d = index.department.get(req.department);
    if (!d) {
      const known = ws.catalog.departments.map((x) => x.id).join(', ');
      return { outputs: [], diagnostics: [error(EXCEL_CODES.formEmpty, `đơn vị "${req.department}" không có trong catalog/departments.yaml (các mã: ${known})`, { file: join(ws.shown, 'catalog', 'departments.yaml') })] };
    }
    departments = [d];
  } else {
    departments = ws.catalog.departments.filter((d) => Object.values(ownedBy(ws.catalog, d.id)).some((l) => l.length > 0));
  }

  const period = reportingPeriod(month, ws.settings.period.cutoffDay);
  const prev = await readPrevious(ws, month);
  diagnostics.push(...prev.diagnostics);
  const models = prev.previous ? previousModels(prev.previous.submissions) : {};
  const previous = prev.previous ? { month: prev.previous.month, services: prev.previous.services, indicators: prev.previous.indicators, models } : null;

  // the month's files give the forms their texts and statuses (and, with --filled, their figures)
  const data = (await listMonths(ws)).includes(month) ? await readMonth(ws, month) : null;
  const current = new Map<string, { file: string; submission: Submission }>();
  if (req.filled && data) {
    const rules = runRules({ month, period, catalog: ws.catalog, index, submissions: data.submissions, previous: prev.previous });
    const wanted = new Set(departments.map((d) => d.id));
    const mine = data.submissions.filter((s) => wanted.has(s.submission.department));
    const named = (f: string) => wanted.has(basename(f).replace(/\.(ya?ml|xlsx)$/i, ''));
    const files = new Set([...mine.map((s) => s.file), ...data.files.filter(named)]);
    const relevant = [...data.diagnostics, ...rules].filter((d) => d.file !== undefined && files.has(d.file));
    diagnostics.push(...relevant);
    if (hasErrors(relevant)) {
      diagnostics.push(error(EXCEL_CODES.formSourceInvalid, `báo cáo tháng ${month} còn lỗi (xem trên): hãy sửa rồi tạo lại biểu mẫu có số liệu (--filled)`, { file: join(ws.shown, month) }));
      return { outputs: [], diagnostics };
    }
    for (const s of mine) current.set(s.submission.department, s);
  }

  const outputs: FormOutput[] = [];
  for (const d of departments) {
    const name = formFileName(d.id);
    const shown = join(req.outShown, name);
    const owned = ownedBy(ws.catalog, d.id);
    if (Object.values(owned).every((l) => l.length === 0)) {
      diagnostics.push(warning(EXCEL_CODES.formEmpty, `${d.name} không phụ trách dịch vụ, chỉ tiêu, mô hình hay mục nào trong danh mục: biểu mẫu chỉ có trang hướng dẫn`, { file: shown }));
    }
    const cur = current.get(d.id);
    if (req.filled && !cur) diagnostics.push(warning(EXCEL_CODES.formEmpty, `${d.name} chưa có báo cáo tháng ${month}: biểu mẫu để trống số liệu`, { file: shown }));
    const texts = formTexts(ws.catalog, d, month, data, prev.previous?.submissions.find((s) => s.department === d.id), shown);
    diagnostics.push(...texts.diagnostics);
    const input: FormInput = {
      catalog: ws.catalog,
      department: d,
      month,
      period,
      previous,
      ...(cur ? { current: cur.submission } : {}),
      ...(texts.texts ? { texts: texts.texts } : {}),
      date: formDate(period.to),
    };
    const built = buildFormSpec(input, shown);
    diagnostics.push(...built.diagnostics);
    outputs.push({ department: d.id, path: join(req.outDir, name), shown, bytes: await writeWorkbook(built.spec) });
  }
  return { outputs: hasErrors(diagnostics) ? [] : outputs, diagnostics };
}
