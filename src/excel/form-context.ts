import type { Catalog, Department, ItemKind } from '../catalog/catalog.js';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { EXCEL_CODES } from '../diagnostics/codes-excel.js';
import type { ReportingPeriod } from '../model/report-model.js';
import type { IndicatorEntryOut, ModelEntryOut, ServiceEntryOut, Submission } from '../schema/submission.js';

/** Everything a department's form shows: its catalog rows, last month's values, and (for --filled) this month's. */
export interface FormInput {
  readonly catalog: Catalog;
  readonly department: Department;
  /** "2024-09" */
  readonly month: string;
  readonly period: ReportingPeriod;
  readonly previous: {
    readonly month: string;
    readonly services: Readonly<Record<string, ServiceEntryOut>>;
    readonly indicators: Readonly<Record<string, IndicatorEntryOut>>;
    readonly models: Readonly<Record<string, ModelEntryOut>>;
  } | null;
  /** the month's current return, whose figures are written into the input cells (`forms --filled`) */
  readonly current?: Submission;
  /**
   * the return whose texts and statuses (connection, difficulties, models' status and texts, sections, footnotes,
   * asOf, indicators' dates) fill their input cells, and whose rows are marked present: the department's file of
   * the month, or last month's return carried forward as `baocao open` does (with --filled: `current`)
   */
  readonly texts?: Submission;
  /** the workbook's date (fixed, for reproducible files) */
  readonly date: Date;
}

/** What the form sheets need while they write. */
export interface FormContext extends FormInput {
  readonly owned: Record<ItemKind, string[]>;
  readonly labels: { readonly current: string; readonly previous: string };
  readonly lists: { readonly connection: string; readonly progress: string };
  readonly problems: Diagnostic[];
  readonly file: string;
}

export const MAX_CELL_TEXT = 32_767;

/** Text for a cell; a text longer than a cell can hold is a problem (it could not come back unchanged). */
export function cellText(ctx: FormContext, text: string | null | undefined, where: string): string | null {
  if (text === null || text === undefined || text === '') return null;
  if (text.length > MAX_CELL_TEXT) {
    ctx.problems.push(
      error(EXCEL_CODES.textTooLong, `văn bản ${where} dài ${text.length} ký tự, quá giới hạn một ô Excel (${MAX_CELL_TEXT}): hãy chia thành nhiều đoạn hoặc rút gọn`, {
        file: ctx.file,
      }),
    );
    return text.slice(0, MAX_CELL_TEXT);
  }
  return text;
}
