import type * as ExcelJSTypes from 'exceljs';
import { unzipSync } from 'fflate';
import { zipFiles } from '../archive/zip-writer.js';
import type { CellSpec, SheetSpec, StyleSpec, ValidationSpec, WorkbookSpec } from './workbook-spec.js';

/**
 * The only module that touches exceljs (unmaintained since 2023), and only to write workbooks (forms, the
 * appendices): swap the library here and nowhere else. Workbooks are read without it (xlsx-read/).
 * exceljs costs ~150 ms to import, so it is imported on first use, never at module load.
 */

type ExcelJS = typeof ExcelJSTypes;
let loading: Promise<ExcelJS> | undefined;

async function excel(): Promise<ExcelJS> {
  loading ??= import('exceljs').then((m) => ((m as unknown as { default?: ExcelJS }).default ?? (m as unknown as ExcelJS)));
  return loading;
}

// ---------------------------------------------------------------- writing

const DEFAULT_FONT = { name: 'Times New Roman', size: 12 };

function font(sheet: SheetSpec, style: StyleSpec | undefined): Partial<ExcelJSTypes.Font> {
  const base = sheet.defaultFont ?? DEFAULT_FONT;
  const f = style?.font;
  return {
    name: base.name,
    size: f?.size ?? base.size,
    ...(f?.bold ? { bold: true } : {}),
    ...(f?.italic ? { italic: true } : {}),
    ...(f?.color ? { color: { argb: 'FF' + f.color } } : {}),
  };
}

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };

function applyCell(cell: ExcelJSTypes.Cell, sheet: SheetSpec, spec: CellSpec): void {
  const v = spec.value;
  if (v !== null) {
    if (typeof v === 'object' && 'date' in v) {
      const [y, m, d] = v.date.split('-').map(Number);
      cell.value = new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, d ?? 1));
    } else if (typeof v === 'object' && 'rich' in v) {
      const base = font(sheet, spec.style);
      cell.value = { richText: v.rich.map((r) => ({ text: r.text, font: { ...base, ...(r.bold ? { bold: true } : {}), ...(r.italic ? { italic: true } : {}) } })) };
    } else if (typeof v === 'object' && 'formula' in v) {
      cell.value = v.result === undefined ? { formula: v.formula, date1904: false } : { formula: v.formula, result: v.result, date1904: false };
    } else {
      cell.value = v;
    }
  }
  cell.style = cellStyle(sheet, spec.style);
  if (spec.note) cell.note = spec.note;
}

/**
 * One exceljs style object for all the cells that look alike: exceljs finds a style it has seen by the object
 * (a WeakMap) and otherwise writes the style out as XML to look it up, for each cell — most of the time of
 * writing a large workbook. (exceljs's setters such as `cell.font = …` change the cell's style object in place,
 * so a cell given a shared style is never styled through them.)
 */
function cellStyle(sheet: SheetSpec, s: StyleSpec | undefined): Partial<ExcelJSTypes.Style> {
  const base = sheet.defaultFont ?? DEFAULT_FONT;
  const key = `${base.name}\u0000${base.size}\u0000${s ? JSON.stringify(s) : ''}`;
  let style = STYLES.get(key);
  if (!style) {
    style = { font: font(sheet, s) };
    if (s) {
      if (s.horizontal || s.vertical || s.wrap || s.indent) {
        style.alignment = {
          ...(s.horizontal ? { horizontal: s.horizontal } : {}),
          ...(s.vertical ? { vertical: s.vertical } : {}),
          ...(s.wrap ? { wrapText: true } : {}),
          ...(s.indent ? { indent: s.indent } : {}),
        };
      }
      if (s.border) style.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
      if (s.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + s.fill } };
      if (s.numFmt) style.numFmt = s.numFmt;
      if (s.locked === false) style.protection = { locked: false };
    }
    STYLES.set(key, style);
  }
  return style;
}
const STYLES = new Map<string, Partial<ExcelJSTypes.Style>>();

const DATE_FLOOR = new Date(Date.UTC(2000, 0, 1));
const DATE_CEILING = new Date(Date.UTC(2099, 11, 31));

function validation(rule: ValidationSpec): ExcelJSTypes.DataValidation {
  const prompt = rule.prompt ? { showInputMessage: true, prompt: rule.prompt, ...(rule.promptTitle ? { promptTitle: rule.promptTitle } : {}) } : {};
  const err = 'error' in rule && rule.error ? { showErrorMessage: true, errorStyle: 'stop' as const, errorTitle: 'Giá trị không hợp lệ', error: rule.error } : {};
  switch (rule.kind) {
    case 'whole':
      return { type: 'whole', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [rule.min], ...prompt, ...err };
    case 'list':
      return { type: 'list', allowBlank: true, formulae: [rule.source], ...prompt, ...err };
    case 'date':
      // 1/1/2000 … 31/12/2099, stored as the date serials 36526 and 73050: exceljs writes a date rule's formulae
      // through `new Date(formula)`, so a number given here would be read as milliseconds (January 1970)
      return { type: 'date', operator: 'between', allowBlank: true, formulae: [DATE_FLOOR, DATE_CEILING], ...prompt, ...err } as unknown as ExcelJSTypes.DataValidation;
    case 'prompt':
      return { type: 'any', allowBlank: true, formulae: [], ...prompt } as unknown as ExcelJSTypes.DataValidation;
  }
}

function addSheet(wb: ExcelJSTypes.Workbook, spec: SheetSpec): void {
  const ws = wb.addWorksheet(spec.name, { state: spec.state ?? 'visible' });
  spec.columns?.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    if (c.width !== undefined) col.width = c.width;
    if (c.hidden) col.hidden = true;
  });
  for (const [r, row] of [...spec.cells].sort((a, b) => a[0] - b[0])) {
    for (const [c, cell] of [...row].sort((a, b) => a[0] - b[0])) applyCell(ws.getCell(r, c), spec, cell);
  }
  for (const [r, o] of spec.rows ?? []) {
    const row = ws.getRow(r);
    if (o.height !== undefined) row.height = o.height;
    if (o.hidden) row.hidden = true;
  }
  for (const m of spec.merges ?? []) ws.mergeCells(m);
  // exceljs types lack `dataValidations`; ranges are kept as given (bounded, never whole columns)
  const dv = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJSTypes.DataValidation): void } }).dataValidations;
  for (const v of spec.validations ?? []) dv.add(v.range, validation(v.rule));
  if (spec.frozen) ws.views = [{ state: 'frozen', xSplit: spec.frozen.columns, ySplit: spec.frozen.rows }];
  if (spec.print) {
    const m = spec.print.margins ?? { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6 };
    ws.pageSetup = {
      paperSize: 9,
      orientation: spec.print.landscape ? 'landscape' : 'portrait',
      ...(spec.print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
      ...(spec.print.titleRows ? { printTitlesRow: spec.print.titleRows } : {}),
      margins: { ...m, header: 0.3, footer: 0.3 },
    };
    // &C centre, &"font,Bold", &14 points; a literal "&" is written "&&"
    if (spec.print.header) ws.headerFooter = { oddHeader: `&C&"Times New Roman,Bold"&14${spec.print.header.replace(/&/g, '&&')}` };
  }
  if (spec.protect) {
    // no password: protection guards against accidents, not people (the promise is synchronous in fact)
    void ws.protect('', {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      ...(spec.protect.insertRows ? { insertRows: true } : {}),
    });
  }
}

/** Writes a spec to .xlsx bytes; the same spec always gives the same bytes. */
export async function writeWorkbook(spec: WorkbookSpec): Promise<Uint8Array> {
  const ExcelJS = await excel();
  const wb = new ExcelJS.Workbook();
  wb.creator = spec.creator;
  wb.lastModifiedBy = spec.creator;
  wb.created = spec.date;
  wb.modified = spec.date;
  if (spec.title) wb.title = spec.title;
  wb.calcProperties = { fullCalcOnLoad: true };
  for (const s of spec.sheets) addSheet(wb, s);
  for (const d of spec.definedNames ?? []) wb.definedNames.add(d.ref, d.name);
  // exceljs compresses with pako, in JavaScript: it stores the parts and zlib compresses them (deflated below)
  const buffer = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJSTypes.XlsxWriteOptions);
  return await deflated(new Uint8Array(buffer as ArrayBuffer), spec.date);
}

/** The archive with every entry compressed by zlib and dated `when`; entries keep their order and names. */
async function deflated(bytes: Uint8Array, when: Date): Promise<Uint8Array> {
  return zipFiles(Object.entries(unzipSync(bytes)), when);
}
