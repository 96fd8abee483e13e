import { allServices, type Catalog, type ServiceDef } from '../catalog/catalog.js';
import { CappedDiagnostics, listed } from '../diagnostics/cap.js';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { EXCEL_CODES } from '../diagnostics/codes-excel.js';
import { formatHundredths, formatNumber, rateHundredths } from '../format/number.js';
import { parseMonth } from '../format/parse.js';
import type { LoadedSubmission } from '../readers/submission.js';
import { validatePartly, type Locator } from '../readers/validate-shape.js';
import type { Path } from '../readers/yaml.js';
import { foldLabel } from '../schema/labels.js';
import { cleanText, countOf, ID_PATTERN, labelOf } from '../schema/scalars.js';
import { submissionSchemas, type Submission } from '../schema/submission.js';
import { numberText, readCell, plainText, type CellContext, type FieldKind } from './cells.js';
import { findLegacyHeader, type LegacyField, type LegacyHeader } from './legacy-header.js';
import { nameKey, nameKeys, withoutListMark } from './name-match.js';
import { address, type SheetView, type WorkbookView } from './workbook-spec.js';
import type { FigureField } from './yaml-writer.js';

/**
 * Sheets laid out like Phụ lục I or II, as departments send them today: rows are matched to catalog services
 * by name (Unicode form, tone-mark placement, case, spacing and punctuation do not matter), sub-rows ("- …")
 * to the parts of the row above, and each row goes to the department that owns it. The sheet's own Tỷ lệ is
 * never used: where it disagrees with online/total, a warning names its cell.
 */

export interface LegacyRead {
  /** one partial return (services only) per department that owns a matched row */
  readonly submissions: LoadedSubmission[];
  /** matched service ids per department */
  readonly services: ReadonlyMap<string, string[]>;
  /** the service fields the sheets have columns for (all sheets read) */
  readonly fields: readonly FigureField[];
  readonly diagnostics: Diagnostic[];
  /** number of rows read */
  readonly rows: number;
  /**
   * the returns of departments whose rows have problems, as far as they could be validated (`validatePartly`), for
   * the cross-checks to report on in the same run; never written
   */
  readonly partials?: readonly { readonly loaded: LoadedSubmission; readonly dropped: readonly Path[] }[];
}

type Obj = Record<string, unknown>;

/**
 * A map keyed by catalog ids: a null-prototype object, which V8 keeps as a hash table. Plain objects would each
 * get their own hidden class, thousands of them for thousands of different ids, at a high cost per key.
 */
function keyed(): Obj {
  return Object.create(null) as Obj;
}

/**
 * An ordinary object ({}, as zod's records are) that V8 keeps as a hash table, as it does `keyed()`: deleting a
 * property other than the last one added turns an object into one. Built as a fast object, each record of
 * sub-rows with ids of its own got hidden classes of its own (a third of reading the 50,000 rows of the bench).
 */
function dictionary(): Obj {
  const o: Obj = { a: 0, b: 0 };
  delete o.a;
  delete o.b;
  return o;
}
const FIGURES: readonly [LegacyField, 'label' | 'count' | 'text'][] = [
  ['connection', 'label'],
  ['total', 'count'],
  ['online', 'count'],
  ['onTime', 'count'],
  ['overdue', 'count'],
  ['difficulties', 'text'],
];

const ROMAN = /^(?:[ivxlc]+)\.?$/i;
export const TOTAL_ROW: ReadonlySet<string> = new Set(['tong', 'tong cong', 'cong', 'tong so', 'tong so dich vu']);
/** letters and digits in the longest name of TOTAL_ROW */
const TOTAL_ROW_LETTERS = Math.max(...[...TOTAL_ROW].map((t) => t.replace(/ /g, '').length));

/**
 * Whether a name has more ASCII letters and digits than any name of TOTAL_ROW: each of them stays one letter or
 * digit when folded (foldLabel), so such a name cannot fold to a total row's.
 */
export function longerThanTotal(name: string): boolean {
  let n = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const lower = c | 32; // A-Z → a-z (and nothing else lands in a-z)
    if ((c >= 48 && c <= 57) || (lower >= 97 && lower <= 122)) {
      if (++n > TOTAL_ROW_LETTERS) return true;
    }
  }
  return false;
}

interface Matcher {
  readonly byName: ReadonlyMap<string, ServiceDef[]>;
  /** which table the sheet is: from its title ("06/QĐ-TTg", "422/QĐ-TTg"), when it says */
  readonly table: 'qd06' | 'qd422' | null;
}

/** the catalog's services by name key, made once per catalog (a workbook may hold both Phụ lục I and II) */
const BY_NAME = new WeakMap<Catalog, ReadonlyMap<string, ServiceDef[]>>();
function servicesByName(catalog: Catalog): ReadonlyMap<string, ServiceDef[]> {
  let byName = BY_NAME.get(catalog);
  if (!byName) {
    const map = new Map<string, ServiceDef[]>();
    const services = allServices(catalog);
    const keys = nameKeys(services.map((s) => s.name));
    for (const [i, s] of services.entries()) {
      const key = keys[i]!;
      const same = map.get(key);
      if (same) same.push(s);
      else map.set(key, [s]);
    }
    BY_NAME.set(catalog, (byName = map));
  }
  return byName;
}

function matcher(catalog: Catalog, sheet: SheetView, header: LegacyHeader): Matcher {
  const byName = servicesByName(catalog);
  let title = '';
  for (let r = 1; r < header.top; r++) for (let c = 1; c <= sheet.columnCount; c++) title += ' ' + plainText(sheet, r, c);
  const t = foldLabel(title);
  const table = /\b422\b/.test(t) ? 'qd422' : /\b06 qd\b|\bso 06\b|\b25 dich vu\b/.test(t) ? 'qd06' : null;
  return { byName, table };
}

type Part = ServiceDef['parts'][number];

/**
 * A service's sub-rows by name key (the first of a key), and whether its ids are ones the schema takes, made once
 * per service and not once per row: the keys in the catalog's order, looked through (a few sub-rows each, for
 * thousands of services: a map each took more memory and time), with a map for a service that has many.
 */
class PartKeys {
  private readonly keys: string[];
  /** per sub-row, its slot: the place of the first sub-row with its id (a valid catalog's ids are unique) */
  private readonly slots: number[];
  private readonly map: Map<string, number> | undefined;
  /** whether the schema takes the service's id and those of its sub-rows (a catalog made in code may hold others) */
  readonly idsTaken: boolean;

  constructor(def: ServiceDef) {
    const parts = def.parts;
    this.idsTaken = ID_PATTERN.test(def.id) && parts.every((p) => ID_PATTERN.test(p.id));
    // (pushed: `map` made arrays of two elements kinds, and the optimized lookup was thrown away)
    this.keys = [];
    for (const p of parts) this.keys.push(nameKey(p.name));
    this.slots = partSlots(parts);
    if (parts.length > 16) {
      this.map = new Map();
      for (let i = 0; i < parts.length; i++) if (!this.map.has(this.keys[i]!)) this.map.set(this.keys[i]!, this.slots[i]!);
    }
  }

  /** the slot of the first sub-row whose name has this key; -1 for none */
  slot(key: string): number {
    if (this.map) return this.map.get(key) ?? -1;
    const keys = this.keys;
    for (let i = 0; i < keys.length; i++) if (keys[i] === key) return this.slots[i]!;
    return -1;
  }
}

/** each sub-row's slot: the place of the first sub-row with its id (looked through: a few sub-rows, mostly) */
function partSlots(parts: readonly Part[]): number[] {
  const first = parts.length > 16 ? new Map<string, number>() : undefined;
  const slots: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const id = parts[i]!.id;
    let slot = i;
    if (first) {
      if (!first.has(id)) first.set(id, i);
      slot = first.get(id)!;
    } else {
      for (let j = 0; j < i; j++) {
        if (parts[j]!.id === id) {
          slot = j;
          break;
        }
      }
    }
    slots.push(slot);
  }
  return slots;
}
const PART_KEYS = new WeakMap<ServiceDef, PartKeys>();
function partKeys(def: ServiceDef): PartKeys {
  let keys = PART_KEYS.get(def);
  if (!keys) PART_KEYS.set(def, (keys = new PartKeys(def)));
  return keys;
}

/** "(1)", "12": a row numbering the columns (most names start with a letter: one character tells) */
function numbering(name: string): boolean {
  const c = name.charCodeAt(0);
  if (c !== 40 /* ( */ && !(c >= 48 && c <= 57)) return false;
  return /^\(?\d+\)?$/.test(name);
}

function inTable(catalog: Catalog, table: 'qd06' | 'qd422', id: string): boolean {
  return catalog[table].groups.some((g) => g.services.some((s) => s.id === id));
}

/**
 * "25,87%", "100%", "7,5%" as most sheets write a rate: up to 7 digits, then up to 2 decimals after a comma. In
 * hundredths, what the general path gives them (Number("25.87") × 100, rounded), counted in integers; null for
 * any other text.
 */
function usualRate(t: string): number | null {
  const n = t.length;
  if (n < 2 || t.charCodeAt(n - 1) !== 37 /* % */) return null;
  let whole = 0;
  let i = 0;
  for (; i < n - 1; i++) {
    const d = t.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    whole = whole * 10 + d;
  }
  if (i === 0 || i > 7) return null;
  if (i === n - 1) return whole * 100;
  if (t.charCodeAt(i) !== 44 /* , */) return null;
  const decimals = n - 2 - i;
  if (decimals < 1 || decimals > 2) return null;
  const d1 = t.charCodeAt(i + 1) - 48;
  const d2 = decimals === 2 ? t.charCodeAt(i + 2) - 48 : 0;
  if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return null;
  return whole * 100 + d1 * 10 + d2;
}

/** Percent as printed: "25,87%", "25.87", 0.2587 formatted as %, "100%" → hundredths of a percent; null when blank. */
function printedRate(sheet: SheetView, row: number, column: number, computed: number | null): number | null {
  let v = sheet.cell(row, column);
  if (v.kind === 'formula') v = v.result ?? { kind: 'empty' };
  if (v.kind === 'number') {
    if (v.numFmt?.includes('%')) return Math.round(v.value * 10000);
    const asPercent = Math.round(v.value * 100);
    const asFraction = Math.round(v.value * 10000);
    if (computed === null) return asPercent;
    return Math.abs(asFraction - computed) < Math.abs(asPercent - computed) ? asFraction : asPercent;
  }
  return v.kind === 'text' ? rateText(v.text) : null;
}

/** A percent written as text ("25,87%", "25.87", " 100 % ") → hundredths of a percent; null when blank or not a number. */
export function rateText(text: string): number | null {
  const usual = usualRate(text);
  if (usual !== null) return usual;
  const s = text.replace(/[\s%]/g, '').replace(',', '.');
  if (s === '' || s === '-') return null;
  const n = Number(s);
  return Number.isFinite(n) ? Math.round(n * 100) : null;
}

/**
 * What the schema makes of a value read from a cell (its text, blanks left out): the count, label key or cleaned
 * text of SubmissionFile's Count, labelled and Text scalars; undefined where the schema would find a problem.
 */
function typed(kind: FieldKind, text: string, connection: Readonly<Record<string, string>>): unknown {
  switch (kind) {
    case 'count':
      return typedCount(text);
    case 'label':
      return labelOf(connection, text);
    default:
      return cleanText(text);
  }
}

function typedCount(text: string): number | null | undefined {
  const v = countOf(text);
  return typeof v === 'string' ? undefined : v;
}

/** a number cell's count, as `typed('count', numberText(n))` gives it; undefined for one that is not a count */
function numberCount(n: number): number | undefined {
  const r = Math.round(n);
  // numberText writes such a number as its digits (−0 as "0"); any other is not a count
  if (Math.abs(n - r) < 1e-9 && Number.isSafeInteger(r) && r >= 0) return r + 0;
  // (numberText never writes a blank)
  return typedCount(numberText(n)) ?? undefined;
}

/** `direct` met a value the schema would find a problem in */
const AS_WRITTEN = Symbol('as written');

/**
 * Reads the sheets laid out like Phụ lục I or II; null when there is none.
 *
 * Each return is built as SubmissionFile parses it, straight from the cells: counts as numbers, labels as their
 * keys, texts cleaned, by the schema's own scalar functions. Building the returns as written (texts) and then
 * parsing them with zod took a fifth of a 50,000-row import, mostly in making the strings and objects twice. A
 * value the schema would find a problem in sends the whole workbook the way it was always read, as written and
 * then parsed by zod (`direct: false`), so every problem is found and worded by zod as before; the tests hold the
 * two ways to the same returns and diagnostics.
 */
export function readLegacyWorkbook(wb: WorkbookView, file: string, catalog: Catalog, month: string, options: { direct?: boolean } = {}): LegacyRead | null {
  if (options.direct !== false) {
    const read = readLegacyDirect(wb, file, catalog, month);
    if (read !== undefined) return read;
  }
  return readSheets(wb, file, catalog, month, false) as LegacyRead | null;
}

/** The direct reading alone: undefined when the sheets hold a value the schema would find a problem in. */
export function readLegacyDirect(wb: WorkbookView, file: string, catalog: Catalog, month: string): LegacyRead | null | undefined {
  const read = readSheets(wb, file, catalog, month, true);
  return read === AS_WRITTEN ? undefined : read;
}

function readSheets(wb: WorkbookView, file: string, catalog: Catalog, month: string, direct: boolean): LegacyRead | null | typeof AS_WRITTEN {
  const parsedMonth = direct ? parseMonth(month) : month;
  if (parsedMonth === null) return AS_WRITTEN;
  const reading = new Reading(file, catalog, parsedMonth, direct, { file, date1904: wb.date1904 });
  let found = false;
  for (const sheet of wb.sheets) {
    if (sheet.state !== 'visible') continue;
    const header = findLegacyHeader(sheet);
    if (!header) continue;
    found = true;
    const rows = new SheetRows(reading, sheet, header);
    for (let row = header.bottom + 1; row <= sheet.rowCount; row++) if (!rows.read(row)) return AS_WRITTEN;
  }
  if (!found) return null;

  const { diagnostics, rowsRead } = reading;
  const submissions: LoadedSubmission[] = [];
  const services = new Map<string, string[]>();
  const partials: { loaded: LoadedSubmission; dropped: readonly Path[] }[] = [];
  const locator = rowsRead.locator(file);
  for (const [department, { input, values }] of reading.inputs) {
    if (direct) {
      const submission = input as Submission;
      submissions.push({ file, format: 'xlsx', submission, locator });
      services.set(department, Object.keys(submission.services!));
      continue;
    }
    // (keys are catalog ids and field names)
    const v = validatePartly(submissionSchemas(catalog.vocabularies.labels).SubmissionFile, input, locator, { values });
    for (const d of v.diagnostics) diagnostics.push(d);
    if (!v.ok) {
      if (v.partial) partials.push({ loaded: { file, format: 'xlsx', submission: v.partial, locator }, dropped: v.dropped });
      continue;
    }
    submissions.push({ file, format: 'xlsx', submission: v.value, locator });
    services.set(department, Object.keys(v.value.services ?? {}));
  }
  return { submissions, services, diagnostics: listed(diagnostics), rows: reading.rows, fields: [...reading.fields], ...(partials.length ? { partials } : {}) };
}

/** What reading a workbook's sheets one way (`direct` or as written) gathers. */
class Reading {
  readonly diagnostics: Diagnostic[] = new CappedDiagnostics();
  /** each department's return, and about how many values it has (rows and their cells) */
  readonly inputs = new Map<string, { input: Obj; values: number }>();
  readonly rowsRead = new LegacyRows();
  /** rows of services and sub-rows read */
  rows = 0;
  readonly fields = new Set<FigureField>();
  /** names as folded for the total/group checks (sub-row names repeat on every service) */
  readonly folds = new Map<string, string>();
  /** the names of sub-rows as read: without their list mark, and their keys */
  readonly listed = new Map<string, { readonly name: string; readonly marked: boolean; readonly key: string }>();

  constructor(
    readonly file: string,
    readonly catalog: Catalog,
    readonly month: string,
    readonly direct: boolean,
    readonly ctx: CellContext,
  ) {}
}

/**
 * The rows of one sheet, read one at a time. (Each step is a small method: one function holding the whole loop
 * took V8 70–100 ms to optimize on the 50,000 rows of the bench, while the rows ran in its unoptimized code.)
 */
class SheetRows {
  private readonly m: Matcher;
  private readonly col: LegacyHeader['columns'];
  private readonly sheetIndex: number;
  /** the figure columns this sheet has, in FIGURES order */
  private readonly figureColumns: { readonly field: FigureField; readonly kind: 'label' | 'count' | 'text'; readonly column: number }[];
  /** the columns of counts: a row with any of them filled is a row of figures */
  private readonly countColumns: number[];
  /** the service row above, and its sub-rows by name key */
  private parent: ServiceDef | null = null;
  private parentParts: PartKeys | undefined;

  constructor(
    private readonly r: Reading,
    private readonly sheet: SheetView,
    header: LegacyHeader,
  ) {
    this.m = matcher(r.catalog, sheet, header);
    this.col = header.columns;
    this.sheetIndex = r.rowsRead.addSheet(sheet.name, this.col);
    const col = this.col;
    this.figureColumns = FIGURES.flatMap(([f, kind]) => (col[f] !== undefined ? [{ field: f as FigureField, kind, column: col[f]! }] : []));
    for (const { field } of this.figureColumns) r.fields.add(field);
    this.countColumns = this.figureColumns.filter((f) => f.kind === 'count').map((f) => f.column);
  }

  /** where a cell is, for a diagnostic */
  private readonly at: At = (row, c) => ({ file: this.r.file, sheet: this.sheet.name, cell: address(row, c ?? 1) });

  private setParent(def: ServiceDef | null): void {
    this.parent = def;
    this.parentParts = def ? partKeys(def) : undefined;
  }

  /** Reads one row; false when reading directly met a value the schema would find a problem in. */
  read(row: number): boolean {
    const { sheet, col, r } = this;
    const nameMaster = col.name !== undefined ? sheet.mergedInto(row, col.name) : undefined;
    const rawName = nameMaster && Number(/\d+$/.exec(nameMaster)?.[0]) !== row ? '' : plainText(sheet, row, col.name!, false).trim();
    let figures = false;
    for (let k = 0; k < this.countColumns.length && !figures; k++) figures = sheet.filled(row, this.countColumns[k]!);
    if (rawName === '' && !figures) return true;
    if (numbering(rawName)) return true; // a row numbering the columns: (1) (2) (3) …
    if (rawName === '') {
      r.diagnostics.push(error(EXCEL_CODES.legacyUnmatched, 'dòng có số liệu nhưng không có tên dịch vụ công', this.at(row, col.name)));
      return true;
    }
    // a total row's name folds to a few letters; a group row has no figures: most names need no folding
    if (!figures || !longerThanTotal(rawName)) {
      let folded = r.folds.get(rawName);
      if (folded === undefined) r.folds.set(rawName, (folded = foldLabel(rawName)));
      if (TOTAL_ROW.has(folded)) return true;
      const stt = col.stt !== undefined ? plainText(sheet, row, col.stt, false).trim() : '';
      if (!figures && (ROMAN.test(stt) || /^nhom\b/.test(folded))) {
        this.setParent(null);
        return true;
      }
    }
    r.rows++;
    // a sub-row's name is the same text on every service ("- Cấp mới"): its facts are kept by that text
    let facts = r.listed.get(rawName);
    if (!facts) {
      const { name, marked } = withoutListMark(rawName);
      facts = { name, marked, key: nameKey(name) };
      if (marked) r.listed.set(rawName, facts);
    }
    const { name, marked, key } = facts;
    let def: ServiceDef | undefined;
    let partId: string | undefined;
    /** the sub-row's slot in its service's sub-rows (-1: the service's own row) */
    let partSlot = -1;
    if (marked) {
      const parent = this.parent;
      const slot = this.parentParts ? this.parentParts.slot(key) : -1;
      if (!parent || slot < 0) {
        const where = parent ? `các dòng con của "${parent.stt} ${parent.name}" là: ${parent.parts.map((p) => p.name).join('; ') || '(không có)'}` : 'không có dòng dịch vụ nào ở trên';
        r.diagnostics.push(error(EXCEL_CODES.legacyPart, `dòng con "${rawName}" không khớp dòng con nào của dịch vụ ở trên (${where})`, this.at(row, col.name)));
        return true;
      }
      def = parent;
      partSlot = slot;
      partId = parent.parts[slot]!.id;
    } else {
      def = this.service(row, rawName, key);
      if (!def) return true;
    }
    // (the service is the parent now, its facts at hand)
    if (r.direct && !this.parentParts!.idsTaken) return false;
    const first = r.rowsRead.claim(def, partSlot, this.sheetIndex, row);
    if (first) {
      r.diagnostics.push(error(EXCEL_CODES.legacyDuplicate, `dịch vụ "${def.stt} ${partId ? name : def.name}" đã có ở ô ${first.sheet} › ${first.cell}`, this.at(row, col.name)));
      return true;
    }
    const values = this.values(row, def, partId);
    if (!values) return false;
    if (!this.place(def, partId, values)) return false;
    if (col.rate !== undefined) rateCheck(r.diagnostics, sheet, row, col, this.at, values);
    return true;
  }

  /** the service a row names (then the parent of the sub-rows under it); undefined, with a diagnostic, for none or several */
  private service(row: number, rawName: string, key: string): ServiceDef | undefined {
    const { r, m } = this;
    let candidates = m.byName.get(key) ?? [];
    if (candidates.length > 1 && m.table) candidates = candidates.filter((s) => inTable(r.catalog, m.table!, s.id));
    if (candidates.length === 0) {
      r.diagnostics.push(error(EXCEL_CODES.legacyUnmatched, `"${rawName}" không khớp tên dịch vụ công nào trong danh mục (catalog/services-*.yaml): hãy sửa tên cho đúng danh mục`, this.at(row, this.col.name)));
      this.setParent(null);
      return undefined;
    }
    if (candidates.length > 1) {
      r.diagnostics.push(error(EXCEL_CODES.legacyAmbiguous, `"${rawName}" khớp nhiều dịch vụ (${candidates.map((c) => c.id).join(', ')})`, this.at(row, this.col.name)));
      return undefined;
    }
    this.setParent(candidates[0]!);
    return candidates[0]!;
  }

  /** the row's figures, blanks left out (null: reading directly met a value the schema would find a problem in) */
  private values(row: number, def: ServiceDef, partId: string | undefined): Obj | null {
    const { sheet, r } = this;
    const values: Obj = {};
    for (const { field, kind, column } of this.figureColumns) {
      // a status or text merged down over several rows applies to each of them; merged figures are an error
      const merged = sheet.mergedInto(row, column) !== undefined;
      if (r.direct && kind === 'count' && !merged) {
        // most figures are numbers: their counts, without their texts
        const n = sheet.plainNumber(row, column);
        if (n !== undefined) {
          const v = numberCount(n);
          if (v === undefined) return null;
          values[field] = v;
          continue;
        }
      }
      let text: string;
      // a cell of text or an empty one, as most are, is what readCell would make of it, without asking twice
      const view = merged ? undefined : sheet.cell(row, column);
      if (view?.kind === 'empty') continue;
      if (view?.kind === 'text') text = view.text;
      else {
        const got = kind !== 'count' && merged ? { ok: true as const, text: plainText(sheet, row, column) } : readCell(sheet, row, column, kind, r.ctx);
        if (!got.ok) {
          r.diagnostics.push({ ...got.diagnostic, path: [...(partId ? ['services', def.id, 'parts', partId] : ['services', def.id]), field] });
          continue;
        }
        text = got.text;
      }
      if (text.trim() === '') continue;
      if (!r.direct) values[field] = text;
      else {
        const v = typed(kind, text, r.catalog.vocabularies.labels.connection);
        if (v === undefined) return null;
        values[field] = v;
      }
    }
    return values;
  }

  /** puts a row's figures into its department's return (false: the department's id is not one the schema takes) */
  private place(def: ServiceDef, partId: string | undefined, values: Obj): boolean {
    const r = this.r;
    let dept = r.inputs.get(def.owner);
    if (!dept) {
      if (r.direct && !ID_PATTERN.test(def.owner)) return false;
      r.inputs.set(def.owner, (dept = { input: { department: def.owner, month: r.month, services: r.direct ? dictionary() : keyed() }, values: 0 }));
    }
    dept.values += 1 + this.figureColumns.length;
    const services = dept.input.services as Obj;
    // (an ordinary object has keys such as "constructor" from its prototype)
    const existing = (Object.hasOwn(services, def.id) ? services[def.id] : undefined) as Obj | undefined;
    if (partId) {
      const entry = existing ?? (services[def.id] = {});
      // (a spread copy of the parts for each sub-row was most of this loop's time)
      const parts = (entry.parts ??= r.direct ? dictionary() : keyed()) as Obj;
      parts[partId] = values;
    } else {
      // (the row itself where it is the first: a spread copy has a hidden class of its own, which made the
      // rules' and the writer's reads of a sub-row's and a row's figures polymorphic)
      services[def.id] = existing ? { ...values, ...existing } : values;
    }
    return true;
  }
}

/** a sheet row, as one number: sheet index × 2^20 + row (Excel has at most 2^20 rows) */
const ROWS = 2 ** 20;

/**
 * The rows the sheets' services and sub-rows were read from, one number each, by service id and part id: a second
 * row for the same service is a duplicate, and a problem found later in the return is located from here — a
 * value's cell is its row and the column its sheet has for the field. (The general CellLocations tree would keep a
 * node and a map for each of tens of thousands of rows.)
 */
class LegacyRows {
  private readonly sheets: { name: string; columns: LegacyHeader['columns'] }[] = [];
  /** by service id: its row, and its sub-rows' rows by slot (-1: none yet) */
  private readonly services = new Map<string, { readonly def: ServiceDef; row?: number; parts?: number[] }>();

  addSheet(name: string, columns: LegacyHeader['columns']): number {
    return this.sheets.push({ name, columns }) - 1;
  }

  /**
   * Records the row of a service (slot -1) or of its sub-row in this slot (see PartKeys); when it already had one,
   * that row's name cell, and nothing is recorded.
   */
  claim(def: ServiceDef, slot: number, sheet: number, row: number): { sheet: string; cell: string } | undefined {
    let s = this.services.get(def.id);
    if (!s) this.services.set(def.id, (s = { def }));
    const place = sheet * ROWS + row;
    if (slot < 0) {
      if (s.row !== undefined) return this.spot(s.row, undefined);
      s.row = place;
      return undefined;
    }
    // (an array per service, not a map: thousands of services with a few sub-rows each)
    const parts = (s.parts ??= new Array<number>(s.def.parts.length).fill(-1));
    const earlier = parts[slot]!;
    if (earlier >= 0) return this.spot(earlier, undefined);
    parts[slot] = place;
    return undefined;
  }

  /** the cell of `field` in the row at `place` (the name's cell without a field, or when the sheet has no such column) */
  private spot(place: number, field: string | undefined): { sheet: string; cell: string } {
    const row = place % ROWS;
    const sheet = this.sheets[(place - row) / ROWS]!;
    const column = (field !== undefined && Object.hasOwn(FIELD_COLUMNS, field) ? sheet.columns[field as LegacyField] : undefined) ?? sheet.columns.name ?? 1;
    return { sheet: sheet.name, cell: address(row, column) };
  }

  /**
   * Paths of a return read from the sheets: services/<id>[/<field> | /parts[/<part id>[/<field>]]]. A path is
   * located at the deepest row it names; its field's cell when the row's sheet has a column for it.
   */
  locator(file: string): Locator {
    return {
      file,
      at: (path) => {
        if (path[0] !== 'services' || path.length < 2) return {};
        const s = this.services.get(String(path[1]));
        if (!s) return {};
        let place = s.row;
        let rest = path.slice(2);
        if (rest[0] === 'parts') {
          const slot = rest.length > 1 ? s.def.parts.findIndex((p) => p.id === String(rest[1])) : -1;
          const p = slot >= 0 ? (s.parts?.[slot] ?? -1) : -1;
          if (p < 0) return place === undefined ? {} : this.spot(place, undefined);
          place = p;
          rest = rest.slice(2);
        }
        if (place === undefined) return {};
        return this.spot(place, rest.length > 0 ? String(rest[0]) : undefined);
      },
    };
  }
}

/** the figure fields, which have columns */
const FIELD_COLUMNS: Readonly<Record<string, true>> = Object.fromEntries(FIGURES.map(([f]) => [f, true]));

/**
 * A count read from the row: `fields` holds the values of the cells read without a problem, blanks left out,
 * as texts or (read directly) as the schema makes them.
 */
function count(fields: Obj, field: 'total' | 'online'): number | null {
  const text = fields[field];
  if (typeof text === 'number') return text;
  if (typeof text !== 'string') return null;
  const v = countOf(text);
  return typeof v === 'number' ? v : null;
}

type At = (row: number, column: number | undefined) => { file: string; sheet: string; cell: string };

function rateCheck(out: Diagnostic[], sheet: SheetView, row: number, col: LegacyHeader['columns'], at: At, fields: Obj): void {
  const total = count(fields, 'total');
  const online = count(fields, 'online');
  const computed = rateHundredths(online, total);
  const printed = printedRate(sheet, row, col.rate!, computed);
  if (printed === null) return;
  if (computed === null ? printed === 0 : printed === computed) return;
  const cell = sheet.cell(row, col.rate!);
  const shown = cell.kind === 'text' ? cell.text.trim() : formatHundredths(printed);
  const should = computed === null ? 'không có tỷ lệ (tổng số bằng 0 hoặc để trống)' : `${formatNumber(online!)}/${formatNumber(total!)} = ${formatHundredths(computed)}`;
  out.push(warning(EXCEL_CODES.legacyRate, `tỷ lệ ghi trong bảng (${shown}) khác trực tuyến/tổng số (${should}); báo cáo dùng tỷ lệ tính lại`, at(row, col.rate)));
}
