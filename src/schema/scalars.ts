import * as z from 'zod';
import { parseCount, parseDate, parseMonth, plainCount, PARSE_FAILURE_MESSAGES, type ParseFailure } from '../format/parse.js';
import { matchLabel } from './labels.js';

/**
 * Scalars as written. The YAML reader uses the failsafe schema, so every scalar reaches zod as a string;
 * the Excel reader turns cells into the same strings. Each transform returns the normalised value.
 * Our own issues carry `params.code`, which the diagnostics mapping turns into the diagnostic code.
 */

export const ISSUE_CODES = {
  count: 'BC120',
  date: 'BC121',
  month: 'BC122',
  label: 'BC123',
  id: 'BC124',
} as const;

const text = z.string();

/** What Count makes of a text: the count, null when blank (not reported), or why it is not a count. */
export function countOf(s: string): number | null | ParseFailure {
  const plain = plainCount(s);
  if (plain !== undefined) return plain;
  const r = parseCount(s);
  if (r.ok) return r.value;
  return r.reason === 'empty' ? null : r.reason;
}

/** A count ≥ 0: "3.182.603" | "3182603" | "" (not reported → null) */
export const Count = text.transform((s, ctx): number | null => {
  const v = countOf(s);
  if (typeof v !== 'string') return v;
  ctx.issues.push({
    code: 'custom',
    input: s,
    message: `"${s}": ${PARSE_FAILURE_MESSAGES[v]}`,
    params: { code: ISSUE_CODES.count },
  });
  return z.NEVER;
});

export const RequiredCount = text.transform((s, ctx): number => {
  const r = parseCount(s);
  if (r.ok) return r.value;
  ctx.issues.push({
    code: 'custom',
    input: s,
    message: r.reason === 'empty' ? 'thiếu số liệu' : `"${s}": ${PARSE_FAILURE_MESSAGES[r.reason]}`,
    params: { code: ISSUE_CODES.count },
  });
  return z.NEVER;
});

/** "15/9/2024" | "2024-09-15" → ISO; "" → null */
export const DateText = text.transform((s, ctx): string | null => {
  if (s.trim() === '') return null;
  const d = parseDate(s);
  if (d) return d;
  ctx.issues.push({
    code: 'custom',
    input: s,
    message: `"${s}": ngày không hợp lệ (viết dạng 15/9/2024 hoặc 2024-09-15)`,
    params: { code: ISSUE_CODES.date },
  });
  return z.NEVER;
});

/** "2024-09" | "9/2024" */
export const MonthText = text.transform((s, ctx): string => {
  const m = parseMonth(s);
  if (m) return m;
  ctx.issues.push({
    code: 'custom',
    input: s,
    message: `"${s}": tháng không hợp lệ (viết dạng 2024-09 hoặc 9/2024)`,
    params: { code: ISSUE_CODES.month },
  });
  return z.NEVER;
});

/** Free text: NFC, XML-illegal control characters removed, trailing spaces of lines trimmed. */
export const Text = text.transform((s) => cleanText(s));

/**
 * Anything cleanText would change besides the Unicode form: CR, the removed characters (surrogates, even paired,
 * go the long way), spaces before a line end, and white space at either end.
 */
const NEEDS_CLEANING = /[\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff\ud800-\udfff]|[ \t][\n\u2028\u2029]|^\s|\s$/;

export function cleanText(s: string): string {
  // most texts only need their Unicode form (the same result, without six passes over them)
  if (!NEEDS_CLEANING.test(s)) return s.normalize('NFC');
  return s
    .replace(/\r\n?/g, '\n')
    // XML 1.0 forbids C0 controls except tab and newline, lone surrogates and U+FFFE/FFFF
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    // after the removals: a control character between a letter and its tone mark kept them apart
    .normalize('NFC')
    .replace(/[ \t]+$/gm, '')
    .trim();
}

/** what a catalog id is made of */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export const ID_MESSAGE = 'mã chỉ gồm chữ thường không dấu, chữ số và dấu "-" (ví dụ so-tu-phap)';

/** Catalog ids: lower-case letters, digits and "-" */
export const Id = z.string().regex(ID_PATTERN, { message: ID_MESSAGE });

/** What a `labelled` scalar makes of a text: the label's key, null when blank, undefined when it is not in the list. */
export function labelOf<K extends string>(labels: Record<K, string>, s: string): K | null | undefined {
  if (s.trim() === '') return null;
  return matchLabel(labels, s) ?? undefined;
}

export function labelled<K extends string>(labels: Record<K, string>, what: string) {
  const accepted = Object.values<string>(labels).map((l) => `"${l}"`).join(', ');
  return text.meta({ description: what, examples: Object.values<string>(labels) }).transform((s, ctx): K | null => {
    const k = labelOf(labels, s);
    if (k !== undefined) return k;
    ctx.issues.push({
      code: 'custom',
      input: s,
      message: `"${s}": ${what} không có trong danh sách (${accepted})`,
      params: { code: ISSUE_CODES.label },
    });
    return z.NEVER;
  });
}
