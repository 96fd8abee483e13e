import { indexCatalog, ownedBy, type Catalog } from '../catalog/catalog.js';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { EXCEL_CODES } from '../diagnostics/codes-excel.js';
import { formatMonth } from '../format/date.js';
import type { LoadedSubmission } from '../readers/submission.js';
import type { Path } from '../readers/yaml.js';
import { printedLabel } from '../schema/labels.js';
import type { ModelEntryOut, ServiceEntryOut, Submission } from '../schema/submission.js';
import { COLUMNS } from './form-layout.js';
import type { Scope } from './yaml-writer.js';

/**
 * What an import takes away, checked once per department against the department's file of the month (`before`)
 * and last month's statuses: a text or status the file has and the source leaves blank is cleared, and said so
 * (a warning at its cell); a connection or progress status left blank where last month had one is an error at its
 * cell. Within the import's scope only: a legacy sheet's rows and the fields it has columns for.
 */

export interface LastMonth {
  readonly month: string;
  /** last month's service rows, by id (every department's) */
  readonly services: Readonly<Record<string, ServiceEntryOut>>;
  /** last month's models, by id */
  readonly models: Readonly<Record<string, ModelEntryOut>>;
}

type Figures = Omit<ServiceEntryOut, 'parts'>;

const blank = (v: unknown): boolean => v === null || v === undefined || v === '';

function header(kind: 'services' | 'models', key: string): string {
  return COLUMNS[kind].find((c) => c.key === key)?.header ?? key;
}

export function importChanges(catalog: Catalog, department: string, after: LoadedSubmission, scope: Scope, before: Submission | undefined, last: LastMonth | null): Diagnostic[] {
  const out: Diagnostic[] = [];
  const sub = after.submission;
  const at = (path: Path) => ({ file: after.file, path, ...after.locator.at(path) });
  const cleared = (path: Path, what: string) => out.push(warning(EXCEL_CODES.importCleared, `đã xóa ${what} (tệp tháng này có nội dung; ô để trống)`, at(path)));
  const statusBlank = (path: Path, what: string, was: string) =>
    out.push(error(EXCEL_CODES.importStatusBlank, `${what} để trống, nhưng tháng ${formatMonth(last!.month)} là "${was}": trạng thái không được để trống, hãy chọn trạng thái của tháng này`, at(path)));

  const all = scope.kind === 'all';
  const fields = new Set(scope.kind === 'services' ? (scope.fields ?? ['connection', 'difficulties']) : ['connection', 'difficulties']);
  const serviceIds = all ? ownedBy(catalog, department).service : scope.ids;
  const index = indexCatalog(catalog);

  const row = (path: Path, thing: string, was: Figures | undefined, now: Figures | undefined, lastRow: Figures | undefined) => {
    if (fields.has('connection')) {
      if (lastRow?.connection && blank(now?.connection)) statusBlank([...path, 'connection'], `"${header('services', 'connection')}" của ${thing}`, printedLabel(catalog.vocabularies.labels.connection, lastRow.connection));
      else if (!blank(was?.connection) && blank(now?.connection)) cleared([...path, 'connection'], `"${header('services', 'connection')}" của ${thing}`);
    }
    if (fields.has('difficulties') && !blank(was?.difficulties) && blank(now?.difficulties)) cleared([...path, 'difficulties'], `"${header('services', 'difficulties')}" của ${thing}`);
  };
  for (const id of serviceIds) {
    const was = before?.services?.[id];
    const now = sub.services?.[id];
    const lastRow = last?.services[id];
    row(['services', id], `dịch vụ ${id}`, was, now, lastRow);
    for (const p of index.service.get(id)?.parts ?? []) row(['services', id, 'parts', p.id], `dòng con ${p.id} của dịch vụ ${id}`, was?.parts?.[p.id], now?.parts?.[p.id], lastRow?.parts?.[p.id]);
  }
  if (!all) return out;

  if (!blank(before?.asOf) && blank(sub.asOf)) cleared(['asOf'], '"Ngày chốt số liệu"');
  for (const id of ownedBy(catalog, department).model) {
    const was = before?.models?.[id];
    const now = sub.models?.[id];
    const thing = `mô hình ${index.model.get(id)?.number ?? id}`;
    const lastStatus = last?.models[id]?.status;
    if (lastStatus && blank(now?.status)) statusBlank(['models', id, 'status'], `"${header('models', 'status')}" của ${thing}`, printedLabel(catalog.vocabularies.labels.progress, lastStatus));
    else if (!blank(was?.status) && blank(now?.status)) cleared(['models', id, 'status'], `"${header('models', 'status')}" của ${thing}`);
    for (const k of ['progress', 'results', 'difficulties', 'effectiveness', 'funding', 'continuation'] as const) {
      if (!blank(was?.[k]) && blank(now?.[k])) cleared(['models', id, k], `"${header('models', k)}" của ${thing}`);
    }
  }
  for (const [id, paragraphs] of Object.entries(before?.sections ?? {})) {
    const kept = sub.sections?.[id]?.length ?? 0;
    if (paragraphs.length > kept) cleared(['sections', id], `${paragraphs.length - kept} đoạn lời văn của mục "${index.section.get(id)?.title ?? id}" (còn ${kept} đoạn)`);
  }
  for (const [id, text] of Object.entries(before?.footnotes ?? {})) {
    if (!blank(text) && blank(sub.footnotes?.[id])) cleared(['footnotes', id], `chú thích "${id}"`);
  }
  return out;
}
