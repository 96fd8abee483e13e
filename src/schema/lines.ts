import * as z from 'zod';
import { cleanText } from './scalars.js';

/**
 * One printed line of page 1 or the signature (a title, a name, a "Nơi nhận" line). A line break inside it
 * would be joined into a space by the document, so it is refused, located: several lines are written as a
 * list, one line an item (docs/data-format.md).
 */

export const LINE_CODES = {
  /** a line break inside a value printed as one line */
  lineBreak: 'BC114',
  /** a field left blank that the report cannot do without (a new workspace's report.yaml, docs/diagnostics.md) */
  unfilled: 'BC115',
} as const;

const LINE_BREAK = /[\n\u2028\u2029\u0085]/;

function checkLine(s: string, ctx: z.core.$RefinementCtx<string>, what: string, required: boolean): string | typeof z.NEVER {
  const c = cleanText(s);
  if (LINE_BREAK.test(c)) {
    ctx.issues.push({
      code: 'custom',
      input: s,
      message: `${what} in trên một dòng nhưng có xuống dòng: mỗi dòng viết thành một phần tử của danh sách ("- …"), không xuống dòng trong một giá trị`,
      params: { code: LINE_CODES.lineBreak },
    });
    return z.NEVER;
  }
  if (required && c === '') {
    ctx.issues.push({ code: 'custom', input: s, message: `chưa điền ${what}`, params: { code: LINE_CODES.unfilled } });
    return z.NEVER;
  }
  return c;
}

/** One line, possibly blank (e.g. the number, blank until signed) */
export function line(what: string) {
  return z.string().meta({ description: what }).transform((s, ctx) => checkLine(s, ctx, what, false));
}

/** One line that must be filled in */
export function filledLine(what: string) {
  return z.string().meta({ description: what }).transform((s, ctx) => checkLine(s, ctx, what, true));
}

/** One filled line, or a list of them (at least one): always a list once read */
export function filledLines(what: string) {
  const one = filledLine(what);
  return z
    .union([
      one,
      z.array(one).refine((a) => a.length > 0, { message: `chưa điền ${what}: danh sách cần ít nhất một dòng`, params: { code: LINE_CODES.unfilled } }),
    ])
    .transform((v): string[] => (typeof v === 'string' ? [v] : v));
}
