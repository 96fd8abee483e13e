import { address, EMPTY, type CellView, type SheetView } from '../workbook-spec.js';
import { slideFormula } from './formula.js';
import { MergeIndex, type MergeRange } from './merges.js';
import { readStringItem, type StringItem } from './strings.js';
import type { CellStyle, Styles } from './styles.js';
import { MAX_COLUMN, MAX_ROW, badReference, badRow, booleanOf, decimal, digits, isoValue, notANumber, numberOf, placed, serialIso, xsdNumber } from './values.js';
import { DQUOTE, EQ, GT, LT, MalformedXml, Refusal, SLASH, Tag, XmlCursor, excelUnescape, shown } from './xml.js';

export { serialIso, xsdNumber };

/**
 * One worksheet part → a `SheetView`. `<sheetData>` is read in one forward pass: cells written the way Excel
 * writes them (`<c r="B7" s="3" t="s"><v>12</v></c>`) are read by a fast path that makes neither strings nor
 * objects; anything else (formulas, inline strings, prefixed names, cells without `r`, comments…) by the
 * general `XmlCursor` path. Then the `<mergeCell>` ranges.
 *
 * Cells are stored in columns of typed arrays, ordered by row and column, with each row's first index: a
 * lookup is an array index (rows dense up to the column) or a short binary search. A number cell is kept as
 * its value and style, its `CellView` made when asked for; other cells keep their view. Values follow what
 * exceljs made of the same XML (docs/excel.md lists the few deliberate differences).
 */

export interface SheetContext {
  /** the shared string table, one view per item */
  readonly strings: readonly CellView[];
  readonly styles: Styles;
  readonly date1904: boolean;
  /** cells with a value the workbook may still hold (MAX_CELLS at first); each sheet read takes its share */
  readonly budget?: { left: number };
}

export { MAX_COLUMN, MAX_ROW };

/**
 * Cells with a value a workbook may hold, all sheets together. A form holds its department's rows of the
 * catalog (hundreds) × its columns (a dozen); a legacy Phụ lục sheet one row per service and part, at most the
 * catalog's rows (tens of thousands, the import benchmark 50,000) × 10 columns. The allowance is four times that
 * largest sheet; past it, a workbook is refused instead of being read into memory.
 */
export const MAX_CELLS = 2_000_000;

/** merged ranges a sheet may hold: a form has a few dozen, a legacy sheet one per header cell and group */
export const MAX_MERGES = 100_000;

/** characters of shared formulas moved per sheet; past this, cells get their group's formula as written */
const SLIDE_BUDGET = 16 * 1024 * 1024;

const SPACE = 32;
const CH_C = 99;
const CH_V = 118;
const CH_F = 102;

/** cell types (`t` attribute) */
const enum T {
  Number,
  Shared,
  Str,
  Inline,
  Bool,
  Error,
  Date,
}

function cellType(x: XmlCursor, start: number, end: number): T {
  const n = end - start;
  const c0 = x.b[start];
  if (n === 1) {
    if (c0 === 115) return T.Shared; // s
    if (c0 === 98) return T.Bool; // b
    if (c0 === 101) return T.Error; // e
    if (c0 === 100) return T.Date; // d
    return T.Number;
  }
  if (n === 3 && x.startsWith('str', start)) return T.Str;
  if (n === 9 && x.startsWith('inlineStr', start)) return T.Inline;
  return T.Number;
}

type Plain = Exclude<CellView, { kind: 'formula' }>;

function numberView(value: number, style: CellStyle, date1904: boolean): Plain {
  if (style.date) return { kind: 'date', iso: serialIso(value, date1904) };
  return style.numFmt ? { kind: 'number', value, numFmt: style.numFmt } : { kind: 'number', value };
}

/** a formula's cached value, typed by the cell's `t` */
function resultView(type: T, v: string, style: CellStyle, date1904: boolean): Plain {
  switch (type) {
    case T.Str:
    case T.Inline:
      return { kind: 'text', text: excelUnescape(v) };
    case T.Bool:
      return { kind: 'boolean', value: booleanOf(v) };
    case T.Error:
      return { kind: 'error', text: v };
    case T.Date:
      return { kind: 'date', iso: isoValue(v) };
    default:
      return numberView(numberOf(v), style, date1904);
  }
}

/** what a stored cell is */
const enum K {
  /** a view, `views[value]` */
  View,
  /** a number (or a date), `value` in style `style` */
  Number,
  /** an item of the shared string table, `strings[value]` */
  Shared,
  /** a cell merged into another: read as empty */
  Hidden,
}

type Column = Int32Array | Uint16Array | Uint8Array | Float64Array;

/** The cells of a sheet in columns of typed arrays. */
class CellStore {
  n = 0;
  rows: Int32Array;
  cols: Uint16Array;
  kinds: Uint8Array;
  values: Float64Array;
  styles: Int32Array;
  readonly views: CellView[] = [];
  /** cells came in row and column order, each position once */
  ordered = true;
  /** the last column holding a cell */
  maxCol = 0;
  private lastRow = 0;
  private lastCol = 0;

  /** `capacity`: cells expected (the arrays grow past it, up to `max`) */
  constructor(
    capacity: number,
    private readonly max: number,
  ) {
    const n = Math.max(1024, Math.min(capacity, 1 << 20, max));
    this.rows = new Int32Array(n);
    this.cols = new Uint16Array(n);
    this.kinds = new Uint8Array(n);
    this.values = new Float64Array(n);
    this.styles = new Int32Array(n);
  }

  /** every column replaced by a new array of `size`, which `fill` fills from the old one */
  private rebuild(size: number, fill: (from: Column, to: Column) => void): void {
    const re = <A extends Column>(a: A, make: new (n: number) => A): A => {
      const b = new make(size);
      fill(a, b);
      return b;
    };
    this.rows = re(this.rows, Int32Array);
    this.cols = re(this.cols, Uint16Array);
    this.kinds = re(this.kinds, Uint8Array);
    this.values = re(this.values, Float64Array);
    this.styles = re(this.styles, Int32Array);
  }

  private grow(): void {
    if (this.n >= this.max) {
      throw new Refusal(`bảng tính có hơn ${MAX_CELLS.toLocaleString('vi-VN')} ô có dữ liệu, nhiều hơn mọi biểu mẫu hay bảng Phụ lục có thể có (dữ liệu thừa ở dưới hoặc bên phải bảng?)`);
    }
    this.rebuild(Math.min(this.rows.length * 2, this.max), (from, to) => to.set(from));
  }

  private add(r: number, c: number, kind: K, value: number, style: number): number {
    if (this.n === this.rows.length) this.grow();
    if (r < this.lastRow || (r === this.lastRow && c <= this.lastCol)) this.ordered = false;
    this.lastRow = r;
    this.lastCol = c;
    if (c > this.maxCol) this.maxCol = c;
    const i = this.n++;
    this.rows[i] = r;
    this.cols[i] = c;
    this.kinds[i] = kind;
    this.values[i] = value;
    this.styles[i] = style;
    return i;
  }

  number(r: number, c: number, value: number, style: number): void {
    this.add(r, c, K.Number, value, style);
  }

  shared(r: number, c: number, index: number): void {
    this.add(r, c, K.Shared, index, 0);
  }

  /** stores a view; returns its index in `views` */
  view(r: number, c: number, view: CellView): number {
    this.views.push(view);
    this.add(r, c, K.View, this.views.length - 1, 0);
    return this.views.length - 1;
  }

  /** cells in row and column order; of two cells at one position, the later in the file */
  sort(): void {
    const n = this.n;
    const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => this.rows[i]! - this.rows[j]! || this.cols[i]! - this.cols[j]! || i - j);
    const keep: number[] = [];
    for (const i of order) {
      const prev = keep[keep.length - 1];
      if (prev !== undefined && this.rows[prev] === this.rows[i] && this.cols[prev] === this.cols[i]) keep[keep.length - 1] = i;
      else keep.push(i);
    }
    this.rebuild(Math.max(1, keep.length), (from, to) => keep.forEach((i, k) => (to[k] = from[i]!)));
    this.n = keep.length;
    this.ordered = true;
  }
}

class XlsxSheet implements SheetView {
  constructor(
    readonly name: string,
    readonly state: SheetView['state'],
    readonly rowCount: number,
    readonly columnCount: number,
    /** index of each row's first cell; row r's cells are [rowStart[r], rowStart[r + 1]) */
    private readonly rowStart: Int32Array,
    private readonly cols: Uint16Array,
    private readonly kinds: Uint8Array,
    private readonly values: Float64Array,
    private readonly styleIndex: Int32Array,
    private readonly views: readonly CellView[],
    private readonly ctx: SheetContext,
    private readonly merges: MergeIndex,
  ) {}

  private index(row: number, column: number): number {
    if (!(row >= 1 && row < this.rowStart.length - 1)) return -1;
    const start = this.rowStart[row]!;
    const end = this.rowStart[row + 1]!;
    if (start === end) return -1;
    const cols = this.cols;
    const k = column - cols[start]!;
    if (k >= 0 && k < end - start && cols[start + k] === column) return start + k;
    let lo = start;
    let hi = end - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = cols[mid]!;
      if (c === column) return mid;
      if (c < column) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  cell(row: number, column: number): CellView {
    const i = this.index(row, column);
    if (i < 0) return EMPTY;
    switch (this.kinds[i] as K) {
      case K.Number:
        return numberView(this.values[i]!, this.ctx.styles.get(this.styleIndex[i]!), this.ctx.date1904);
      case K.Shared:
        return this.ctx.strings[this.values[i]!]!;
      case K.View:
        return this.views[this.values[i]!]!;
      default:
        return EMPTY;
    }
  }

  filled(row: number, column: number): boolean {
    const i = this.index(row, column);
    if (i < 0) return false;
    return this.kinds[i] === K.Number || this.cell(row, column).kind !== 'empty';
  }

  plainNumber(row: number, column: number): number | undefined {
    const i = this.index(row, column);
    if (i < 0 || this.kinds[i] !== K.Number) return undefined;
    return this.ctx.styles.get(this.styleIndex[i]!).date ? undefined : this.values[i]!;
  }

  mergedInto(row: number, column: number): string | undefined {
    return this.merges.empty ? undefined : this.merges.masterOf(row, column);
  }
}

interface SharedChild {
  /** index in the store's views */
  readonly view: number;
  readonly si: string;
  readonly r: number;
  readonly c: number;
  readonly result: Plain | undefined;
}

class SheetReader {
  private readonly store: CellStore;
  private readonly masters = new Map<string, { formula: string; r: number; c: number }>();
  private readonly children: SharedChild[] = [];
  /** where the last cell read was */
  cellRow = 0;
  cellColumn = 0;
  /** the general path is inside a `<c>`: a refusal meanwhile is at cellRow, cellColumn */
  inCell = false;

  constructor(
    private readonly x: XmlCursor,
    private readonly ctx: SheetContext,
  ) {
    // the shortest cell Excel writes, <c r="A1" s="1"><v>1</v></c>, takes 28 bytes
    this.store = new CellStore(Math.ceil(x.len / 28), ctx.budget?.left ?? MAX_CELLS);
  }

  /** after `<sheetData>`: every row and cell, up to `</sheetData>` */
  readSheetData(): void {
    const x = this.x;
    const b = x.b;
    let pos = x.pos;
    let row = 0;
    let col = 0;
    let inRow = false;
    for (;;) {
      const lt = b[pos] === LT ? pos : x.find(LT, pos);
      if (lt < 0) throw new MalformedXml('unterminated sheetData');
      const c1 = b[lt + 1];
      if (!inRow && c1 === 114 && x.startsWith('ow', lt + 2)) {
        const end = this.fastRow(lt, row);
        if (end >= 0) {
          pos = end;
          row = this.cellRow;
          col = 0;
          inRow = b[end - 2] !== SLASH;
          if (inRow) x.depth++;
          continue;
        }
      }
      if (inRow) {
        if (c1 === CH_C && b[lt + 2] === SPACE) {
          const end = this.fastCell(lt, row, col);
          if (end >= 0) {
            pos = end;
            row = this.cellRow;
            col = this.cellColumn;
            continue;
          }
        } else if (c1 === SLASH && x.startsWith('row>', lt + 2)) {
          inRow = false;
          x.depth--;
          pos = lt + 6;
          continue;
        }
      }
      x.pos = lt;
      const t = x.next();
      if (t === Tag.End) throw new MalformedXml('unterminated sheetData');
      if (t === Tag.Close) {
        if (inRow && x.is('row')) inRow = false;
        else if (!inRow && x.is('sheetData')) return;
        else throw new MalformedXml('unexpected close tag in sheetData');
      } else if (x.isChar(CH_C)) {
        if (!inRow) throw new MalformedXml('cell outside a row');
        this.readCell(row, col);
        row = this.cellRow;
        col = this.cellColumn;
      } else if (x.is('row')) {
        if (inRow) throw new MalformedXml('row inside a row');
        const k = x.findAttribute('r');
        if (k >= 0) {
          const a = x.attrs;
          row = digits(b, a[k * 4 + 2]!, a[k * 4 + 3]!);
          if (row < 1 || row > MAX_ROW) throw badRow(x.decode(a[k * 4 + 2]!, a[k * 4 + 3]!));
        } else {
          // no number: the next row (Excel's reading)
          row++;
          if (row > MAX_ROW) throw badRow(String(row));
        }
        col = 0;
        inRow = !x.selfClosing;
      } else {
        x.skipElement();
      }
      pos = x.pos;
    }
  }

  /** `r="AB12"` in [start, end) → sets cellRow, cellColumn; false when it is not a reference */
  private reference(b: Uint8Array, start: number, end: number): boolean {
    let i = start;
    let c = 0;
    for (; i < end; i++) {
      const ch = b[i]! | 32;
      if (ch < 97 || ch > 122) break;
      c = c * 26 + (ch - 96);
      if (c > MAX_COLUMN) return false;
    }
    const r = digits(b, i, end);
    if (c < 1 || r < 1 || r > MAX_ROW) return false;
    this.cellRow = r;
    this.cellColumn = c;
    return true;
  }

  /**
   * A `<row …>` tag at `lt` with attributes in double quotes: sets cellRow to its number and returns the position
   * after it, or -1 for the general path to read it.
   */
  private fastRow(lt: number, row: number): number {
    const x = this.x;
    const b = x.b;
    let i = lt + 4;
    let r = -1;
    for (;;) {
      const ch = b[i];
      if (ch === SPACE) {
        i++;
        continue;
      }
      if (ch === GT) {
        i++;
        break;
      }
      if (ch === SLASH) {
        if (b[i + 1] !== GT) return -1;
        i += 2;
        break;
      }
      if (i === lt + 4) return -1; // "<rows", "<row="…
      const eq = i + 1;
      if (ch === 114 && b[eq] === EQ) {
        if (b[eq + 1] !== DQUOTE) return -1;
        let j = eq + 2;
        r = 0;
        for (; ; j++) {
          const d = b[j]! - 48;
          if (!(d >= 0 && d <= 9)) break;
          r = r * 10 + d;
          if (r > MAX_ROW) return -1;
        }
        if (b[j] !== DQUOTE || r === 0) return -1;
        i = j + 1;
        continue;
      }
      // another attribute: name="value"
      let j = i;
      while (j < i + 64 && b[j] !== EQ && b[j] !== GT && b[j] !== SPACE) j++;
      if (b[j] !== EQ || b[j + 1] !== DQUOTE) return -1;
      const q = x.find(DQUOTE, j + 2);
      if (q < 0) return -1;
      i = q + 1;
    }
    if (r < 0) {
      if (row >= MAX_ROW) return -1;
      r = row + 1;
    }
    this.cellRow = r;
    return i;
  }

  /**
   * The common cell at `lt`: unprefixed, one-letter attributes in double quotes, nothing but a `<v>` without
   * references inside, no formula. Returns the position after it, or -1 (having stored nothing) for the
   * general path to read it.
   */
  private fastCell(lt: number, row: number, col: number): number {
    const x = this.x;
    const b = x.b;
    let i = lt + 2;
    let r = row;
    let c = 0;
    let style = 0;
    let type = T.Number;
    let ch: number;
    // attributes, each value scanned as it is read
    for (;;) {
      ch = b[i]!;
      if (ch === SPACE) {
        i++;
        continue;
      }
      if (ch === GT || ch === SLASH) break;
      if (b[i + 1] !== EQ || b[i + 2] !== DQUOTE) return -1;
      let j = i + 3;
      if (ch === 114) {
        // r="AB12"
        let cc = 0;
        for (; ; j++) {
          const k = b[j]! - 65;
          if (!(k >= 0 && k <= 25)) break;
          cc = cc * 26 + k + 1;
          if (cc > MAX_COLUMN) return -1;
        }
        const d0 = j;
        let rr = 0;
        for (; ; j++) {
          const d = b[j]! - 48;
          if (!(d >= 0 && d <= 9)) break;
          rr = rr * 10 + d;
          if (rr > MAX_ROW) return -1;
        }
        if (b[j] !== DQUOTE || cc === 0 || j === d0 || rr === 0) return -1;
        r = rr;
        c = cc;
      } else if (ch === 115) {
        // s="3"
        const d0 = j;
        let v = 0;
        for (; ; j++) {
          const d = b[j]! - 48;
          if (!(d >= 0 && d <= 9)) break;
          v = v * 10 + d;
        }
        if (b[j] !== DQUOTE || j === d0 || j - d0 > 9) return -1;
        style = v;
      } else if (ch === 116) {
        // t="s"
        const t0 = j;
        while (j < t0 + 10 && b[j] !== DQUOTE) j++;
        if (b[j] !== DQUOTE) return -1;
        type = cellType(x, t0, j);
        if (type === T.Inline) return -1;
      } else return -1;
      i = j + 1;
    }
    if (c === 0) {
      // no reference: the next column (Excel's reading)
      if (col >= MAX_COLUMN) return -1;
      c = col + 1;
    }
    let end: number;
    let vs = 0;
    let ve = 0;
    if (ch === SLASH) {
      if (b[i + 1] !== GT) return -1;
      end = i + 2;
    } else if (b[i + 1] !== LT) {
      return -1;
    } else if (b[i + 2] === SLASH) {
      // <c …></c>
      if (b[i + 3] !== CH_C || b[i + 4] !== GT) return -1;
      end = i + 5;
    } else {
      // <c …><v>…</v></c>
      if (b[i + 2] !== CH_V || b[i + 3] !== GT) return -1;
      vs = i + 4;
      ve = x.find(LT, vs);
      if (
        ve < 0 ||
        b[ve + 1] !== SLASH ||
        b[ve + 2] !== CH_V ||
        b[ve + 3] !== GT ||
        b[ve + 4] !== LT ||
        b[ve + 5] !== SLASH ||
        b[ve + 6] !== CH_C ||
        b[ve + 7] !== GT
      ) {
        return -1;
      }
      end = ve + 8;
    }
    if (ve > vs) {
      const store = this.store;
      // a refusal while reading the value is at this cell
      this.cellRow = r;
      this.cellColumn = c;
      this.inCell = true;
      if (type === T.Number) {
        let v = decimal(b, vs, ve);
        if (v !== v) {
          const text = x.decode(vs, ve);
          v = xsdNumber(text);
          if (!Number.isFinite(v)) throw notANumber(text);
        }
        store.number(r, c, v, style);
      } else if (type === T.Shared) {
        const k = digits(b, vs, ve);
        if (!(k >= 0 && k < this.ctx.strings.length)) {
          this.inCell = false;
          return -1;
        }
        store.shared(r, c, k);
      } else {
        const raw = x.decode(vs, ve);
        if (raw.indexOf('&') >= 0 || raw.indexOf('\r') >= 0) {
          this.inCell = false;
          return -1;
        }
        this.storeValue(r, c, type, raw, style, undefined);
      }
      this.inCell = false;
    }
    this.cellRow = r;
    this.cellColumn = c;
    return end;
  }

  /** a cell's value (not a formula) from its text */
  private storeValue(r: number, c: number, type: T, value: string, style: number, inline: StringItem | undefined): void {
    const store = this.store;
    switch (type) {
      case T.Shared: {
        const k = /^\s*\d{1,9}\s*$/.test(value) ? Number(value) : -1;
        if (!(k >= 0 && k < this.ctx.strings.length)) {
          const count = this.ctx.strings.length.toLocaleString('vi-VN');
          throw new Refusal(`ô trỏ tới chuỗi dùng chung số ${shown(value)}, không có trong bảng chuỗi (bảng có ${count} chuỗi)`);
        }
        store.shared(r, c, k);
        return;
      }
      case T.Str:
        store.view(r, c, { kind: 'text', text: excelUnescape(value) });
        return;
      case T.Inline:
        store.view(r, c, { kind: 'text', text: inline ? value : excelUnescape(value) });
        return;
      case T.Bool:
        store.view(r, c, { kind: 'boolean', value: booleanOf(value) });
        return;
      case T.Error:
        store.view(r, c, { kind: 'error', text: value });
        return;
      case T.Date:
        store.view(r, c, { kind: 'date', iso: isoValue(value) });
        return;
      default:
        store.number(r, c, numberOf(value), style);
    }
  }

  /** After a `<c>` open tag (read by the cursor) in row `row` whose last cell was in column `col`. */
  private readCell(row: number, col: number): void {
    const x = this.x;
    const b = x.b;
    const a = x.attrs;
    const n = x.attributes();
    let hasRef = false;
    let styleIndex = 0;
    let type = T.Number;
    for (let k = 0; k < n; k++) {
      const nameStart = a[k * 4]!;
      if (a[k * 4 + 1]! - nameStart !== 1) continue;
      const vs = a[k * 4 + 2]!;
      const ve = a[k * 4 + 3]!;
      switch (b[nameStart]) {
        case 114:
          if (!this.reference(b, vs, ve)) throw badReference(x.decode(vs, ve));
          hasRef = true;
          break;
        case 115: {
          const v = digits(b, vs, ve);
          styleIndex = v < 0 ? 0 : v;
          break;
        }
        case 116:
          type = cellType(x, vs, ve);
          break;
      }
    }
    if (!hasRef) {
      // no reference: the next column (Excel's reading)
      if (col >= MAX_COLUMN) throw new Refusal(`một dòng có hơn ${MAX_COLUMN.toLocaleString('vi-VN')} ô, quá số cột của Excel (cột cuối là XFD)`);
      this.cellRow = row;
      this.cellColumn = col + 1;
    }
    if (x.selfClosing) return;
    this.inCell = true;
    const r = this.cellRow;
    const c = this.cellColumn;

    let v: string | undefined;
    let inline: StringItem | undefined;
    let hasFormula = false;
    let formula = '';
    let formulaType: string | undefined;
    let shared: string | undefined;
    let master = false;
    for (;;) {
      const t = x.next();
      if (t === Tag.End) throw new MalformedXml('unterminated cell');
      if (t === Tag.Close) {
        if (x.isChar(CH_C)) break;
        throw new MalformedXml('unterminated cell');
      }
      if (x.isChar(CH_V)) v = x.text();
      else if (x.isChar(CH_F)) {
        hasFormula = true;
        formulaType = x.attribute('t');
        if (formulaType === 'shared') {
          shared = x.attribute('si') ?? '';
          master = Boolean(x.attribute('ref'));
        }
        formula = x.text();
      } else if (x.is('is')) inline = readStringItem(x);
      else if (x.isChar(CH_C) || x.is('row')) throw new MalformedXml('unterminated cell');
      else x.skipElement();
    }

    const ctx = this.ctx;
    const store = this.store;
    // the cell's value as text: <v>, or an inline string's text (exceljs reads an empty one as no value)
    const fromInline = type === T.Inline && (v === undefined || v === '') && inline !== undefined && (inline.text !== '' || inline.rich);
    const value = v !== undefined && v !== '' ? v : fromInline ? inline!.text : undefined;

    if (hasFormula && (formula !== '' || formulaType)) {
      const result =
        value === undefined ? undefined : fromInline ? { kind: 'text' as const, text: value } : resultView(type, value, ctx.styles.get(styleIndex), ctx.date1904);
      if (shared !== undefined && master) this.masters.set(shared, { formula, r, c });
      if (shared !== undefined && !master && formula === '') {
        // the group's formula, moved here: known once the whole sheet is read
        const view = store.view(r, c, EMPTY);
        this.children.push({ view, si: shared, r, c, result });
        this.inCell = false;
        return;
      }
      const f = formula;
      store.view(r, c, result ? { kind: 'formula', formula: f, result } : { kind: 'formula', formula: f });
      this.inCell = false;
      return;
    }
    if (value !== undefined) this.storeValue(r, c, type, value, styleIndex, fromInline ? inline : undefined);
    this.inCell = false;
  }

  /** shared formulas' cells get their group's formula, moved */
  private placeSharedFormulas(): void {
    let budget = SLIDE_BUDGET;
    for (const child of this.children) {
      const m = this.masters.get(child.si);
      let formula = '';
      if (m) {
        formula = m.formula;
        if (budget >= formula.length) {
          budget -= formula.length;
          formula = slideFormula(formula, child.r - m.r, child.c - m.c);
        }
      }
      const f = formula;
      this.store.views[child.view] = child.result ? { kind: 'formula', formula: f, result: child.result } : { kind: 'formula', formula: f };
    }
  }

  finish(name: string, state: SheetView['state'], merges: MergeIndex): SheetView {
    this.placeSharedFormulas();
    const store = this.store;
    if (this.ctx.budget) this.ctx.budget.left -= store.n;
    if (!store.ordered) store.sort();
    const n = store.n;
    const { rows, cols, kinds } = store;
    // rowStart[r]: the first cell of row r or after it
    const lastRow = n > 0 ? rows[n - 1]! : 0;
    const rowStart = new Int32Array(lastRow + 2);
    for (let r = 0, i = 0; r <= lastRow + 1; r++) {
      while (i < n && rows[i]! < r) i++;
      rowStart[r] = i;
    }
    // cells merged into another are hidden: only rows that merges cover are looked at
    let hidden = false;
    if (!merges.empty && merges.top <= lastRow) {
      const end = rowStart[Math.min(merges.bottom, lastRow) + 1]!;
      for (let i = rowStart[merges.top]!; i < end; i++) {
        if (merges.hides(rows[i]!, cols[i]!)) {
          kinds[i] = K.Hidden;
          hidden = true;
        }
      }
    }
    let rowCount = lastRow;
    let columnCount = store.maxCol;
    if (hidden) {
      rowCount = 0;
      columnCount = 0;
      for (let i = 0; i < n; i++) {
        if (kinds[i] === K.Hidden) continue;
        if (rows[i]! > rowCount) rowCount = rows[i]!;
        if (cols[i]! > columnCount) columnCount = cols[i]!;
      }
    }
    return new XlsxSheet(
      name,
      state,
      rowCount,
      columnCount,
      rowStart,
      cols.slice(0, n),
      kinds.slice(0, n),
      store.values.slice(0, n),
      store.styles.slice(0, n),
      store.views,
      this.ctx,
      merges,
    );
  }
}

/** "B3:D5" → the range; a single cell → null; an unreadable reference → 'bad' */
function mergeRange(ref: string): MergeRange | null | 'bad' {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7}):\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return /^\$?[A-Za-z]{1,3}\$?\d{1,7}$/.test(ref.trim()) ? null : 'bad';
  const col = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const c1 = col(m[1]!);
  const c2 = col(m[3]!);
  const r1 = Number(m[2]);
  const r2 = Number(m[4]);
  if (Math.min(c1, c2, r1, r2) < 1 || Math.max(c1, c2) > MAX_COLUMN || Math.max(r1, r2) > MAX_ROW) return 'bad';
  const range = { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
  return range.top === range.bottom && range.left === range.right ? null : range;
}

/** Reads one worksheet part. Throws `MalformedXml` for a part it cannot make sense of. */
export function readSheet(xml: Buffer, name: string, state: SheetView['state'], ctx: SheetContext): SheetView {
  const x = new XmlCursor(xml);
  const reader = new SheetReader(x, ctx);
  try {
    return readParts(x, reader, name, state);
  } catch (e) {
    // a refusal inside a cell is at that cell
    if (e instanceof Refusal && reader.inCell) placed(e, reader.cellRow, reader.cellColumn);
    throw e;
  }
}

function readParts(x: XmlCursor, reader: SheetReader, name: string, state: SheetView['state']): SheetView {
  let t: Tag;
  for (t = x.next(); t !== Tag.End; t = x.next()) {
    if (t === Tag.Open && x.is('sheetData')) break;
  }
  if (t === Tag.Open && !x.selfClosing) reader.readSheetData();
  const merges: MergeRange[] = [];
  for (t = x.next(); t !== Tag.End; t = x.next()) {
    if (t !== Tag.Open || !x.is('mergeCell')) continue;
    const ref = x.attribute('ref') ?? '';
    const range = mergeRange(ref);
    if (range === 'bad') throw new Refusal(`vùng gộp ô ${shown(ref)} không hợp lệ`);
    if (range) merges.push(range);
    if (merges.length > MAX_MERGES) throw new Refusal(`trang tính có hơn ${MAX_MERGES.toLocaleString('vi-VN')} vùng gộp ô`);
  }
  x.checkEnd('worksheet');
  return reader.finish(name, state, new MergeIndex(merges));
}
