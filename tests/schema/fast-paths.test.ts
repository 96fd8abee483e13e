import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCount } from '../../src/format/parse.js';
import { cleanText } from '../../src/schema/scalars.js';
import { CONNECTION_LABELS, PROGRESS_LABELS, foldLabel, matchLabel } from '../../src/schema/labels.js';

/**
 * cleanText, parseCount and matchLabel answer common inputs by a short path; these properties hold them to what
 * the general path gives (the general path, written out here as it was before the short paths).
 */

function cleanTextGeneral(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .normalize('NFC')
    .replace(/[ \t]+$/gm, '')
    .trim();
}

function matchLabelGeneral<K extends string>(labels: Record<K, string>, raw: string): K | null {
  const f = foldLabel(raw);
  for (const [key, label] of Object.entries(labels) as [K, string][]) {
    if (f === foldLabel(key) || f === foldLabel(label)) return key;
  }
  return null;
}

const pieces = ['a', 'Đã kết nối', 'hoá', 'ho\u0301a', ' ', '\t', '\n', '\r', '\r\n', '\u2028', '\u2029', '\u00a0', '\ufeff', '\u0001', '\u007f', '\ud83d', '\ude00', '😀', '\uffff', 'x y', '12', '.', ','];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((xs) => xs.join(''));

describe('short paths', () => {
  it('cleanText gives what the general path gives', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'binary' })), (s) => {
        expect(cleanText(s)).toBe(cleanTextGeneral(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('parseCount reads plain and dot-grouped digits as the general path does', () => {
    const digits = fc.array(fc.constantFrom('0', '1', '9', '.', ',', ' ', '+', '-'), { maxLength: 14 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(digits, (s) => {
        const r = parseCount(s);
        const general = parseCount(` ${s}`); // a leading space skips the short path
        expect(r).toEqual(general);
      }),
      { numRuns: 3000 },
    );
    expect(parseCount('99999999999999999999')).toEqual({ ok: false, reason: 'too-large' });
    expect(parseCount('999.999.999.999.999.999')).toEqual({ ok: false, reason: 'too-large' });
  });

  it('matchLabel finds what comparing every folded label finds', () => {
    const spellings = [...Object.keys(CONNECTION_LABELS), ...Object.values(CONNECTION_LABELS), ...Object.keys(PROGRESS_LABELS), ...Object.values(PROGRESS_LABELS)];
    const raw = fc.oneof(
      fc.constantFrom(...spellings),
      fc.constantFrom(...spellings).map((s) => s.toUpperCase()),
      fc.constantFrom(...spellings).map((s) => ` ${s.normalize('NFD')} `),
      text,
    );
    fc.assert(
      fc.property(raw, (s) => {
        expect(matchLabel(CONNECTION_LABELS, s)).toBe(matchLabelGeneral(CONNECTION_LABELS, s));
        expect(matchLabel(PROGRESS_LABELS, s)).toBe(matchLabelGeneral(PROGRESS_LABELS, s));
      }),
      { numRuns: 2000 },
    );
  });
});
