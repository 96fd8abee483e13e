import { CappedDiagnostics } from '../diagnostics/cap.js';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { CODES } from '../diagnostics/codes.js';
import { EXCEL_CODES } from '../diagnostics/codes-excel.js';
import { readCell, plainText, type CellContext } from './cells.js';
import { CellLocations } from './cell-locator.js';
import { COLUMNS, FIRST_DATA_ROW, FORM_MARKER, META_SHEET, NAMES, SHEET_MARK, parseRowKey, type SheetKind } from './form-layout.js';
import { address, type SheetView, type WorkbookView } from './workbook-spec.js';

/**
 * Reads a filled form back into the as-written submission (an object of strings, the same shape a YAML file
 * gives), with the sheet and cell of every value. Rows left empty are left out, unless the form was filled
 * from a return that had them (the hidden presence mark), so that a round trip changes nothing.
 */

export interface FormIdentity {
  readonly version: string;
  readonly department: string;
  readonly month: string;
  /** where the identity is shown to the user, for diagnostics about department and month */
  readonly sheet: string;
}

type Obj = Record<string, unknown>;

export interface FormRead {
  readonly identity: FormIdentity;
  readonly input: Obj;
  readonly locations: CellLocations;
  readonly diagnostics: Diagnostic[];
}

function metaValue(wb: WorkbookView, name: string, fallbackRow: number): string {
  const meta = wb.sheets.find((s) => s.name === META_SHEET);
  const ref = wb.definedNames.get(name);
  if (ref) {
    const m = /^'?(.+?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(ref);
    const sheet = m && wb.sheets.find((s) => s.name === m[1]!.replace(/''/g, "'"));
    if (m && sheet) {
      const col = [...m[2]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      return plainText(sheet, Number(m[3]), col).trim();
    }
  }
  return meta ? plainText(meta, fallbackRow, 2).trim() : '';
}

/** The form's identity, or null when the workbook is not a baocao form. */
export function detectForm(wb: WorkbookView): FormIdentity | null {
  const meta = wb.sheets.find((s) => s.name === META_SHEET);
  const marker = meta ? plainText(meta, 1, 1) : '';
  const named = wb.definedNames.has(NAMES.form);
  if (marker !== FORM_MARKER && !named) return null;
  const general = wb.sheets.find((s) => plainText(s, 1, 1) === SHEET_MARK.general);
  return {
    version: metaValue(wb, NAMES.version, 1),
    department: metaValue(wb, NAMES.department, 2),
    month: metaValue(wb, NAMES.month, 3),
    sheet: general?.name ?? META_SHEET,
  };
}

function kindOf(sheet: SheetView): SheetKind | null {
  const mark = plainText(sheet, 1, 1);
  const hit = (Object.entries(SHEET_MARK) as [SheetKind, string][]).find(([, m]) => m === mark);
  return hit ? hit[0] : null;
}

/** the kinds of the form's data sheets present in a workbook */
export function sheetKinds(wb: WorkbookView): SheetKind[] {
  return wb.sheets.map(kindOf).filter((k): k is SheetKind => k !== null);
}

interface SheetReader {
  readonly sheet: SheetView;
  readonly kind: SheetKind;
  /** column key → column number, from the hidden first row */
  readonly col: ReadonlyMap<string, number>;
}

class Reader {
  readonly locations = new CellLocations();
  readonly diagnostics: Diagnostic[] = new CappedDiagnostics();
  readonly input: Obj;
  private readonly ctx: CellContext;

  constructor(
    readonly wb: WorkbookView,
    readonly file: string,
    identity: FormIdentity,
  ) {
    this.ctx = { file, date1904: wb.date1904 };
    this.input = { department: identity.department, month: identity.month };
  }

  /** reads an input cell; records its location; returns "" for empty and for unreadable cells (with a diagnostic) */
  field(r: SheetReader, row: number, key: string, path: (string | number)[]): string {
    const column = r.col.get(key);
    if (column === undefined) return '';
    const def = COLUMNS[r.kind].find((c) => c.key === key);
    const got = readCell(r.sheet, row, column, def?.field ?? 'text', this.ctx);
    this.locations.value(path, r.sheet.name, address(row, column));
    if (!got.ok) {
      this.diagnostics.push({ ...got.diagnostic, path });
      return '';
    }
    return got.text;
  }

  locateRow(r: SheetReader, row: number, path: (string | number)[], keyColumn = 'id'): void {
    const cell = address(row, r.col.get(keyColumn) ?? 3);
    this.locations.value(path, r.sheet.name, cell);
    this.locations.key(path, r.sheet.name, cell);
  }

  bucket(key: string): Obj {
    return ((this.input[key] as Obj | undefined) ?? (this.input[key] = Object.create(null) as Obj)) as Obj;
  }

  duplicate(r: SheetReader, row: number, what: string): void {
    this.diagnostics.push(error(EXCEL_CODES.formRow, `dòng ${what} bị lặp lại: mỗi mục chỉ một dòng (có thể dòng đã bị sao chép)`, { file: this.file, sheet: r.sheet.name, cell: address(row, r.col.get('id') ?? 3) }));
  }
}

/** Fields of an entry: only those not empty. */
function collect(reader: Reader, r: SheetReader, row: number, keys: readonly string[], base: (string | number)[]): Obj {
  const out: Obj = {};
  for (const k of keys) {
    const v = reader.field(r, row, k, [...base, k]);
    if (v.trim() !== '') out[k] = v;
  }
  return out;
}

const FIGURES = ['connection', 'total', 'online', 'onTime', 'overdue', 'difficulties'] as const;
const MODEL_FIELDS = ['status', 'progress', 'results', 'difficulties', 'effectiveness', 'funding', 'continuation'] as const;

function isPresent(r: SheetReader, row: number): boolean {
  const c = r.col.get('present');
  return c !== undefined && plainText(r.sheet, row, c).trim() !== '';
}

function readServices(reader: Reader, r: SheetReader): void {
  const services = new Map<string, Obj>();
  const seen = new Set<string>();
  for (let row = 2; row <= r.sheet.rowCount; row++) {
    const key = parseRowKey(plainText(r.sheet, row, 1).trim());
    if (key.kind !== 'service' && key.kind !== 'part') continue;
    const label = key.kind === 'part' ? `${key.id}/${key.part}` : key.id;
    if (seen.has(label)) reader.duplicate(r, row, label);
    seen.add(label);
    const path = key.kind === 'part' ? ['services', key.id, 'parts', key.part] : ['services', key.id];
    reader.locateRow(r, row, path);
    const fields = collect(reader, r, row, FIGURES, path);
    const keep = Object.keys(fields).length > 0 || isPresent(r, row);
    if (key.kind === 'service') {
      if (keep) services.set(key.id, { ...fields, ...(services.get(key.id) ?? {}) });
    } else if (keep) {
      const parent = services.get(key.id) ?? {};
      const parts = (parent.parts as Obj | undefined) ?? {};
      parts[key.part] = fields;
      services.set(key.id, { ...parent, parts });
    }
  }
  if (services.size) Object.assign(reader.bucket('services'), Object.fromEntries(services));
}

function readIndicators(reader: Reader, r: SheetReader): void {
  const out = new Map<string, Obj>();
  const seen = new Set<string>();
  for (let row = 2; row <= r.sheet.rowCount; row++) {
    const key = parseRowKey(plainText(r.sheet, row, 1).trim());
    if (key.kind === 'indicator') {
      if (seen.has(key.id)) reader.duplicate(r, row, key.id);
      seen.add(key.id);
      const path = ['indicators', key.id];
      reader.locateRow(r, row, path);
      const fields = collect(reader, r, row, ['value', 'total', 'asOf', 'from'], path);
      if (Object.keys(fields).length || isPresent(r, row)) out.set(key.id, { ...fields, ...(out.get(key.id) ?? {}) });
    } else if (key.kind === 'ipart') {
      const path = ['indicators', key.id, 'parts', key.part];
      reader.locateRow(r, row, path);
      const v = reader.field(r, row, 'value', path);
      if (v.trim() === '' && !isPresent(r, row)) continue;
      const parent = out.get(key.id) ?? {};
      out.set(key.id, { ...parent, parts: { ...((parent.parts as Obj | undefined) ?? {}), [key.part]: v } });
    }
  }
  if (out.size) Object.assign(reader.bucket('indicators'), Object.fromEntries(out));
}

function readModels(reader: Reader, r: SheetReader): void {
  const seen = new Set<string>();
  for (let row = 2; row <= r.sheet.rowCount; row++) {
    const key = parseRowKey(plainText(r.sheet, row, 1).trim());
    if (key.kind !== 'model') continue;
    if (seen.has(key.id)) reader.duplicate(r, row, key.id);
    seen.add(key.id);
    const path = ['models', key.id];
    reader.locateRow(r, row, path);
    const fields = collect(reader, r, row, MODEL_FIELDS, path);
    if (Object.keys(fields).length || isPresent(r, row)) reader.bucket('models')[key.id] = fields;
  }
}

/** Paragraph rows; rows inserted by the user (no key) belong to the section above. */
function readSections(reader: Reader, r: SheetReader): void {
  const out = new Map<string, string[]>();
  let current: string | null = null;
  for (let row = 2; row <= r.sheet.rowCount; row++) {
    const raw = plainText(r.sheet, row, 1).trim();
    const key = parseRowKey(raw);
    if (key.kind === 'section') {
      if (key.id !== current) {
        current = key.id;
        reader.locateRow(r, row, ['sections', key.id]);
        if (isPresent(r, row)) out.set(key.id, out.get(key.id) ?? []);
      }
    } else if (raw !== '' || current === null) {
      if (raw !== '') current = null;
      continue;
    }
    const list = out.get(current) ?? [];
    const path = ['sections', current, list.length];
    const text = reader.field(r, row, 'text', path);
    if (text.trim() === '') continue;
    list.push(text);
    out.set(current, list);
  }
  if (out.size) Object.assign(reader.bucket('sections'), Object.fromEntries(out));
}

function readFootnotes(reader: Reader, r: SheetReader): void {
  const out: Obj = {};
  let inside = false;
  for (let row = 2; row <= r.sheet.rowCount; row++) {
    const raw = plainText(r.sheet, row, 1).trim();
    if (raw === 'footnote') inside = true;
    else if (raw !== '' || !inside) continue;
    const idCell = address(row, r.col.get('id') ?? 3);
    const probe = reader.field(r, row, 'id', ['footnotes', `#${row}`]).trim();
    const text = reader.field(r, row, 'text', ['footnotes', probe || `#${row}`]);
    if (probe === '' && text.trim() === '') continue;
    if (probe === '') {
      reader.diagnostics.push(error(CODES.schemaMissingKey, 'chú thích chưa có mã (cột "Mã chú thích")', { file: reader.file, sheet: r.sheet.name, cell: idCell }));
      continue;
    }
    if (probe in out) {
      reader.diagnostics.push(error(CODES.duplicateFootnote, `chú thích "${probe}" có hai lần trong trang này`, { file: reader.file, sheet: r.sheet.name, cell: idCell }));
      continue;
    }
    reader.locations.key(['footnotes', probe], r.sheet.name, idCell);
    out[probe] = text;
  }
  if (Object.keys(out).length) Object.assign(reader.bucket('footnotes'), out);
}

function readGeneral(reader: Reader, r: SheetReader): void {
  for (let row = 2; row <= r.sheet.rowCount; row++) {
    const key = parseRowKey(plainText(r.sheet, row, 1).trim());
    const valueCell = address(row, r.col.get('value') ?? 4);
    if (key.kind === 'department' || key.kind === 'month') reader.locations.value([key.kind], r.sheet.name, valueCell);
    if (key.kind === 'asOf') {
      const v = reader.field(r, row, 'value', ['asOf']);
      if (v.trim() !== '') reader.input.asOf = v;
    }
  }
}

const READERS: Record<SheetKind, (reader: Reader, r: SheetReader) => void> = {
  general: readGeneral,
  services: readServices,
  indicators: readIndicators,
  models: readModels,
  sections: readSections,
  footnotes: readFootnotes,
};

export function readForm(wb: WorkbookView, file: string, identity: FormIdentity): FormRead {
  const reader = new Reader(wb, file, identity);
  for (const sheet of wb.sheets) {
    const kind = kindOf(sheet);
    if (!kind) continue;
    const col = new Map<string, number>();
    for (let c = 2; c <= sheet.columnCount; c++) {
      const k = plainText(sheet, 1, c, false).trim();
      if (k) col.set(k, c);
    }
    for (const d of COLUMNS[kind].filter((c) => c.role === 'input' && !col.has(c.key))) {
      const name = `${d.header || d.key}${d.sub ? ` (${d.sub})` : ''}`;
      reader.diagnostics.push(
        error(EXCEL_CODES.formSheet, `trang "${sheet.name}" thiếu cột "${name}" của biểu mẫu (cột bị xóa, hoặc dòng tiêu đề ẩn bị sửa): số liệu của cột này không đọc được. Hãy tạo lại biểu mẫu bằng "baocao forms" và chép số liệu sang`, {
          file,
          sheet: sheet.name,
        }),
      );
    }
    READERS[kind](reader, { sheet, kind, col });
    if (kind === 'services' || kind === 'indicators' || kind === 'models') strayFigures(reader, { sheet, kind, col });
  }
  return { identity, input: reader.input, locations: reader.locations, diagnostics: reader.diagnostics };
}

/** Figures typed in a row that is none of the form's (a row inserted, or below the table) would be lost. */
function strayFigures(reader: Reader, r: SheetReader): void {
  const inputs = COLUMNS[r.kind].filter((d) => d.role === 'input').flatMap((d) => r.col.get(d.key) ?? []);
  for (let row = FIRST_DATA_ROW; row <= r.sheet.rowCount; row++) {
    if (parseRowKey(plainText(r.sheet, row, 1).trim()).kind !== 'other') continue;
    const column = inputs.find((c) => r.sheet.cell(row, c).kind !== 'empty');
    if (column === undefined) continue;
    const cell = address(row, column);
    reader.diagnostics.push(
      error(EXCEL_CODES.strayFigure, `ô ${cell} có số liệu nhưng dòng ${row} không phải một dòng của biểu mẫu (dòng chèn thêm, hoặc ngoài bảng): số liệu này không được đọc. Hãy ghi vào đúng dòng của mục; cần thêm mục thì báo Văn phòng`, {
        file: reader.file,
        sheet: r.sheet.name,
        cell,
      }),
    );
  }
}
