import { address } from '../workbook-spec.js';
import { Refusal, shown } from './xml.js';

/**
 * The values of cells as SpreadsheetML writes them, read exactly or refused: integers and decimals scanned from
 * the bytes (the fast path), numbers as `xsd:double`, booleans as `xsd:boolean`, dates as `xsd:date(Time)`, and
 * the refusals (Vietnamese) for values, addresses and row numbers that are none of these.
 */

/** Excel's last row and column */
export const MAX_ROW = 1_048_576;
export const MAX_COLUMN = 16_384;

/** digits only, as an integer; -1 otherwise */
export function digits(b: Uint8Array, start: number, end: number): number {
  if (end <= start || end - start > 9) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = b[i]! - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    n = n * 10 + d;
  }
  return n;
}

const POWERS = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * A plain decimal ("-12.50") read without making a string: with at most 15 digits, digits / 10^k is the
 * correctly rounded value, the same as parseFloat. NaN when the text is anything else.
 */
export function decimal(b: Uint8Array, start: number, end: number): number {
  let i = start;
  let negative = false;
  if (b[i] === 45) {
    negative = true;
    i++;
  }
  let n = 0;
  let count = 0;
  let scale = -1;
  for (; i < end; i++) {
    const ch = b[i]!;
    if (ch === 46 && scale < 0) {
      scale = 0;
      continue;
    }
    const d = ch - 48;
    if (!(d >= 0 && d <= 9) || ++count > 15) return NaN;
    n = n * 10 + d;
    if (scale >= 0) scale++;
  }
  if (count === 0) return NaN;
  const v = scale > 0 ? n / POWERS[scale]! : n;
  return negative ? -v : v;
}

/**
 * A number as XML Schema's `xsd:double` writes it (`-12.5`, `1E3`, `.5`, white space around), finite: the value
 * a spreadsheet program wrote in `<v>`. NaN for anything else ("4,637", "12abc", "0x10", "INF", ""): never a
 * prefix read as the number.
 */
export function xsdNumber(text: string): number {
  const t = text.trim();
  return /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(t) ? Number(t) : NaN;
}

/** `xsd:boolean`: "1"/"true" → true, "0"/"false" → false, anything else undefined */
export function xsdBoolean(text: string): boolean | undefined {
  const t = text.trim();
  return t === '1' || t === 'true' ? true : t === '0' || t === 'false' ? false : undefined;
}

export function notANumber(text: string): Refusal {
  return new Refusal(`ô kiểu số ghi ${shown(text)}, không phải một số (tệp do chương trình khác tạo sai chuẩn)`);
}

export function numberOf(text: string): number {
  const v = xsdNumber(text);
  if (!Number.isFinite(v)) throw notANumber(text);
  return v;
}

/** serial → ISO date the way exceljs converts it (a Date at the rounded millisecond), '' when out of range */
export function serialIso(serial: number, date1904: boolean): string {
  const d = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/** a `t="d"` cell (`xsd:dateTime` or `xsd:date`): its ISO date; anything else is a `Refusal` */
export function isoValue(v: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:\d{2})?$/.exec(v.trim());
  const d = m && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (!m || !d || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) {
    throw new Refusal(`ô kiểu ngày ghi ${shown(v)}, không phải một ngày (tệp do chương trình khác tạo sai chuẩn)`);
  }
  return `${m[1]}-${m[2]}-${m[3]}`;
}

export function booleanOf(v: string): boolean {
  const b = xsdBoolean(v);
  if (b === undefined) throw new Refusal(`ô kiểu TRUE/FALSE ghi ${shown(v)}, không phải 0 hay 1 (tệp do chương trình khác tạo sai chuẩn)`);
  return b;
}

/** a refusal at a cell */
export function placed(e: Refusal, row: number, column: number): Refusal {
  e.place.cell ??= address(row, column);
  return e;
}

export function badReference(text: string): Refusal {
  const m = /^\s*[A-Za-z]{1,3}(\d+)\s*$/.exec(text);
  if (m && Number(m[1]) > MAX_ROW) return badRow(m[1]!, text);
  return new Refusal(`địa chỉ ô ${shown(text)} không hợp lệ (cột từ A đến XFD, dòng từ 1 đến ${MAX_ROW.toLocaleString('vi-VN')})`);
}

export function badRow(text: string, cell?: string): Refusal {
  const n = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  const what = cell === undefined ? '' : ` (ô ${shown(cell)})`;
  if (n > MAX_ROW) return new Refusal(`trang tính có dòng ${n.toLocaleString('vi-VN')}${what}, quá giới hạn ${MAX_ROW.toLocaleString('vi-VN')} dòng của Excel`);
  return new Refusal(`số dòng ${shown(text)}${what} không hợp lệ (dòng từ 1 đến ${MAX_ROW.toLocaleString('vi-VN')})`);
}
