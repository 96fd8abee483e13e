import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadWorkbook, type Loaded } from '../../src/excel/xlsx-read/workbook.js';
import { KINDS_SHEET, SHARED_STRINGS, STYLES, book, worksheet } from './odd-workbooks.js';
import { makeZip } from './zip-builder.js';

/**
 * Damaged and hostile workbooks: each is refused (`{ ok: false }`) or read into a sensible view, quickly, and
 * never throws nor hangs. The guard (guard.ts) would refuse some of them first; the reader must not rely on it.
 */

/** Loads within a bound far above the real time (a hang or a quadratic walk would take minutes). */
async function timed(bytes: Uint8Array, limitMs = 5000): Promise<Loaded> {
  const t = performance.now();
  const r = await loadWorkbook(bytes);
  expect(performance.now() - t).toBeLessThan(limitMs);
  return r;
}

const sheetOf = (rows: string, after = '') => book({ sheets: [{ name: 'S', xml: worksheet(rows, after) }], sharedStrings: SHARED_STRINGS, styles: STYLES });

describe('a damaged sheet', () => {
  it('cut anywhere: refused or read, never thrown', async () => {
    const xml = `<?xml version="1.0"?>${KINDS_SHEET}`;
    let refused = 0;
    for (let cut = 0; cut < xml.length; cut += 7) {
      const r = await timed(book({ sheets: [{ name: 'S', xml: xml.slice(0, cut) }], sharedStrings: SHARED_STRINGS, styles: STYLES }));
      if (!r.ok) refused++;
    }
    // every cut before the end leaves an element open
    expect(refused).toBe(Math.ceil(xml.length / 7));
  });

  it('edited at random: refused or read, never thrown', async () => {
    const edit = fc.tuple(fc.nat(), fc.nat({ max: 20 }), fc.constantFrom('', '<', '>', '"', '<c>', '</c>', '<row>', '</row>', '&', '&#0;', '<v>', 'r="', '<!--', '<![CDATA[', '/', ' t="s"', '<f t="shared" si="0"/>'));
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 5 }), async (edits) => {
        let xml = KINDS_SHEET;
        for (const [at, del, ins] of edits) {
          const i = at % (xml.length + 1);
          xml = xml.slice(0, i) + ins + xml.slice(i + del);
        }
        const r = await timed(book({ sheets: [{ name: 'S', xml }], sharedStrings: SHARED_STRINGS, styles: STYLES }));
        if (r.ok) expect(r.workbook.sheets[0]!.rowCount).toBeLessThanOrEqual(1_048_576);
      }),
      { numRuns: 300 },
    );
  });

  it('a cell missing its </c> is refused', async () => {
    expect((await timed(sheetOf('<row r="1"><c r="A1"><v>1</v><c r="B1"><v>2</v></c></row>'))).ok).toBe(false);
    expect((await timed(sheetOf('<row r="1"><c r="A1"><v>1</v></row>'))).ok).toBe(false);
    expect((await timed(sheetOf('<row r="1"><c r="A1"><v>1</v>'))).ok).toBe(false);
  });

  it('garbage in a cell or row reference is refused', async () => {
    for (const r of ['1A', 'A0', 'XFE1', '!!', '', 'A1048577', 'A 1', 'AAAAAAAAAAAAAAAAAAAAAA1']) {
      expect((await timed(sheetOf(`<row r="1"><c r="${r}"><v>1</v></c></row>`))).ok, r).toBe(false);
    }
    for (const r of ['0', '-1', 'x', '1048577']) expect((await timed(sheetOf(`<row r="${r}"><c><v>1</v></c></row>`))).ok, r).toBe(false);
  });

  it('a cell at row 2,000,000,000 is refused, as a cell past the last column is', async () => {
    expect((await timed(sheetOf('<row r="1"><c r="A2000000000"><v>1</v></c></row>'))).ok).toBe(false);
    expect((await timed(sheetOf('<row r="2000000000"><c><v>1</v></c></row>'))).ok).toBe(false);
    expect((await timed(sheetOf(`<row r="1"><c r="XFD1"><v>1</v></c><c><v>2</v></c></row>`))).ok).toBe(false);
  });

  it('a shared string that does not exist is refused', async () => {
    expect((await timed(sheetOf('<row r="1"><c r="A1" t="s"><v>99999</v></c></row>'))).ok).toBe(false);
    expect((await timed(sheetOf('<row r="1"><c r="A1" t="s"><v>x</v></c></row>'))).ok).toBe(false);
  });

  it('a sheet whose part is missing is left out; the others are read', async () => {
    const bytes = book({ sheets: [{ name: 'Có', xml: worksheet('<row r="1"><c r="A1"><v>1</v></c></row>') }, { name: 'Mất', xml: worksheet('') }] });
    const { unzipSync } = await import('fflate');
    const parts = Object.entries(unzipSync(bytes)).filter(([name]) => name !== 'xl/worksheets/sheet2.xml');
    const r = await timed(makeZip(parts.map(([name, data]) => ({ name, data }))));
    expect(r.ok && r.workbook.sheets.map((s) => [s.name, s.rowCount])).toEqual([['Có', 1]]);
    expect((await timed(makeZip(parts.filter(([n]) => n !== 'xl/workbook.xml').map(([name, data]) => ({ name, data }))))).ok).toBe(false);
  });

  it('not a package, or parts that are not XML: refused or empty, never thrown', async () => {
    expect((await timed(new Uint8Array(0))).ok).toBe(false);
    expect((await timed(new Uint8Array(1000).fill(7))).ok).toBe(false);
    const junk = new Uint8Array(200_000).map((_, i) => (i * 7919) % 251);
    const r = await timed(book({ sheets: [{ name: 'S', xml: Buffer.from(junk).toString('latin1') }], sharedStrings: Buffer.from(junk).toString('latin1') }));
    expect(r.ok).toBe(false);
  });
});

describe('a hostile sheet', () => {
  it('a merge of the whole sheet is one range, not a million cells', async () => {
    const before = process.memoryUsage().heapUsed;
    const r = await timed(sheetOf('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="1048576"><c r="XFD1048576"><v>3</v></c></row>', '<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>'), 2000);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
    if (!r.ok) throw new Error(r.reason);
    const s = r.workbook.sheets[0]!;
    expect([s.mergedInto(1_048_576, 16_384), s.mergedInto(1, 1), s.mergedInto(2, 1), s.cell(1, 2), s.cell(1_048_576, 16_384), s.rowCount, s.columnCount]).toEqual([
      'A1',
      undefined,
      'A1',
      { kind: 'empty' },
      { kind: 'empty' },
      1,
      1,
    ]);
  });

  it('100,000 merged ranges: every lookup right, all of them quick', async () => {
    const merges = Array.from({ length: 100_000 }, (_, i) => `<mergeCell ref="A${2 * i + 1}:C${2 * i + 2}"/>`).join('');
    const r = await timed(sheetOf('<row r="1"><c r="A1"><v>1</v></c></row>', `<mergeCells>${merges}</mergeCells>`), 10_000);
    if (!r.ok) throw new Error(r.reason);
    const s = r.workbook.sheets[0]!;
    const t = performance.now();
    for (let row = 1; row <= 200_000; row++) {
      const master = `A${row % 2 ? row : row - 1}`;
      if (s.mergedInto(row, 2) !== master || s.mergedInto(row, 4) !== undefined) throw new Error(`row ${row}`);
    }
    expect(performance.now() - t).toBeLessThan(10_000);
  });

  it('millions of "<", an attribute that never ends, elements nested a million deep: linear', async () => {
    const many = '<'.repeat(5_000_000);
    expect((await timed(sheetOf(`<row r="1"><c r="A1"><v>1</v></c></row>${many}`))).ok).toBe(false);
    expect((await timed(sheetOf(`<row r="1"><c r="A1" s="${'1'.repeat(5_000_000)}`))).ok).toBe(false);
    expect((await timed(sheetOf(`<row r="1" x="${'a'.repeat(5_000_000)}`))).ok).toBe(false);
    const deep = '<x>'.repeat(1_000_000) + '</x>'.repeat(1_000_000);
    const r = await timed(sheetOf(`<row r="1"><c r="A1"><v>1</v>${deep}</c></row>`));
    expect(r.ok && r.workbook.sheets[0]!.cell(1, 1)).toEqual({ kind: 'number', value: 1 });
  });

  it('a long shared formula over many cells costs bounded time and memory', async () => {
    const formula = Array.from({ length: 800 }, (_, i) => `A${i + 1}`).join('+');
    const rows = [`<row r="1"><c r="B1"><f t="shared" ref="B1:B30000" si="0">${formula}</f><v>1</v></c></row>`];
    for (let r = 2; r <= 30_000; r++) rows.push(`<row r="${r}"><c r="B${r}"><f t="shared" si="0"/><v>1</v></c></row>`);
    const r = await timed(sheetOf(rows.join('')), 10_000);
    if (!r.ok) throw new Error(r.reason);
    const s = r.workbook.sheets[0]!;
    expect((s.cell(2, 2) as { formula: string }).formula.startsWith('A2+A3+')).toBe(true);
    // past the budget of moved formulas, a cell gets its group's formula as written
    expect([formula, formula.replace(/A(\d+)/g, (_, n: string) => `A${Number(n) + 29_999}`)]).toContain((s.cell(30_000, 2) as { formula: string }).formula);
  });

  it('entity definitions are neither expanded nor kept as text ("billion laughs"): the DOCTYPE is refused in its part', async () => {
    const laughs = '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">' + Array.from({ length: 9 }, (_, i) => `<!ENTITY ${'b'.repeat(i + 1)} "${`&${i ? 'b'.repeat(i) : 'a'};`.repeat(10)}">`).join('') + ']>';
    const r = await timed(book({ sheets: [{ name: 'S', xml: laughs + worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&bbbbbbbbb;</t></is></c></row>') }] }));
    expect(r).toMatchObject({ ok: false, part: 'xl/worksheets/sheet1.xml', sheet: 'S', detail: expect.stringContaining('"<!DOCTYPE"') });
  });

  it('a part in UTF-16 is read', async () => {
    const xml = '\ufeff<?xml version="1.0" encoding="UTF-16"?>' + worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>Sở Tư pháp</t></is></c></row>');
    const bytes = book({ sheets: [{ name: 'S', xml: '' }] });
    const { unzipSync } = await import('fflate');
    const parts = Object.entries(unzipSync(bytes)).map(([name, data]) => ({ name, data: name === 'xl/worksheets/sheet1.xml' ? new Uint8Array(Buffer.from(xml, 'utf16le')) : data }));
    const r = await timed(makeZip(parts));
    expect(r.ok && r.workbook.sheets[0]!.cell(1, 1)).toEqual({ kind: 'text', text: 'Sở Tư pháp' });
  });
});
