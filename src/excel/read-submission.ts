import { capFile, listed } from '../diagnostics/cap.js';
import { error, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { EXCEL_CODES } from '../diagnostics/codes-excel.js';
import type { Catalog } from '../catalog/catalog.js';
import type { LoadedSubmission, SubmissionRead } from '../readers/submission.js';
import { validatePartly } from '../readers/validate-shape.js';
import type { Path } from '../readers/yaml.js';
import { submissionSchemas, type Submission } from '../schema/submission.js';
import { loadWorkbook, type Loaded } from './xlsx-read/workbook.js';
import { ownedBy } from '../catalog/catalog.js';
import { FORM_VERSION, SHEET_TITLE, type SheetKind } from './form-layout.js';
import { detectForm, readForm, sheetKinds, type FormIdentity } from './form-reader.js';
import { formSheets } from './form-writer.js';
import { readGuardedWorkbook } from './guard.js';
import type { WorkbookView } from './workbook-spec.js';

/**
 * A department's return as an Excel form: guarded read, then the cells become the same as-written object a
 * YAML file gives, validated by the same zod schema with a locator that names sheet and cell. Every later
 * cross-check (src/rules) therefore reports Excel problems as "file › sheet › cell" by itself.
 */

export type WorkbookOpen = { ok: true; workbook: WorkbookView } | { ok: false; diagnostics: Diagnostic[] };

/** Guard, then load. */
export async function openWorkbook(absolute: string, shown: string): Promise<WorkbookOpen> {
  const guarded = await readGuardedWorkbook(absolute, shown);
  if (!guarded.ok) return { ok: false, diagnostics: [guarded.diagnostic] };
  const loaded = await loadWorkbook(guarded.bytes, guarded.inflated);
  if (!loaded.ok) return { ok: false, diagnostics: [refusal(loaded, shown)] };
  return { ok: true, workbook: loaded.workbook };
}

/** A workbook the reader refused, as a diagnostic at its sheet and cell when the reader knows them. */
function refusal(loaded: Extract<Loaded, { ok: false }>, shown: string): Diagnostic {
  const advice = 'Hãy mở bằng Excel, lưu lại rồi gửi lại';
  if (loaded.detail === undefined) {
    return error(EXCEL_CODES.corrupt, `không đọc được bảng tính (tệp bị hỏng hoặc không đúng chuẩn .xlsx): ${advice.toLowerCase()}`, { file: shown });
  }
  const part = loaded.sheet === undefined && loaded.part !== undefined ? ` (thành phần ${loaded.part})` : '';
  const where = { file: shown, ...(loaded.sheet !== undefined ? { sheet: loaded.sheet } : {}), ...(loaded.cell !== undefined ? { cell: loaded.cell } : {}) };
  return error(EXCEL_CODES.corrupt, `tệp .xlsx không đúng chuẩn${part}: ${loaded.detail}. ${advice}`, where);
}

export interface FormSubmission {
  readonly submission?: LoadedSubmission;
  /**
   * for a form with problems (no `submission`): what of it could be read and validated, for the cross-checks to
   * report their findings too in the same run; `dropped` the paths of the values left out
   */
  readonly partial?: { readonly loaded: LoadedSubmission; readonly dropped: readonly Path[] };
  readonly identity: FormIdentity;
  readonly diagnostics: Diagnostic[];
}

/** A workbook already recognised as a form → the located, validated submission. */
export function formSubmission(wb: WorkbookView, shown: string, identity: FormIdentity, catalog: Catalog): FormSubmission {
  if (identity.version !== FORM_VERSION) {
    return {
      identity,
      diagnostics: [
        error(EXCEL_CODES.formVersion, `biểu mẫu phiên bản "${identity.version}" không đọc được bằng chương trình này (phiên bản ${FORM_VERSION}): hãy tạo lại biểu mẫu bằng "baocao forms"`, { file: shown }),
      ],
    };
  }
  const missing = missingSheets(wb, identity, catalog);
  if (missing.length) {
    return {
      identity,
      diagnostics: missing.map((kind) =>
        error(EXCEL_CODES.formSheet, `biểu mẫu thiếu trang "${SHEET_TITLE[kind]}" (trang bị xóa hoặc hỏng): hãy tạo lại biểu mẫu bằng "baocao forms" và chép số liệu sang`, { file: shown }),
      ),
    };
  }
  const read = readForm(wb, shown, identity);
  const locator = read.locations.locator(shown);
  const shape = validatePartly(submissionSchemas(catalog.vocabularies.labels).SubmissionFile, read.input, locator);
  const diagnostics = capFile([...listed(read.diagnostics), ...shape.diagnostics]);
  const loaded = (submission: Submission): LoadedSubmission => ({ file: shown, format: 'xlsx', submission, locator });
  if (shape.ok && !hasErrors(diagnostics)) return { identity, submission: loaded(shape.value), diagnostics };
  const value = shape.ok ? shape.value : shape.partial;
  // the cells that could not be read are already left out of the input
  const dropped = [...shape.dropped, ...read.diagnostics.flatMap((d) => (d.severity === 'error' && d.path ? [d.path] : []))];
  return { identity, diagnostics, ...(value ? { partial: { loaded: loaded(value), dropped } } : {}) };
}

/** The data sheets the department's form must have, by the catalog, that the workbook lacks. */
function missingSheets(wb: WorkbookView, identity: FormIdentity, catalog: Catalog): SheetKind[] {
  if (!catalog.departments.some((d) => d.id === identity.department)) return [];
  const present = new Set(sheetKinds(wb));
  const expected = formSheets({ owned: ownedBy(catalog, identity.department) }).filter((k) => k !== 'footnotes' && k !== 'general');
  return expected.filter((k) => !present.has(k));
}

export async function readSubmissionWorkbook(
  absolute: string,
  shown: string,
  catalog: Catalog,
): Promise<SubmissionRead> {
  const opened = await openWorkbook(absolute, shown);
  if (!opened.ok) return { diagnostics: opened.diagnostics };
  const identity = detectForm(opened.workbook);
  if (!identity) {
    return {
      diagnostics: [
        error(
          EXCEL_CODES.notAForm,
          'tệp Excel này không phải biểu mẫu do "baocao forms" tạo. Nếu là bảng theo mẫu Phụ lục I/II, hãy nhập bằng "baocao import" rồi để tệp gốc ra ngoài thư mục tháng',
          { file: shown },
        ),
      ],
    };
  }
  const r = formSubmission(opened.workbook, shown, identity, catalog);
  return { ...(r.submission ? { submission: r.submission } : {}), ...(r.partial ? { partial: r.partial } : {}), diagnostics: r.diagnostics };
}
