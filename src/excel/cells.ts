import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { EXCEL_CODES } from '../diagnostics/codes-excel.js';
import { address, type CellView, type SheetView } from './workbook-spec.js';

/**
 * Cells as officers type them, turned into the strings the zod schemas read ("as written"): the same
 * conversions then apply to YAML and Excel. Numbers become digits ("3182603"; 12.5 becomes "12,5" so that the
 * schema reports a decimal), dates become ISO dates, rich text is joined, formulas give their cached result.
 * What cannot be a value — error cells, formulas never computed, a date where a count belongs, TRUE/FALSE,
 * a cell merged into another — is a located diagnostic.
 */

export type FieldKind = 'count' | 'text' | 'label' | 'date';

export type CellText = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

export interface CellContext {
  readonly file: string;
  readonly date1904: boolean;
}

const MS_PER_DAY = 86_400_000;

/** Excel date serial → ISO date ("2024-09-15"), or null outside 1900–9999. */
export function serialToIso(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const days = Math.floor(serial) + (date1904 ? 1462 : 0);
  // 25569 = days from 1899-12-30 to 1970-01-01 (this absorbs Excel's phantom 29/2/1900 for serials ≥ 61)
  const d = new Date((days - 25569) * MS_PER_DAY);
  return d.toISOString().slice(0, 10);
}

function vnDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}/${m}/${y}`;
}

/** 3182603 → "3182603"; 12.5 → "12,5"; float noise from formulas (100.00000000000001) is ignored */
export function numberText(v: number): string {
  const r = Math.round(v);
  if (Math.abs(v - r) < 1e-9 && Number.isSafeInteger(r)) return String(r);
  return String(v).replace('.', ',');
}

function describe(view: CellView): string {
  switch (view.kind) {
    case 'number':
      return numberText(view.value);
    case 'text':
      return `"${view.text}"`;
    case 'date':
      return vnDate(view.iso);
    case 'boolean':
      return view.value ? 'TRUE' : 'FALSE';
    case 'error':
      return view.text;
    default:
      return '';
  }
}

/** a number cell as the text of a field: a date field takes it as a date serial */
function numberCellText(n: number, kind: FieldKind, ctx: CellContext): string {
  return kind === 'date' ? (serialToIso(n, ctx.date1904) ?? numberText(n)) : numberText(n);
}

function interpret(view: Exclude<CellView, { kind: 'formula' }>, kind: FieldKind, ctx: CellContext, at: () => Where, formula?: string): CellText {
  const via = formula ? ` (kết quả của công thức =${formula})` : '';
  switch (view.kind) {
    case 'empty':
      return { ok: true, text: '' };
    case 'text':
      return { ok: true, text: view.text };
    case 'number':
      return { ok: true, text: numberCellText(view.value, kind, ctx) };
    case 'date':
      if (kind === 'count') {
        return fail(
          EXCEL_CODES.dateInCount,
          `ô chứa ngày tháng (${vnDate(view.iso)})${via} ở chỗ cần một số đếm: Excel có thể đã tự đổi số vừa gõ thành ngày; hãy định dạng ô là Số (Number) rồi gõ lại`,
          at,
        );
      }
      return { ok: true, text: kind === 'date' ? view.iso : vnDate(view.iso) };
    case 'boolean':
      return fail(EXCEL_CODES.booleanCell, `ô chứa giá trị ${describe(view)}${via}, không phải ${kind === 'count' ? 'một số' : 'chữ hoặc số'}`, at);
    case 'error':
      return fail(
        EXCEL_CODES.cellError,
        formula
          ? `công thức =${formula} cho kết quả lỗi ${view.text}: hãy sửa công thức hoặc gõ số trực tiếp`
          : `ô có giá trị lỗi ${view.text}: hãy sửa công thức hoặc gõ số trực tiếp`,
        at,
      );
  }
}

interface Where {
  readonly file: string;
  readonly sheet: string;
  readonly cell: string;
}

/** `at` is called only here: the address is made for a diagnostic, not for every cell read */
function fail(code: string, message: string, at: Where | (() => Where)): CellText {
  return { ok: false, diagnostic: error(code, message, typeof at === 'function' ? at() : at) };
}

/** Reads one cell as the text of a field of `kind`, or says, with file, sheet and cell, why it cannot. */
export function readCell(sheet: SheetView, row: number, column: number, kind: FieldKind, ctx: CellContext): CellText {
  const master = sheet.mergedInto(row, column);
  if (master === undefined) {
    // a number, as most figures are: what `interpret` gives it, without a view made for it
    const n = sheet.plainNumber(row, column);
    if (n !== undefined) return { ok: true, text: numberCellText(n, kind, ctx) };
  }
  const at = (): Where => ({ file: ctx.file, sheet: sheet.name, cell: address(row, column) });
  if (master !== undefined) {
    const [, col = 'A', r = '1'] = /^([A-Z]+)(\d+)$/.exec(master) ?? [];
    const masterView = sheet.cell(Number(r), columnNumber(col));
    if (masterView.kind === 'empty') return { ok: true, text: '' };
    return fail(
      EXCEL_CODES.mergedCell,
      `ô ${address(row, column)} bị gộp vào ô ${master} (${describe(masterView) || 'có công thức'}): mỗi số liệu phải nằm trong một ô riêng, hãy bỏ gộp ô`,
      at,
    );
  }
  const view = sheet.cell(row, column);
  if (view.kind === 'formula') {
    if (!view.result) {
      return fail(
        EXCEL_CODES.formulaNoResult,
        `công thức =${view.formula} chưa có kết quả được lưu trong tệp: hãy mở tệp bằng Excel hoặc LibreOffice để bảng tính tự tính lại rồi lưu lại (hoặc gõ số trực tiếp)`,
        at,
      );
    }
    return interpret(view.result, kind, ctx, at, view.formula);
  }
  return interpret(view, kind, ctx, at);
}

/** The value of a cell as plain text for locating things (headers, names); never fails. */
export function plainText(sheet: SheetView, row: number, column: number, followMerge = true): string {
  let view = sheet.cell(row, column);
  if (view.kind === 'empty' && followMerge) {
    const master = sheet.mergedInto(row, column);
    if (master) {
      const [, col = 'A', r = '1'] = /^([A-Z]+)(\d+)$/.exec(master) ?? [];
      view = sheet.cell(Number(r), columnNumber(col));
    }
  }
  if (view.kind === 'formula') view = view.result ?? { kind: 'empty' };
  switch (view.kind) {
    case 'text':
      return view.text;
    case 'number':
      return numberText(view.value);
    case 'date':
      return vnDate(view.iso);
    default:
      return '';
  }
}

/** "A" → 1, "AA" → 27 */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
