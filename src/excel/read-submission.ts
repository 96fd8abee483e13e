import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { CODES } from '../diagnostics/codes.js';
import type { Catalog } from '../catalog/catalog.js';
import type { LoadedSubmission } from '../readers/submission.js';

// Placeholder until the Excel form reader lands (replaced by src/excel/*).
export async function readSubmissionWorkbook(
  _absolute: string,
  shown: string,
  _catalog: Catalog,
): Promise<{ submission?: LoadedSubmission; diagnostics: Diagnostic[] }> {
  return { diagnostics: [error(CODES.fileUnreadable, 'chưa đọc được tệp Excel', { file: shown })] };
}
