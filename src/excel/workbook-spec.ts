/**
 * A plain, library-neutral description of a workbook to write, and of a workbook that was read.
 * Forms and the appendices are built as a `WorkbookSpec` (pure data, testable without any Excel library),
 * which the one adapter (exceljs-adapter.ts) turns into bytes; the reader (xlsx-read/) turns bytes into a
 * `WorkbookView`.
 */

export interface FontSpec {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  /** "RRGGBB" */
  readonly color?: string;
}

export interface StyleSpec {
  readonly font?: FontSpec;
  readonly horizontal?: 'left' | 'center' | 'right' | 'justify';
  readonly vertical?: 'top' | 'middle' | 'bottom';
  readonly wrap?: boolean;
  readonly indent?: number;
  /** thin borders on all four sides */
  readonly border?: boolean;
  /** background "RRGGBB" */
  readonly fill?: string;
  readonly numFmt?: string;
  /** false for cells the user fills in a protected sheet */
  readonly locked?: boolean;
}

export type CellValueSpec =
  | string
  | number
  | boolean
  | null
  /** a calendar date, written as a date serial */
  | { readonly date: string }
  /** runs of differently styled text in one cell */
  | { readonly rich: readonly { readonly text: string; readonly bold?: boolean; readonly italic?: boolean }[] }
  | { readonly formula: string; readonly result?: string | number };

export interface CellSpec {
  readonly value: CellValueSpec;
  readonly style?: StyleSpec;
  /** a comment ("note") shown when hovering the cell */
  readonly note?: string;
}

export type ValidationSpec =
  | { readonly kind: 'whole'; readonly min: number; readonly prompt?: string; readonly promptTitle?: string; readonly error?: string }
  /** a dropdown from a range such as '_baocao'!$B$1:$B$4 */
  | { readonly kind: 'list'; readonly source: string; readonly prompt?: string; readonly promptTitle?: string; readonly error?: string }
  | { readonly kind: 'date'; readonly prompt?: string; readonly promptTitle?: string; readonly error?: string }
  | { readonly kind: 'prompt'; readonly prompt: string; readonly promptTitle?: string };

export interface SheetSpec {
  readonly name: string;
  readonly state?: 'visible' | 'hidden' | 'veryHidden';
  /** 1-based row → 1-based column → cell */
  readonly cells: ReadonlyMap<number, ReadonlyMap<number, CellSpec>>;
  readonly columns?: readonly { readonly width?: number; readonly hidden?: boolean }[];
  readonly rows?: ReadonlyMap<number, { readonly height?: number; readonly hidden?: boolean }>;
  /** "A1:C1" */
  readonly merges?: readonly string[];
  /** data validations over bounded ranges ("E6:E31"), never whole columns */
  readonly validations?: readonly { readonly range: string; readonly rule: ValidationSpec }[];
  readonly frozen?: { readonly rows: number; readonly columns: number };
  /** protect the sheet (no password): locked cells cannot be edited */
  readonly protect?: { readonly insertRows?: boolean };
  readonly print?: {
    readonly landscape: boolean;
    readonly fitToWidth: boolean;
    /** rows repeated on every printed page, e.g. "5:6" */
    readonly titleRows?: string;
    readonly margins?: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
    /** printed at the top of every page, centred in bold (a draft's "DỰ THẢO") */
    readonly header?: string;
  };
  readonly defaultFont?: { readonly name: string; readonly size: number };
}

export interface WorkbookSpec {
  readonly sheets: readonly SheetSpec[];
  readonly definedNames?: readonly { readonly name: string; readonly ref: string }[];
  readonly creator: string;
  /** written as the workbook's created/modified dates and as every zip entry's date */
  readonly date: Date;
  readonly title?: string;
}

/** A cell as read, before any interpretation. */
export type CellView =
  | { readonly kind: 'empty' }
  | { readonly kind: 'number'; readonly value: number; readonly numFmt?: string }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'date'; readonly iso: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'error'; readonly text: string }
  /** result is absent when the file holds no cached value for the formula */
  | { readonly kind: 'formula'; readonly formula: string; readonly result?: Exclude<CellView, { kind: 'formula' }> };

export interface SheetView {
  readonly name: string;
  readonly state: 'visible' | 'hidden' | 'veryHidden';
  /** last row and column holding anything */
  readonly rowCount: number;
  readonly columnCount: number;
  cell(row: number, column: number): CellView;
  /** whether the cell holds anything: `cell(row, column).kind !== 'empty'`, without making a view */
  filled(row: number, column: number): boolean;
  /** the value of a cell holding a number that is not a date, else undefined: `cell` without making a view */
  plainNumber(row: number, column: number): number | undefined;
  /** for a cell inside a merged range that starts elsewhere: the address of the range's first cell */
  mergedInto(row: number, column: number): string | undefined;
}

export interface WorkbookView {
  readonly sheets: readonly SheetView[];
  /** defined name → reference, e.g. baocao_department → '_baocao'!$B$2 */
  readonly definedNames: ReadonlyMap<string, string>;
  /** the workbook counts dates from 1904 (old Mac Excel) */
  readonly date1904: boolean;
}

export const EMPTY: CellView = { kind: 'empty' };

/** 1 → "A", 27 → "AA" */
export function columnLetter(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function address(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/**
 * Row heights for wrapped text. Spreadsheet programs do not re-measure rows when they open a file (LibreOffice
 * leaves them one line high), so rows holding wrapped text get a height estimated from text length and column
 * width. Rows with an explicit height keep it.
 */
export function fitRowHeights(sheet: SheetSpec): Map<number, { height?: number; hidden?: boolean }> {
  const widths = (sheet.columns ?? []).map((c) => c.width ?? 9);
  const spans = new Map<string, number>();
  for (const m of sheet.merges ?? []) {
    const [a, b] = m.split(':');
    const pa = /^([A-Z]+)(\d+)$/.exec(a ?? '');
    const pb = /^([A-Z]+)(\d+)$/.exec(b ?? '');
    if (!pa || !pb) continue;
    const c1 = colNumber(pa[1]!);
    const c2 = colNumber(pb[1]!);
    const multiRow = pa[2] !== pb[2];
    let w = 0;
    for (let c = c1; c <= c2; c++) w += widths[c - 1] ?? 9;
    spans.set(a!, multiRow ? -1 : w);
  }
  const out = new Map(sheet.rows ?? []);
  const baseSize = sheet.defaultFont?.size ?? 11;
  for (const [r, row] of sheet.cells) {
    if (out.get(r)?.height !== undefined || out.get(r)?.hidden) continue;
    let height = 0;
    for (const [c, cell] of row) {
      const value = typeof cell.value === 'string' ? cell.value : cell.value && typeof cell.value === 'object' && 'rich' in cell.value ? cell.value.rich.map((r) => r.text).join('') : null;
      if (value === null || !cell.style?.wrap) continue;
      const span = spans.get(address(r, c));
      if (span === -1) continue;
      const width = span ?? widths[c - 1] ?? 9;
      const size = cell.style.font?.size ?? baseSize;
      const perLine = Math.max(4, Math.floor((width * 1.1 * 11) / size) - 1);
      const lines = value.split('\n').reduce((n, p) => n + Math.max(1, Math.ceil(p.length / perLine)), 0);
      height = Math.max(height, lines * size * 1.3 + 4);
    }
    if (height > 16) out.set(r, { ...out.get(r), height: Math.min(409, Math.round(height)) });
  }
  return out;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A mutable builder for one sheet's cells. */
export class SheetBuilder {
  readonly cells = new Map<number, Map<number, CellSpec>>();
  readonly merges: string[] = [];
  readonly validations: { range: string; rule: ValidationSpec }[] = [];
  readonly rows = new Map<number, { height?: number; hidden?: boolean }>();

  set(row: number, column: number, value: CellValueSpec, style?: StyleSpec, note?: string): void {
    let r = this.cells.get(row);
    if (!r) this.cells.set(row, (r = new Map()));
    r.set(column, { value, ...(style ? { style } : {}), ...(note ? { note } : {}) });
  }

  /** writes a value into the first cell of a range, styles every cell of it and merges it */
  merge(row: number, column: number, toRow: number, toColumn: number, value: CellValueSpec, style?: StyleSpec): void {
    for (let r = row; r <= toRow; r++) for (let c = column; c <= toColumn; c++) this.set(r, c, r === row && c === column ? value : null, style);
    if (toRow > row || toColumn > column) this.merges.push(`${address(row, column)}:${address(toRow, toColumn)}`);
  }

  row(row: number, options: { height?: number; hidden?: boolean }): void {
    this.rows.set(row, { ...this.rows.get(row), ...options });
  }

  validate(range: string, rule: ValidationSpec): void {
    this.validations.push({ range, rule });
  }
}
