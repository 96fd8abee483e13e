import { foldLabel } from '../schema/labels.js';
import { plainText } from './cells.js';
import type { SheetView } from './workbook-spec.js';

/**
 * Finding the table in a sheet laid out like Phụ lục I or II: the header row that has "STT" and "Dịch vụ công"
 * and the one to three rows under it (merged group headers such as "Tổng số hồ sơ" over "Tổng hồ sơ",
 * "Trực tuyến", "Tỷ lệ"), then which column holds which field.
 */

export type LegacyField = 'stt' | 'name' | 'connection' | 'total' | 'online' | 'rate' | 'onTime' | 'overdue' | 'difficulties';

export interface LegacyHeader {
  /** first and last header row */
  readonly top: number;
  readonly bottom: number;
  readonly columns: Readonly<Partial<Record<LegacyField, number>>>;
}

const SCAN_ROWS = 40;
const MAX_HEADER_ROWS = 4;

/** Rules in order; the first that matches a header text classifies its column. */
const RULES: readonly [LegacyField, (t: string) => boolean][] = [
  ['stt', (t) => t === 'stt' || t === 's t t' || t.startsWith('so thu tu') || t === 'tt'],
  ['name', (t) => t.includes('dich vu cong') || t.includes('ten dich vu') || t.includes('thu tuc hanh chinh') || t.startsWith('ten thu tuc')],
  ['connection', (t) => t.includes('ket noi')],
  ['rate', (t) => t.startsWith('ty le') || t === '%'],
  ['onTime', (t) => t.includes('dung han')],
  ['overdue', (t) => t.includes('qua han') || t.includes('tre han')],
  ['difficulties', (t) => t.includes('kho khan') || t.includes('vuong mac')],
  ['online', (t) => t.startsWith('truc tuyen') || t.startsWith('ho so truc tuyen') || t.startsWith('so ho so truc tuyen')],
  ['total', (t) => t.startsWith('tong')],
];

function classify(text: string): LegacyField | null {
  const t = foldLabel(text);
  if (t === '') return null;
  return RULES.find(([, test]) => test(t))?.[0] ?? null;
}

const HEADER_WORD = /\b(tong|truc tuyen|ty le|dung han|qua han|kho khan|ket noi|ho so|tinh hinh)\b/;

/** a row under the header's first row that still belongs to the header: header words, no figures, no row number */
function isHeaderRow(sheet: SheetView, row: number, width: number, stt: { column: number; text: string }): boolean {
  const here = plainText(sheet, row, stt.column).trim();
  if (here !== '' && here !== stt.text) return false;
  let words = 0;
  for (let c = 1; c <= width; c++) {
    const t = foldLabel(plainText(sheet, row, c));
    if (/\d{2,}/.test(t) && !HEADER_WORD.test(t)) return false;
    if (HEADER_WORD.test(t)) words++;
  }
  return words > 0;
}

export function findLegacyHeader(sheet: SheetView): LegacyHeader | null {
  const width = sheet.columnCount;
  for (let top = 1; top <= Math.min(SCAN_ROWS, sheet.rowCount); top++) {
    const texts = Array.from({ length: width }, (_, i) => foldLabel(plainText(sheet, top, i + 1)));
    const sttColumn = texts.findIndex((t) => classify(t) === 'stt') + 1;
    const hasName = texts.some((t) => classify(t) === 'name');
    if (sttColumn === 0 || !hasName) continue;
    const stt = { column: sttColumn, text: plainText(sheet, top, sttColumn).trim() };
    let bottom = top;
    while (bottom - top + 1 < MAX_HEADER_ROWS && bottom < sheet.rowCount && isHeaderRow(sheet, bottom + 1, width, stt)) bottom++;
    const columns: Partial<Record<LegacyField, number>> = {};
    for (let c = 1; c <= width; c++) {
      const stack: string[] = [];
      for (let r = top; r <= bottom; r++) {
        const t = plainText(sheet, r, c).trim();
        if (t && stack[stack.length - 1] !== t) stack.push(t);
      }
      // the lowest header line is the most specific ("Trực tuyến" under "Tổng số hồ sơ …")
      const field = [...stack].reverse().map(classify).find((f) => f !== null);
      if (field && columns[field] === undefined) columns[field] = c;
    }
    if (columns.name !== undefined && columns.total !== undefined && columns.online !== undefined) return { top, bottom, columns };
  }
  return null;
}
