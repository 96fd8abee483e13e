import { extname } from 'node:path';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { EXCEL_CODES } from '../diagnostics/codes-excel.js';
import type { Catalog } from '../catalog/catalog.js';
import type { Submission } from '../schema/submission.js';
import { submissionSchemas } from '../schema/submission.js';
import type { Locator } from './validate-shape.js';
import type { Path } from './yaml-types.js';

export interface LoadedSubmission {
  /** as shown in messages, e.g. "data/2024-09/so-y-te.yaml" */
  readonly file: string;
  readonly format: 'yaml' | 'xlsx';
  readonly submission: Submission;
  readonly locator: Locator;
}

/**
 * `partial`: for a return with problems (no `submission`), what of it validates (`validatePartly`), for the
 * cross-checks to report their findings in the same run; `dropped` the paths left out. Never a return to use.
 */
export type SubmissionRead = { submission?: LoadedSubmission; partial?: { loaded: LoadedSubmission; dropped: readonly Path[] }; diagnostics: Diagnostic[] };

/** Which files of a month folder are submissions, and how to read them. */
export function submissionKind(name: string): 'yaml' | 'xlsx' | 'xls' | 'ignore' {
  if (name.startsWith('~$') || name.startsWith('.') || name.startsWith('_')) return 'ignore';
  const ext = extname(name).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.xls') return 'xls';
  return 'ignore';
}

/** Reads one department's return, YAML or Excel; Excel support loads only when an .xlsx is met. */
export async function readSubmission(absolute: string, shown: string, catalog: Catalog): Promise<SubmissionRead> {
  const kind = submissionKind(absolute);
  if (kind === 'yaml') {
    const { loadYamlFile } = await import('../workspace/load.js');
    const r = await loadYamlFile(absolute, shown, submissionSchemas(catalog.vocabularies.labels).SubmissionFile);
    if (!r.loaded) {
      const p = r.partial;
      return { diagnostics: r.diagnostics, ...(p ? { partial: { loaded: { file: shown, format: 'yaml', submission: p.loaded.value, locator: p.loaded.locator }, dropped: p.dropped } } : {}) };
    }
    return { submission: { file: shown, format: 'yaml', submission: r.loaded.value, locator: r.loaded.locator }, diagnostics: r.diagnostics };
  }
  if (kind === 'xls') {
    return {
      diagnostics: [error(EXCEL_CODES.xlsLegacy, 'tệp Excel 97-2003 (.xls) không được hỗ trợ: hãy mở bằng Excel và lưu lại dạng "Excel Workbook (*.xlsx)"', { file: shown })],
    };
  }
  if (kind === 'xlsx') {
    const { readSubmissionWorkbook } = await import('../excel/read-submission.js');
    return readSubmissionWorkbook(absolute, shown, catalog);
  }
  return { diagnostics: [] };
}
