import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { compiled } from '../../src/readers/validate-shape.js';
import { longerThanTotal, rateText, TOTAL_ROW } from '../../src/excel/legacy-reader.js';
import { nameKey } from '../../src/excel/name-match.js';
import { parseCount, plainCount } from '../../src/format/parse.js';
import { cleanText } from '../../src/schema/scalars.js';
import { foldLabel, matchLabel } from '../../src/schema/labels.js';
import { BUNDLED_LABELS, SubmissionFile } from '../helpers/definition.js';

/**
 * cleanText, parseCount and matchLabel answer common inputs by a short path; these properties hold them to what
 * the general path gives (the general path, written out here as it was before the short paths). Large inputs are
 * validated with the fast path z.compile makes (src/readers/validate-shape.ts): it is held to zod's own parser.
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
        // plainCount answers only what the general path reads as a count, and with its value
        const plain = plainCount(s);
        if (plain !== undefined) expect(general).toEqual({ ok: true, value: plain });
        else if (/^\d+$/.test(s)) expect(general.ok).toBe(false);
      }),
      { numRuns: 3000 },
    );
    expect(plainCount('99999999999999999999')).toBeUndefined();
    expect(plainCount('3182603')).toBe(3182603);
    expect(parseCount('99999999999999999999')).toEqual({ ok: false, reason: 'too-large' });
    expect(parseCount('999.999.999.999.999.999')).toEqual({ ok: false, reason: 'too-large' });
  });

  it('matchLabel finds what comparing every folded label finds', () => {
    const spellings = [...Object.keys(BUNDLED_LABELS.connection), ...Object.values(BUNDLED_LABELS.connection), ...Object.keys(BUNDLED_LABELS.progress), ...Object.values(BUNDLED_LABELS.progress)];
    const raw = fc.oneof(
      fc.constantFrom(...spellings),
      fc.constantFrom(...spellings).map((s) => s.toUpperCase()),
      fc.constantFrom(...spellings).map((s) => ` ${s.normalize('NFD')} `),
      text,
    );
    fc.assert(
      fc.property(raw, (s) => {
        expect(matchLabel(BUNDLED_LABELS.connection, s)).toBe(matchLabelGeneral(BUNDLED_LABELS.connection, s));
        expect(matchLabel(BUNDLED_LABELS.progress, s)).toBe(matchLabelGeneral(BUNDLED_LABELS.progress, s));
      }),
      { numRuns: 2000 },
    );
  });

  it("a schema with the fast path of zod's compiler parses, and refuses, as the zod parser does", () => {
    const fast = compiled(SubmissionFile);
    expect(fast).not.toBe(SubmissionFile); // the compiler took it
    const scalar = fc.constantFrom('12', '3.182.603', '', ' ', '12,5', '-1', 'abc', 'Đã kết nối', 'da ket noi', 'xyz', 'Đường truyền\r\nchập chờn  ', '15/9/2024', '2024-09');
    const odd = fc.oneof(scalar, fc.constant(null), fc.constant(12), fc.constant(['12']), fc.constant({ total: '1' }));
    // mostly what each field takes, so that most inputs are valid and their parsed values are compared too
    const good = {
      connection: fc.constantFrom('Đã kết nối', 'da ket noi', 'CHƯA KẾT NỐI', 'implemented', ''),
      count: fc.constantFrom('12', '3.182.603', '3182603', '0', '', ' 7 '),
      text: fc.constantFrom('Đường truyền\r\nchập chờn  ', 'ho\u0301a', '', 'x'),
    };
    const field = (arb: fc.Arbitrary<unknown>) => fc.oneof({ weight: 150, arbitrary: arb }, odd);
    const fields = fc
      .tuple(
        fc.record(
          { connection: field(good.connection), total: field(good.count), online: field(good.count), onTime: field(good.count), overdue: field(good.count), difficulties: field(good.text) },
          { requiredKeys: [] },
        ),
        fc.oneof({ weight: 60, arbitrary: fc.constant(undefined) }, scalar),
      )
      .map(([f, colour]) => (colour === undefined ? f : { ...f, colour }));
    const id = fc.oneof({ weight: 40, arbitrary: fc.constantFrom('dv-1', 'dv-2', 'qd06-01', '4-a', 'dv-3', 'dv-4') }, fc.constant('Dv 5'));
    const entry = fc.tuple(fields, fc.option(fc.dictionary(id, fc.oneof({ weight: 30, arbitrary: fields }, odd), { maxKeys: 4 }), { nil: undefined })).map(([f, parts]) =>
      parts === undefined ? f : { ...f, parts },
    );
    const input = fc.record(
      {
        department: fc.oneof({ weight: 20, arbitrary: fc.constant('so-y-te') }, fc.constant('Sở Y tế')),
        month: fc.oneof({ weight: 20, arbitrary: fc.constantFrom('2024-09', '9/2024') }, fc.constant('13/2024')),
        services: fc.oneof({ weight: 30, arbitrary: fc.dictionary(id, entry, { maxKeys: 5 }) }, odd),
        asOf: fc.oneof({ weight: 20, arbitrary: fc.constantFrom('15/9/2024', '2024-09-30', '') }, fc.constant('31/2/2024')),
      },
      { requiredKeys: ['department', 'month', 'services'] },
    );
    const issues = (r: { success: boolean; error?: z.ZodError }) => (r.success ? [] : r.error!.issues.map((i) => [i.code, i.path, i.message]));
    fc.assert(
      fc.property(input, (x) => {
        const slow = SubmissionFile.safeParse(x, { reportInput: true, jitless: true });
        const quick = fast.safeParse(x, { reportInput: true });
        expect(quick.success).toBe(slow.success);
        if (slow.success) expect(quick.data).toStrictEqual(slow.data);
        else expect(issues(quick)).toEqual(issues(slow));
      }),
      { numRuns: 2000 },
    );
  });

  it('a legacy row name with more ASCII letters than a total row never folds to a total row', () => {
    const piece = fc.constantFrom('Tổng', 'tong', 'CỘNG', 'số', 'dịch vụ', ' ', '-', ':', '(', '1', '22', 'Æ', 'đ', 'Đ', 'ﬁ', '①', 'Ⅻ', 'x\u0301', 'Ａ', 'ß', '½', '\u0010', '\u0019', '@', '[', '`', '{');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }).map((xs) => xs.join('')), (name) => {
        if (longerThanTotal(name)) expect(TOTAL_ROW.has(foldLabel(name))).toBe(false);
      }),
      { numRuns: 5000 },
    );
    expect(longerThanTotal('Tổng số dịch vụ')).toBe(false);
    expect(longerThanTotal('Cấp phiếu lý lịch tư pháp')).toBe(true);
  });

  it('a printed rate written the usual way reads as the general path reads it', () => {
    const general = (text: string) => {
      const s = text.replace(/[\s%]/g, '').replace(',', '.');
      if (s === '' || s === '-') return null;
      const n = Number(s);
      return Number.isFinite(n) ? Math.round(n * 100) : null;
    };
    const digits = fc.stringMatching(/^\d{1,8}$/);
    const text = fc.oneof(
      fc.tuple(digits, fc.option(digits, { nil: undefined }), fc.constantFrom('%', '', ' %', '.')).map(([a, b, end]) => `${a}${b === undefined ? '' : `,${b}`}${end}`),
      fc.tuple(digits, fc.stringMatching(/^\d{1,2}$/)).map(([a, b]) => `${a},${b}%`),
      fc.string(),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(rateText(t)).toBe(general(t));
      }),
      { numRuns: 5000 },
    );
  });

  it('nameKey gives what its regular-expression form gives', () => {
    const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
    const foldWord = (word: string) => {
      let tone = '';
      let base = '';
      for (const ch of word.normalize('NFD')) {
        if (TONES.has(ch)) tone = ch;
        else base += ch;
      }
      return (base + tone).normalize('NFC');
    };
    const general = (name: string) =>
      name
        .normalize('NFC')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
        .trim()
        .split(' ')
        .filter((w) => w !== '')
        .map((w) => (/^[\x00-\x7f]*$/.test(w) ? w : foldWord(w)))
        .join(' ');
    const piece = fc.constantFrom('Cấp', 'phiếu', 'LÝ LỊCH', 'tư pháp', 'Hoá', 'Hóa', 'ho\u0301a', ' ', '  ', '-', ',', '(mã 00001)', '1', '²', 'Ⅻ', '①', 'Æ', 'ß', 'İ', 'ﬁ', '😀', '𝐀', '\ud83d', '\ude00', '\u0301', '\u00a0', '\t', '_', 'đ', 'Đ');
    fc.assert(
      fc.property(fc.oneof(fc.array(piece, { maxLength: 10 }).map((xs) => xs.join('')), fc.string({ unit: 'binary' })), (name) => {
        expect(nameKey(name)).toBe(general(name));
      }),
      { numRuns: 5000 },
    );
  });
});

