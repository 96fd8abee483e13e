import ExcelJS from 'exceljs';
import type * as ExcelJSTypes from 'exceljs';
import type { Loaded } from '../../src/excel/xlsx-read/workbook.js';
import { EMPTY, address, type CellView, type SheetView } from '../../src/excel/workbook-spec.js';

/**
 * The exceljs-based reading the program used before its own reader (src/excel/xlsx-read/), kept for the
 * tests only: the reader is checked against it cell by cell (xlsx-read.test.ts). One change: for the other
 * cells of a shared formula it gives the formula moved there (what exceljs's `cell.formula` gives), where the
 * old reading gave the address of the formula's first cell.
 */

/** Value types of exceljs cells (ExcelJS.ValueType is a const enum, unusable at run time). */
const T = { Null: 0, Merge: 1, Number: 2, String: 3, Date: 4, Hyperlink: 5, Formula: 6, SharedString: 7, RichText: 8, Boolean: 9, Error: 10 } as const;

type Plain = Exclude<CellView, { kind: 'formula' }>;

function isoDate(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

function richText(v: unknown): string {
  if (v && typeof v === 'object' && 'richText' in v) return (v as ExcelJSTypes.CellRichTextValue).richText.map((r) => r.text).join('');
  return typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);
}

function plain(v: unknown, numFmt: string | undefined): Plain {
  if (v === null || v === undefined) return EMPTY as Plain;
  if (typeof v === 'number') return numFmt ? { kind: 'number', value: v, numFmt } : { kind: 'number', value: v };
  if (typeof v === 'string') return { kind: 'text', text: v };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  if (v instanceof Date) return { kind: 'date', iso: isoDate(v) };
  if (typeof v === 'object') {
    if ('error' in v) return { kind: 'error', text: String((v as { error: unknown }).error) };
    if ('richText' in v) return { kind: 'text', text: richText(v) };
    if ('text' in v) return { kind: 'text', text: richText((v as { text: unknown }).text) };
  }
  return { kind: 'text', text: String(v) };
}

function view(cell: ExcelJSTypes.Cell): CellView {
  const v = cell.value as unknown;
  switch (cell.type as number) {
    case T.Null:
    case T.Merge:
      return EMPTY;
    case T.Formula: {
      const f = v as { formula?: string; sharedFormula?: string; result?: unknown };
      // a shared formula's other cells: the formula moved there (exceljs's cell.formula), not the first cell's address
      const formula = f.formula ?? (f.sharedFormula !== undefined ? ((cell as unknown as { formula?: string }).formula ?? '') : '');
      const hasResult = f.result !== undefined && f.result !== null;
      return hasResult ? { kind: 'formula', formula, result: plain(f.result, cell.numFmt) } : { kind: 'formula', formula };
    }
    default:
      return plain(v, cell.numFmt);
  }
}

function sheetView(ws: ExcelJSTypes.Worksheet): SheetView {
  const cells = new Map<string, CellView>();
  const merged = new Map<string, string>();
  let rowCount = 0;
  let columnCount = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master.address !== cell.address) {
        merged.set(address(r, c), cell.master.address);
        return;
      }
      const v = view(cell);
      if (v.kind === 'empty') return;
      cells.set(address(r, c), v);
      rowCount = Math.max(rowCount, r);
      columnCount = Math.max(columnCount, c);
    });
  });
  return {
    name: ws.name,
    state: (ws.state ?? 'visible') as SheetView['state'],
    rowCount,
    columnCount,
    cell: (r, c) => cells.get(address(r, c)) ?? EMPTY,
    filled: (r, c) => cells.has(address(r, c)),
    plainNumber: (r, c) => {
      const v = cells.get(address(r, c));
      return v?.kind === 'number' ? v.value : undefined;
    },
    mergedInto: (r, c) => merged.get(address(r, c)),
  };
}

/** Reads .xlsx bytes with exceljs, as the program did before it had its own reader. */
export async function loadWithExceljs(bytes: Uint8Array): Promise<Loaded> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
  const definedNames = new Map<string, string>();
  for (const d of (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model ?? []) {
    if (d.ranges[0]) definedNames.set(d.name, d.ranges[0]);
  }
  const date1904 = Boolean((wb.properties as { date1904?: boolean }).date1904);
  return { ok: true, workbook: { sheets: wb.worksheets.map(sheetView), definedNames, date1904 } };
}
