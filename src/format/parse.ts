/**
 * Reading numbers as officers type them. "3.182.603", "3182603" and " 3 182 603 " all mean 3182603;
 * "3.182" means 3182 (never 3.182); "12,5" is a decimal and not a count.
 */

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: ParseFailure };

export type ParseFailure =
  | 'empty'
  | 'decimal'
  | 'negative'
  | 'grouping'
  | 'exponent'
  | 'not-a-number'
  | 'too-large';

const SPACES = /[\s\u00a0\u202f\u2007]+/g;

/** A whole number ≥ 0 written in vi-VN style. Empty text is reported as 'empty' (callers map it to null). */
export function parseCount(raw: string): ParseResult<number> {
  // the usual spellings first ("3182603", "3.182.603"): what the general path below gives them, without its work
  const plain = plainCount(raw);
  if (plain !== undefined) return { ok: true, value: plain };
  if (GROUPED.test(raw)) return safe(Number(raw.replace(/\./g, '')));
  const s = raw.normalize('NFC').replace(SPACES, '');
  if (s === '') return { ok: false, reason: 'empty' };
  if (/^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i.test(s)) return { ok: false, reason: 'exponent' };
  if (/^-/.test(s) && /\d/.test(s)) {
    const rest = parseCount(s.slice(1));
    return rest.ok || rest.reason === 'decimal' ? { ok: false, reason: 'negative' } : rest;
  }
  if (/^\+?\d+$/.test(s)) return safe(Number(s.replace('+', '')));
  if (/^\d{1,3}(?:\.\d{3})+$/.test(s)) return safe(Number(s.replace(/\./g, '')));
  if (/^\d+(?:\.\d{3})*,\d+$/.test(s)) return { ok: false, reason: 'decimal' };
  if (/^\d+\.\d+$/.test(s) || /^\d{1,3}(?:\.\d+)+$/.test(s)) return { ok: false, reason: 'grouping' };
  if (/^\d{1,3}(?:,\d{3})+$/.test(s)) return { ok: false, reason: 'grouping' };
  return { ok: false, reason: 'not-a-number' };
}

const PLAIN_DIGITS = /^\d+$/;

/**
 * A count written as plain digits ("3182603", what a cell's number becomes): its value, as `parseCount` gives it,
 * without the result object; undefined for any other text, and for digits past a safe integer (then ask
 * `parseCount`, whose first short path this is).
 */
export function plainCount(raw: string): number | undefined {
  if (!PLAIN_DIGITS.test(raw)) return undefined;
  const n = Number(raw);
  return Number.isSafeInteger(n) ? n : undefined;
}

const GROUPED = /^\d{1,3}(?:\.\d{3})+$/;

function safe(n: number): ParseResult<number> {
  return Number.isSafeInteger(n) ? { ok: true, value: n } : { ok: false, reason: 'too-large' };
}

export const PARSE_FAILURE_MESSAGES: Record<ParseFailure, string> = {
  empty: 'thiếu giá trị',
  decimal: 'số thập phân (dấu ",") ở chỗ cần một số đếm nguyên',
  negative: 'số âm ở chỗ cần một số đếm (≥ 0)',
  grouping: 'cách viết số không đúng: dấu "." chỉ dùng để ngăn cách hàng nghìn, theo nhóm 3 chữ số (ví dụ 3.182.603)',
  exponent: 'không dùng cách viết số mũ (ví dụ 1e3); hãy viết đầy đủ chữ số',
  'not-a-number': 'không phải là số',
  'too-large': 'số quá lớn',
};

/** "15/9/2024", "15/09/2024", "2024-09-15" → "2024-09-15" */
export function parseDate(raw: string): string | null {
  const s = raw.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s))) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    return null;
  }
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "2024-09" or "9/2024" or "09/2024" → "2024-09" */
export function parseMonth(raw: string): string | null {
  const s = raw.trim();
  let match = /^(\d{4})-(\d{1,2})$/.exec(s);
  let y: number, m: number;
  if (match) [y, m] = [Number(match[1]), Number(match[2])];
  else if ((match = /^(\d{1,2})\/(\d{4})$/.exec(s))) [m, y] = [Number(match[1]), Number(match[2])];
  else return null;
  if (m < 1 || m > 12 || y < 2000 || y > 2100) return null;
  return `${y}-${String(m).padStart(2, '0')}`;
}
