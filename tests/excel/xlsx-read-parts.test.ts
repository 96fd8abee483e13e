import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { address } from '../../src/excel/workbook-spec.js';
import { slideFormula } from '../../src/excel/xlsx-read/formula.js';
import { MergeIndex, type MergeRange } from '../../src/excel/xlsx-read/merges.js';
import { serialIso } from '../../src/excel/xlsx-read/sheet.js';
import { readSharedStrings } from '../../src/excel/xlsx-read/strings.js';
import { BUILT_IN_FORMATS, isDateFormat } from '../../src/excel/xlsx-read/styles.js';
import { firstRange } from '../../src/excel/xlsx-read/workbook.js';
import { Refusal, XmlCursor, Tag, excelUnescape, firstBadUtf8, utf8Part, xmlAttribute, xmlText } from '../../src/excel/xlsx-read/xml.js';

/** The reader's pieces, each against a brute-force answer or against exceljs's own function. */

const require = createRequire(import.meta.url);
const exceljsFormula = require('exceljs/lib/utils/shared-formula.js') as { slideFormula(f: string, from: string, to: string): string };
const exceljsUtils = require('exceljs/lib/utils/utils.js') as { isDateFmt(f: string): boolean; excelToDate(v: number, date1904: boolean): Date };
const exceljsFormats = require('exceljs/lib/xlsx/defaultnumformats.js') as Record<string, { f?: string }>;

const inside = (r: MergeRange, row: number, col: number) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
const overlap = (a: MergeRange, b: MergeRange) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

describe('MergeIndex', () => {
  it('finds the range holding a cell, as a scan of every range does', () => {
    const rect = fc
      .tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 6 }))
      .map(([top, left, h, w]) => ({ top, left, bottom: top + h, right: left + w }));
    fc.assert(
      fc.property(fc.array(rect, { maxLength: 80 }), fc.array(fc.tuple(fc.integer({ min: 0, max: 75 }), fc.integer({ min: 0, max: 40 })), { maxLength: 60 }), (all, points) => {
        // as Excel writes them: no two ranges overlap
        const ranges: MergeRange[] = [];
        for (const r of all) if ((r.bottom > r.top || r.right > r.left) && !ranges.some((k) => overlap(k, r))) ranges.push(r);
        const index = new MergeIndex(ranges);
        const probes = [...points, ...ranges.flatMap((r) => [[r.top, r.left], [r.bottom, r.right], [r.top - 1, r.left], [r.bottom + 1, r.right], [r.top, r.right + 1]] as [number, number][])];
        for (const [row, col] of probes) {
          const expected = ranges.find((r) => inside(r, row, col));
          expect(index.find(row, col)).toBe(expected);
          const hides = expected !== undefined && (expected.top !== row || expected.left !== col);
          expect(index.hides(row, col)).toBe(hides);
          expect(index.masterOf(row, col)).toBe(hides ? address(expected!.top, expected!.left) : undefined);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('with overlapping ranges, answers with a range that holds the cell', () => {
    const rect = fc
      .tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }))
      .map(([top, left, h, w]) => ({ top, left, bottom: top + h, right: left + w }));
    fc.assert(
      fc.property(fc.array(rect, { maxLength: 40 }), (ranges) => {
        const index = new MergeIndex(ranges);
        for (let row = 0; row <= 30; row++) {
          for (let col = 0; col <= 30; col++) {
            const found = index.find(row, col);
            if (found) expect(inside(found, row, col)).toBe(true);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('holds a merge of the whole sheet as one range', () => {
    const index = new MergeIndex([{ top: 1, left: 1, bottom: 1_048_576, right: 16_384 }]);
    expect([index.masterOf(1_048_576, 16_384), index.masterOf(1, 1), index.masterOf(500_000, 2)]).toEqual(['A1', undefined, 'A1']);
  });
});

describe('slideFormula', () => {
  it('moves references as exceljs does', () => {
    const ref = fc.tuple(fc.boolean(), fc.constantFrom('A', 'B', 'Z', 'AA', 'XF'), fc.boolean(), fc.integer({ min: 1, max: 3000 })).map(([ca, c, ra, r]) => `${ca ? '$' : ''}${c}${ra ? '$' : ''}${r}`);
    const part = fc.oneof(ref, ref.map((a) => `${a}:${a}`), fc.constantFrom('+', '-', '*', '/', '(', ')', ',', 'SUM(', 'LOG10(', 'Sheet1!', 'TAX2024', '1.5', ' ', '&', 'XFE1', 'A0'));
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 20 }), (parts, rows, cols) => {
        const formula = parts.join('');
        // exceljs takes a run of letters, digits, "_" and "-" before "!" for a sheet name ("A1-A1Sheet1!B1",
        // "TAX2024-Sheet1!A1"); Excel, and slideFormula, read the "-" as a minus (a sheet name with "-" must be
        // quoted): the one difference, checked below
        fc.pre(!/[A-Za-z0-9_-]*-[A-Za-z0-9_-]*!/.test(formula));
        const to = `${String.fromCharCode(65 + (cols % 26))}${1 + rows}`;
        expect(slideFormula(formula, rows, cols % 26)).toBe(exceljsFormula.slideFormula(formula, 'A1', to));
      }),
      { numRuns: 500 },
    );
  });

  it('reads an unquoted name before "-" as a reference, not as part of a sheet name (as Excel does, unlike exceljs)', () => {
    expect(slideFormula('TAX2024-Sheet1!A1', 0, 1)).toBe('TAY2024-Sheet1!B1');
    expect(slideFormula("TAX2024-'My-Sheet'!A1", 1, 0)).toBe("TAX2025-'My-Sheet'!A2");
    expect(slideFormula('A1:A1-A1Sheet1!A1', 0, 1)).toBe('B1:B1-A1Sheet1!B1');
  });

  it('leaves text in quotes alone, and gives #REF! for a reference moved off the sheet', () => {
    expect(slideFormula('IF(A1>0,"A1","B$2")&\'My A1\'!B2', 1, 1)).toBe('IF(B2>0,"A1","B$2")&\'My A1\'!C3');
    expect(slideFormula('XFD1+A1048576', 1, 1)).toBe('#REF!+#REF!');
  });
});

describe('defined names', () => {
  it('give their first absolute cell or range, as exceljs writes it', () => {
    expect(firstRange("'_baocao'!$B$2")).toBe("'_baocao'!$B$2");
    expect(firstRange('Data!$C$9:$A$1')).toBe('Data!$A$1:$C$9');
    expect(firstRange('Data!$A$1:$A$1')).toBe('Data!$A$1');
    expect(firstRange("'a, b'!$A$1,Data!$B$2")).toBe("'a, b'!$A$1");
    expect(firstRange('Data!A1,Data!$B$2')).toBe('Data!$B$2');
    expect(firstRange("'Sở Tư pháp'!$A$1:$XFD$1048576")).toBe("'Sở Tư pháp'!$A$1:$XFD$1048576");
    expect([firstRange('0.5'), firstRange('#REF!'), firstRange('SUM(Data!$A$1:$A$3)'), firstRange('Data!A1'), firstRange('')]).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('number formats and dates', () => {
  it('built-in formats are exceljs’s', () => {
    for (let id = 0; id < 200; id++) expect(BUILT_IN_FORMATS[id], String(id)).toBe(exceljsFormats[id]?.f);
  });

  it('a date format is one exceljs takes for a date', () => {
    const formats = [...Object.values(BUILT_IN_FORMATS), 'dd/mm/yyyy', '0.0%', '#,##0 "đ"', '[Red]0.00', '[h]:mm:ss', '0 "ngày"', '"năm" yyyy', '[$-42A]dddd, d mmmm yyyy', 'General', '@', '#,##0.00_);(#,##0.00)', 'B1', 'mmm-yy'];
    for (const f of formats) expect(isDateFormat(f), f).toBe(exceljsUtils.isDateFmt(f));
    fc.assert(fc.property(fc.string({ maxLength: 20 }), (f) => isDateFormat(f) === exceljsUtils.isDateFmt(f)));
  });

  it('a serial is the date exceljs makes of it, in both date systems', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 3e6, noNaN: true }), fc.boolean(), (v, date1904) => {
        const d = exceljsUtils.excelToDate(v, date1904);
        expect(serialIso(v, date1904)).toBe(Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10));
      }),
      { numRuns: 1000 },
    );
    expect([serialIso(45550, false), serialIso(45550, true), serialIso(1e20, false)]).toEqual(['2024-09-15', '2028-09-16', '']);
  });
});

describe('the XML scanner', () => {
  const tags = (xml: string) => {
    const x = new XmlCursor(Buffer.from(xml, 'utf8'));
    const out: string[] = [];
    for (let t = x.next(); t !== Tag.End; t = x.next()) out.push(`${t === Tag.Close ? '/' : ''}${x.localName()}${x.selfClosing ? '/' : ''}`);
    return { out, depth: x.depth };
  };

  it('walks tags past comments, processing instructions, CDATA and quoted ">"', () => {
    expect(tags('<?xml version="1.0"?><a x=">" y=\'/>\'><!-- <c> --><x:b/><![CDATA[<d>]]></a>')).toEqual({ out: ['a', 'b/', '/a'], depth: 0 });
  });

  it('refuses a DOCTYPE and any other declaration, naming it', () => {
    expect(() => tags('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e "<b>">]><a/>')).toThrow(/"<!DOCTYPE"/);
    expect(() => tags('<a><!ENTITY e "x"></a>')).toThrow(/"<!ENTITY"/);
  });

  it('decodes only the references XML defines; any other "&" is refused', () => {
    expect(xmlText('&lt;&gt;&amp;&apos;&quot;&#65;&#x1F600;')).toBe("<>&'\"A😀");
    for (const bad of ['&unknown;', '&xxe;', '&#0;', '&#xD800;', '&#xFFFE;', '&#x110000;', 'a & b', '&amp', '&#;', '&#x;', '&#1a;']) {
      expect(() => xmlText(bad), bad).toThrow(Refusal);
    }
  });

  it('refuses characters XML forbids in text, and bytes that are not UTF-8, at the first bad byte', () => {
    const x = new XmlCursor(Buffer.from('<t>a\u0001b</t>', 'utf8'));
    x.next();
    expect(() => x.text()).toThrow(/U\+0001/);
    expect(() => utf8Part(Buffer.from([0x3c, 0x61, 0x3e, 0xc3, 0x28, 0x3c]))).toThrow(Refusal);
    expect(firstBadUtf8(Buffer.from([0x61, 0xc3, 0xa1, 0xed, 0xa0, 0x80]))).toBe(3); // an encoded surrogate
    expect(firstBadUtf8(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1); // an overlong form
    expect(firstBadUtf8(Buffer.from('Sở Tư pháp', 'utf8'))).toBe(-1);
  });

  it('decodes text and attributes as an XML parser does', () => {
    expect(xmlText('a &amp; b &#x1EA1;\r\nc\rd')).toBe('a & b ạ\nc\nd');
    expect(xmlAttribute('a\tb\r\nc &#10;')).toBe('a b c \n');
    expect(excelUnescape('_x000D__x000a__x005F_x0041_ _xZZZZ_')).toBe('\r\n_x0041_ _xZZZZ_');
    const x = new XmlCursor(Buffer.from('<t>a<![CDATA[ <b> ]]><!-- x --><i>skipped</i>c &lt;</t>', 'utf8'));
    x.next();
    expect(x.text()).toBe('a <b> c <');
  });
});

describe('the shared string table', () => {
  const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const text = fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('&', '<', '>', '"', '\r\n', '\r', '_x000D_', '_x005F_x000D_', 'Hóa', 'ạ', '😀', ' ', '&amp;')), { maxLength: 6 }).map((p) => p.join(''));

  it('written as Excel writes it, reads as through the general path', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.boolean()), { maxLength: 12 }), fc.boolean(), (items, declared) => {
        const si = items.map(([t, preserve]) => `<si><t${preserve ? ' xml:space="preserve"' : ''}>${escape(t)}</t></si>`);
        const head = `${declared ? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' : ''}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${si.length}">`;
        const plain = readSharedStrings(Buffer.from(`${head}${si.join('')}</sst>`));
        // a comment is not Excel's shape: the table is read by the general path
        const general = readSharedStrings(Buffer.from(`${head}<!-- x -->${si.join('')}</sst>`));
        expect(plain).toEqual(general);
        expect(plain.length).toBe(items.length);
      }),
      { numRuns: 300 },
    );
    expect(readSharedStrings(Buffer.from('<sst><si><t>a &amp; b_x000D_</t></si><si><t xml:space="preserve"> c\r\n</t></si></sst>\n'))).toEqual([
      { kind: 'text', text: 'a & b\r' },
      { kind: 'text', text: ' c\n' },
    ]);
  });

  it('cut short, is refused', () => {
    const whole = '<sst count="2"><si><t>một</t></si><si><t>hai</t></si></sst>';
    for (let cut = 0; cut < whole.length; cut++) expect(() => readSharedStrings(Buffer.from(whole.slice(0, cut))), whole.slice(0, cut)).toThrow();
  });
});
