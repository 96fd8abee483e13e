import { unzipSync, zipSync } from 'fflate';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderAppendicesXlsx } from '../../src/excel/render-appendices.js';
import { shippedTexts } from '../helpers/definition.js';
import { EMPTY, type CellView, type WorkbookView } from '../../src/excel/workbook-spec.js';
import { loadWorkbook } from '../../src/excel/xlsx-read/workbook.js';
import { checkMonth } from '../../src/pipeline/month.js';
import { ROOT, SAMPLE } from '../helpers/workspace.js';
import { loadWithExceljs } from './exceljs-reference.js';
import { TempDir, edit, formBytes, workspace } from './helpers.js';
import { HAS_CALC, resaveXlsx } from './libreoffice.js';
import { SHARED, SHARED_STRINGS, STYLE, STYLES, book, kindsBook, worksheet } from './odd-workbooks.js';
// the benchmark's writer of legacy sheets: a minimal .xlsx as Excel lays one out, written without the program
import { writeXlsx } from '../../bench/xlsx.js';

/**
 * The reader (src/excel/xlsx-read/) against exceljs's reading of the same bytes (exceljs-reference.ts): every
 * sheet's name, state, row and column counts, every cell and merge, the defined names and the date system.
 * Where the reader differs on purpose, the difference is asserted both ways below (and listed in docs/excel.md).
 */

async function both(bytes: Uint8Array): Promise<{ ours: WorkbookView; theirs: WorkbookView }> {
  const ours = await loadWorkbook(bytes);
  const theirs = await loadWithExceljs(bytes);
  if (!ours.ok) throw new Error(`reader: ${ours.reason}`);
  if (!theirs.ok) throw new Error(`exceljs: ${theirs.reason}`);
  return { ours: ours.workbook, theirs: theirs.workbook };
}

/** exceljs lost a cached formula result of 0 or FALSE; the reader keeps it (see 'differs on purpose') */
function keptZero(ours: CellView, theirs: CellView): boolean {
  if (ours.kind !== 'formula' || theirs.kind !== 'formula' || theirs.result || ours.formula !== theirs.formula) return false;
  const r = ours.result;
  return (r?.kind === 'number' && r.value === 0) || (r?.kind === 'boolean' && !r.value);
}

/** Everything the two views disagree on, one line each (cells over both views' used areas and one beyond). */
function differences(ours: WorkbookView, theirs: WorkbookView, except: ReadonlySet<string> | 'kept zeros' = new Set()): string[] {
  const out: string[] = [];
  const head = (wb: WorkbookView) => wb.sheets.map((s) => `${s.name}:${s.state}:${s.rowCount}x${s.columnCount}`);
  if (JSON.stringify(head(ours)) !== JSON.stringify(head(theirs))) out.push(`sheets ${head(ours).join(',')} ≠ ${head(theirs).join(',')}`);
  if (JSON.stringify([...ours.definedNames]) !== JSON.stringify([...theirs.definedNames])) {
    out.push(`names ${JSON.stringify([...ours.definedNames])} ≠ ${JSON.stringify([...theirs.definedNames])}`);
  }
  if (ours.date1904 !== theirs.date1904) out.push(`date1904 ${ours.date1904} ≠ ${theirs.date1904}`);
  ours.sheets.forEach((a, i) => {
    const b = theirs.sheets[i];
    if (!b) return;
    for (let r = 1; r <= Math.max(a.rowCount, b.rowCount) + 1; r++) {
      for (let c = 1; c <= Math.max(a.columnCount, b.columnCount) + 1; c++) {
        const at = `${a.name}!${r},${c}`;
        if (except === 'kept zeros' ? keptZero(a.cell(r, c), b.cell(r, c)) : except.has(at)) continue;
        const x = JSON.stringify(a.cell(r, c));
        const y = JSON.stringify(b.cell(r, c));
        if (x !== y) out.push(`${at}: ${x} ≠ ${y}`);
        if (a.mergedInto(r, c) !== b.mergedInto(r, c)) out.push(`${at} merged into ${a.mergedInto(r, c)} ≠ ${b.mergedInto(r, c)}`);
        // the reader's shortcuts say what its views say
        const v = a.cell(r, c);
        if (a.filled(r, c) !== (v.kind !== 'empty')) out.push(`${at}: filled ${a.filled(r, c)} for ${x}`);
        if (a.plainNumber(r, c) !== (v.kind === 'number' ? v.value : undefined)) out.push(`${at}: plainNumber ${a.plainNumber(r, c)} for ${x}`);
      }
    }
  });
  return out;
}

describe('the reader reads as exceljs did', () => {
  it('the fixtures, every department’s form (filled and blank) and the appendices workbook', async () => {
    const ws = await workspace();
    const books: [string, Uint8Array][] = readdirSync(join(ROOT, 'fixtures', 'excel')).map((f) => [f, new Uint8Array(readFileSync(join(ROOT, 'fixtures', 'excel', f)))]);
    for (const d of ws.catalog.departments) books.push([d.id, await formBytes(d.id, true)]);
    books.push(['blank form', await formBytes('so-tu-phap', false)]);
    const model = (await checkMonth(SAMPLE, 'data', '2024-09')).model!;
    books.push(['appendices', await renderAppendicesXlsx(model, { texts: await shippedTexts(model) })]);
    expect(books.length).toBeGreaterThan(20);
    for (const [name, bytes] of books) {
      const { ours, theirs } = await both(bytes);
      expect(ours.sheets.length, name).toBeGreaterThan(0);
      expect(differences(ours, theirs), name).toEqual([]);
    }
  }, 120_000);

  it('a form an officer edited in a program that writes formulas, shared formulas, rich text, dates and merges', async () => {
    const bytes = await edit(await formBytes('so-tu-phap', true), (wb) => {
      const s = wb.getWorksheet('Dịch vụ công')!;
      s.getCell('E7').value = { formula: 'D7*2', result: 12, date1904: false };
      s.getCell('F7').value = { formula: 'D7-D7', result: 0, date1904: false };
      s.getCell('E8').value = { formula: 'D8+1', result: 5, shareType: 'shared', ref: 'E8:E10' } as never;
      s.getCell('E9').value = { sharedFormula: 'E8', result: 6 } as never;
      s.getCell('E10').value = { sharedFormula: 'E8', result: 7 } as never;
      s.getCell('G7').value = { richText: [{ text: 'Đã ' }, { text: 'kết nối', font: { bold: true } }] };
      s.getCell('G8').value = new Date(Date.UTC(2024, 8, 15));
      s.getCell('G9').value = { error: '#N/A' } as never;
      s.getCell('G10').value = true;
      s.mergeCells('H20:J22');
      wb.getWorksheet('Hướng dẫn')!.state = 'hidden';
    });
    const { ours, theirs } = await both(bytes);
    expect(differences(ours, theirs, new Set(['Dịch vụ công!7,6']))).toEqual([]);
    const s = ours.sheets.find((x) => x.name === 'Dịch vụ công')!;
    expect(s.cell(9, 5)).toEqual({ kind: 'formula', formula: 'D9+1', result: { kind: 'number', value: 6 } });
    expect(s.mergedInto(22, 10)).toBe('H20');
    // a cached 0 is kept; exceljs dropped it (see 'differs on purpose')
    expect(s.cell(7, 6)).toEqual({ kind: 'formula', formula: 'D7-D7', result: { kind: 'number', value: 0 } });
  }, 60_000);

  it('a legacy sheet written the way Excel writes one (shared strings, styles, merged headers)', async () => {
    const tmp = new TempDir();
    try {
      const rows: [number, string | number][][] = [[[1, 'Phụ lục I']], [], [[1, 'STT'], [2, 'Dịch vụ công trực tuyến'], [4, 'Tổng số hồ sơ']], [[4, 'Tổng hồ sơ'], [5, 'Trực tuyến'], [6, 'Tỷ lệ']]];
      for (let i = 1; i <= 300; i++) {
        const row: [number, string | number][] = [[1, `${i}.`], [2, `Dịch vụ ${i} & "tên" <dài>`], [4, i * 7], [5, i * 3], [6, '42,86%']];
        if (i % 9 === 0) row.push([9, 'Khó khăn']);
        rows.push(row);
      }
      const file = tmp.write('legacy.xlsx', '');
      writeXlsx(file, { name: 'Phụ lục I', rows, merges: ['A1:I1', 'D3:F3', 'A3:A4', 'B3:B4'] });
      const { ours, theirs } = await both(new Uint8Array(readFileSync(file)));
      expect(ours.sheets[0]!.rowCount).toBe(304);
      expect(differences(ours, theirs)).toEqual([]);
    } finally {
      tmp.dispose();
    }
  });

  it('every kind of cell, in the 1900 and the 1904 date systems', async () => {
    for (const date1904 of [false, true]) {
      const { ours, theirs } = await both(kindsBook({ date1904 }));
      // cached results 0 (I5: -0, D8: 0) are kept where exceljs dropped them (see 'differs on purpose')
      expect(differences(ours, theirs, new Set(['Kinds!5,9', 'Kinds!8,4']))).toEqual([]);
      expect(ours.date1904).toBe(date1904);
      expect(ours.sheets.map((s) => [s.name, s.state])).toEqual([
        ['Kinds', 'visible'],
        ['Ẩn', 'hidden'],
        ['Rất ẩn', 'veryHidden'],
        ["R&D 'x' 2", 'visible'],
        ['Trống', 'visible'],
      ]);
      const s = ours.sheets[0]!;
      expect([s.rowCount, s.columnCount]).toEqual([1000, 30]);
      const shift = (iso: string) => (date1904 ? new Date(Date.parse(iso) + 1462 * 86_400_000).toISOString().slice(0, 10) : iso);
      expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16].map((c) => s.cell(1, c))).toEqual<CellView[]>([
        { kind: 'number', value: 3182603 },
        { kind: 'number', value: 0.2587, numFmt: '0%' },
        { kind: 'number', value: 0.25870000000000004, numFmt: '0.00%' },
        { kind: 'number', value: 229046, numFmt: '#,##0' },
        { kind: 'date', iso: shift('2024-09-15') },
        { kind: 'date', iso: shift('2024-09-15') },
        { kind: 'date', iso: shift('2024-09-16') },
        { kind: 'number', value: 1, numFmt: '0.0%' },
        { kind: 'number', value: 15000, numFmt: '#,##0 "đ"' },
        { kind: 'number', value: -1.5, numFmt: '[Red]0.00' },
        { kind: 'number', value: 7 },
        { kind: 'number', value: 8, numFmt: 'General' },
        { kind: 'number', value: 9 },
        { kind: 'number', value: 30, numFmt: '0 "ngày"' },
        { kind: 'date', iso: shift('1899-12-30') },
        { kind: 'number', value: 10 },
      ]);
      expect(SHARED.map((_, i) => s.cell(2, i + 1))).toEqual(SHARED.map(([, text]) => ({ kind: 'text', text })));
      expect([s.cell(3, 1), s.cell(3, 2), s.cell(3, 3), s.cell(3, 4), s.cell(3, 5)]).toEqual([
        { kind: 'text', text: 'chữ trong ô' },
        { kind: 'text', text: 'a b' },
        { kind: 'text', text: 'A & B' },
        { kind: 'text', text: 'chữ' },
        { kind: 'number', value: 12 },
      ]);
      expect([1, 2, 3, 4, 5].map((c) => s.cell(4, c))).toEqual([
        { kind: 'boolean', value: true },
        { kind: 'boolean', value: false },
        { kind: 'error', text: '#N/A' },
        { kind: 'error', text: '#DIV/0!' },
        { kind: 'error', text: '#REF!' },
      ]);
      expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((c) => s.cell(5, c))).toEqual([
        { kind: 'formula', formula: '1+1', result: { kind: 'number', value: 2 } },
        { kind: 'formula', formula: 'A5*2' },
        { kind: 'formula', formula: '"x"&"y"', result: { kind: 'text', text: 'xy' } },
        { kind: 'formula', formula: 'A5>1', result: { kind: 'boolean', value: true } },
        { kind: 'formula', formula: '1/0', result: { kind: 'error', text: '#DIV/0!' } },
        { kind: 'formula', formula: 'DATE(2024,9,15)', result: { kind: 'date', iso: shift('2024-09-15') } },
        { kind: 'formula', formula: 'A1/D1', result: { kind: 'number', value: 13.895, numFmt: '0.00%' } },
        { kind: 'formula', formula: 'IF(A1>0,"a&b","")' },
        { kind: 'formula', formula: 'SUM(A1:A4)', result: { kind: 'number', value: -0 } },
      ]);
      // shared formulas: each cell's formula is the first one moved there
      expect([s.cell(6, 4), s.cell(7, 4), s.cell(9, 4)]).toEqual([
        { kind: 'formula', formula: 'A6+$B$6*C6', result: { kind: 'number', value: 7 } },
        { kind: 'formula', formula: 'A7+$B$6*C7', result: { kind: 'number', value: 14 } },
        { kind: 'formula', formula: 'A9+$B$6*C9', result: { kind: 'number', value: 0.5, numFmt: '0.00%' } },
      ]);
      expect([s.cell(6, 6), s.cell(6, 7)]).toEqual([
        { kind: 'formula', formula: 'SUM(B6:B$9)+LOG10(C6)', result: { kind: 'number', value: 5.3 } },
        { kind: 'formula', formula: 'SUM(C6:C$9)+LOG10(D6)' },
      ]);
      // merged ranges: covered cells read as empty (even B10, which holds a value) and point to the first cell
      expect([s.cell(10, 1), s.cell(10, 2), s.mergedInto(10, 2), s.mergedInto(11, 3), s.mergedInto(10, 1), s.mergedInto(12, 4), s.mergedInto(13, 4)]).toEqual([
        { kind: 'text', text: 'Dịch vụ công trực tuyến' },
        EMPTY,
        'A10',
        'A10',
        undefined,
        'D10',
        undefined,
      ]);
      expect([2, 3, 4, 5, 6, 7].map((c) => s.cell(12, c))).toEqual([EMPTY, EMPTY, EMPTY, EMPTY, EMPTY, EMPTY]);
      expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((c) => s.cell(14, c))).toEqual([-12.5, 0.0015, 12345678901234567000, -0, 0.1, 0.5, 100.00000000000001, 3, 7].map((value) => ({ kind: 'number', value })));
      expect([s.cell(15, 1), s.cell(15, 3), s.cell(16, 1), s.cell(17, 1)].map((v) => (v.kind === 'number' ? v.value : v.kind))).toEqual([1, 3, 16, 17]);
      expect([s.cell(18, 2), s.cell(18, 3), s.cell(18, 4)]).toEqual([{ kind: 'number', value: 1 }, { kind: 'number', value: 2 }, { kind: 'text', text: 'một' }]);
      expect([s.cell(19, 1), s.cell(19, 2), s.cell(19, 3), s.cell(20, 1), s.cell(20, 2)]).toEqual([
        { kind: 'text', text: '  có dấu cách  ' },
        { kind: 'number', value: 5 },
        { kind: 'number', value: 0.5, numFmt: '0%' },
        { kind: 'text', text: SHARED[2]![1] },
        { kind: 'formula', formula: 'A1+1', result: { kind: 'number', value: 3182604 } },
      ]);
      expect(s.cell(1000, 30)).toEqual({ kind: 'number', value: 1 });
      expect([...ours.definedNames]).toEqual([
        ['one', 'Kinds!$B$2'],
        ['range', 'Kinds!$A$1:$C$3'],
        ['quoted', "'R&D ''x'' 2'!$A$1"],
        ['hidden', "'Ẩn'!$A$1"],
        ['local', "'Ẩn'!$B$2"],
        ['_xlnm._FilterDatabase', 'Kinds!$A$1:$C$20'],
      ]);
    }
  });

  // in CI (.ci/run installs Calc) the test fails rather than skips without it
  it.skipIf(!HAS_CALC && !process.env['CI'])('workbooks saved by LibreOffice Calc', async () => {
    expect(HAS_CALC, 'LibreOffice Calc is required in CI').toBe(true);
    const tmp = new TempDir();
    try {
      // Calc checks the zip's checksums, which the hand-written workbooks leave out
      const rezip = (bytes: Uint8Array) => zipSync(unzipSync(bytes));
      const files = [
        tmp.write('kinds.xlsx', rezip(kindsBook())),
        tmp.write('kinds-1904.xlsx', rezip(kindsBook({ date1904: true }))),
        tmp.write('form.xlsx', await formBytes('so-tu-phap', true)),
        join(ROOT, 'fixtures', 'excel', 'legacy-phu-luc-1.xlsx'),
      ];
      const saved = resaveXlsx(files);
      expect([...saved.keys()].sort()).toEqual(['form', 'kinds', 'kinds-1904', 'legacy-phu-luc-1']);
      for (const name of ['kinds', 'form', 'legacy-phu-luc-1']) {
        const { ours, theirs } = await both(new Uint8Array(readFileSync(saved.get(name)!)));
        expect(ours.sheets.some((s) => s.rowCount > 0), name).toBe(true);
        expect(differences(ours, theirs, 'kept zeros'), name).toEqual([]);
      }
      // Calc writes date1904="true", which exceljs did not take for the 1904 system
      const { ours, theirs } = await both(new Uint8Array(readFileSync(saved.get('kinds-1904')!)));
      expect([ours.date1904, ours.sheets[0]!.cell(1, 5), theirs.date1904]).toEqual([true, { kind: 'date', iso: '2028-09-16' }, false]);
    } finally {
      tmp.dispose();
    }
  }, 300_000);

  it('elements with a namespace prefix (<x:c>) read as without one (exceljs refused the file)', async () => {
    const plain = await loadWorkbook(kindsBook());
    const withPrefix = await loadWorkbook(kindsBook({ prefix: 'x' }));
    if (!plain.ok || !withPrefix.ok) throw new Error('not read');
    expect(withPrefix.workbook.sheets[0]!.rowCount).toBe(1000);
    expect(differences(withPrefix.workbook, plain.workbook)).toEqual([]);
    const theirs = await loadWithExceljs(kindsBook({ prefix: 'x' }));
    expect(theirs.ok).toBe(false);
  });
});

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** One sheet "S" with these rows; the view of A1… of each read, or the refusal. */
async function readBoth(parts: { rows: string; after?: string; workbookPr?: string; sharedStrings?: string; rels?: string }) {
  const bytes = book({
    sheets: [{ name: 'S', xml: worksheet(parts.rows, parts.after), ...(parts.rels ? { rels: parts.rels } : {}) }],
    styles: STYLES,
    sharedStrings: parts.sharedStrings ?? SHARED_STRINGS,
    ...(parts.workbookPr ? { workbookPr: parts.workbookPr } : {}),
  });
  const ours = await loadWorkbook(bytes);
  const theirs = await loadWithExceljs(bytes);
  const sheet = (l: typeof ours) => (l.ok ? l.workbook.sheets[0]! : null);
  return { ours: sheet(ours)!, theirs: sheet(theirs), theirsRefused: theirs.ok ? null : theirs.reason, date1904: ours.ok && ours.workbook.date1904 };
}

describe('where the reader differs from exceljs, on purpose', () => {
  let rows: Awaited<ReturnType<typeof readBoth>>;

  it('keeps cached formula results of 0 and FALSE (exceljs dropped them: "formula never computed")', async () => {
    rows = await readBoth({ rows: '<row r="1"><c r="A1"><f>B1-B1</f><v>0</v></c><c r="B1" t="b"><f>1&gt;2</f><v>0</v></c></row>' });
    expect([rows.ours.cell(1, 1), rows.ours.cell(1, 2)]).toEqual([
      { kind: 'formula', formula: 'B1-B1', result: { kind: 'number', value: 0 } },
      { kind: 'formula', formula: '1>2', result: { kind: 'boolean', value: false } },
    ]);
    expect([rows.theirs!.cell(1, 1), rows.theirs!.cell(1, 2)]).toEqual([{ kind: 'formula', formula: 'B1-B1' }, { kind: 'formula', formula: '1>2' }]);
  });

  it('reads t="d" cells as the ISO dates they hold (exceljs: the number 2024, or a wrong date)', async () => {
    rows = await readBoth({ rows: `<row r="1"><c r="A1" t="d"><v>2024-09-15</v></c><c r="B1" t="d" s="${STYLE.dateCustom}"><v>2024-09-15T10:00:00</v></c></row>` });
    expect([1, 2].map((c) => rows.ours.cell(1, c))).toEqual([
      { kind: 'date', iso: '2024-09-15' },
      { kind: 'date', iso: '2024-09-15' },
    ]);
    expect(rows.theirs!.cell(1, 1)).toEqual({ kind: 'number', value: 2024 });
  });

  it('decodes _xHHHH_ escapes in inline strings and formula text too (exceljs: only in shared strings)', async () => {
    rows = await readBoth({ rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>a_x000D_b</t></is></c><c r="B1" t="str"><v>x_x000D_y</v></c></row>' });
    expect([rows.ours.cell(1, 1), rows.ours.cell(1, 2)]).toEqual([{ kind: 'text', text: 'a\rb' }, { kind: 'text', text: 'x\ry' }]);
    expect(rows.theirs!.cell(1, 1)).toEqual({ kind: 'text', text: 'a_x000D_b' });
  });

  it('decodes references in text once (exceljs decoded t="str" text twice: "&amp;lt;" became "<")', async () => {
    rows = await readBoth({ rows: '<row r="1"><c r="A1" t="str"><v>&amp;lt;b&amp;gt;</v></c></row>' });
    expect(rows.ours.cell(1, 1)).toEqual({ kind: 'text', text: '&lt;b&gt;' });
    expect(rows.theirs!.cell(1, 1)).toEqual({ kind: 'text', text: '<b>' });
  });

  it('leaves a text, TRUE/FALSE or error result in a date-formatted cell as it is (exceljs: an invalid date)', async () => {
    const s = STYLE.dateCustom;
    rows = await readBoth({ rows: `<row r="1"><c r="A1" t="str" s="${s}"><f>TEXT(B1,"d/m")</f><v>15/9</v></c><c r="B1" t="b" s="${s}"><f>TRUE()</f><v>1</v></c><c r="C1" t="e" s="${s}"><f>1/0</f><v>#DIV/0!</v></c></row>` });
    expect([1, 2, 3].map((c) => (rows.ours.cell(1, c) as { result: CellView }).result)).toEqual([
      { kind: 'text', text: '15/9' },
      { kind: 'boolean', value: true },
      { kind: 'error', text: '#DIV/0!' },
    ]);
    expect((rows.theirs!.cell(1, 1) as { result: CellView }).result).toEqual({ kind: 'date', iso: '' });
  });

  it('honours date1904="true" as well as "1" (exceljs: only "1")', async () => {
    rows = await readBoth({ rows: `<row r="1"><c r="A1" s="${STYLE.dateCustom}"><v>1</v></c></row>`, workbookPr: '<workbookPr date1904="true"/>' });
    expect([rows.date1904, rows.ours.cell(1, 1)]).toEqual([true, { kind: 'date', iso: '1904-01-02' }]);
    expect(rows.theirs!.cell(1, 1)).toEqual({ kind: 'date', iso: '1899-12-31' });
  });

  it('places a row or a first cell without a number as Excel does (exceljs refused the file)', async () => {
    rows = await readBoth({ rows: '<row><c><v>1</v></c><c><v>2</v></c></row><row r="3"><c r="B3"><v>3</v></c></row><row><c><v>4</v></c></row>' });
    expect([rows.ours.cell(1, 1), rows.ours.cell(1, 2), rows.ours.cell(3, 2), rows.ours.cell(4, 1), rows.ours.rowCount]).toEqual([
      { kind: 'number', value: 1 },
      { kind: 'number', value: 2 },
      { kind: 'number', value: 3 },
      { kind: 'number', value: 4 },
      4,
    ]);
    expect(rows.theirsRefused).not.toBeNull();
  });

  it('places a cell by its own reference, and keeps every cell of a row written twice (exceljs: the row element’s row; the last copy)', async () => {
    rows = await readBoth({ rows: '<row r="1"><c r="B5"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row><row r="2"><c r="B2"><v>3</v></c></row>' });
    expect([rows.ours.cell(5, 2), rows.ours.cell(1, 2), rows.ours.cell(2, 1), rows.ours.cell(2, 2), rows.ours.rowCount]).toEqual([
      { kind: 'number', value: 1 },
      EMPTY,
      { kind: 'number', value: 2 },
      { kind: 'number', value: 3 },
      5,
    ]);
    expect([rows.theirs!.cell(1, 2), rows.theirs!.cell(2, 1)]).toEqual([{ kind: 'number', value: 1 }, EMPTY]);
  });

  it('reads a sheet state other than hidden and veryHidden as visible (exceljs passed it on)', async () => {
    const bytes = book({ sheets: [{ name: 'S', state: 'HIDDEN', xml: worksheet('') }] });
    const ours = await loadWorkbook(bytes);
    const theirs = await loadWithExceljs(bytes);
    expect([ours.ok && ours.workbook.sheets[0]!.state, theirs.ok && theirs.workbook.sheets[0]!.state]).toEqual(['visible', 'HIDDEN']);
  });

  it('keeps the value of a cell with a hyperlink (exceljs turned the number into text)', async () => {
    rows = await readBoth({
      rows: '<row r="1"><c r="A1"><v>5</v></c></row>',
      after: '<hyperlinks><hyperlink ref="A1" r:id="rId1"/></hyperlinks>',
      rels: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/hyperlink" Target="https://example.org/" TargetMode="External"/></Relationships>`,
    });
    expect(rows.ours.cell(1, 1)).toEqual({ kind: 'number', value: 5 });
    expect(rows.theirs!.cell(1, 1)).toEqual({ kind: 'text', text: '5' });
  });

  it('reads a sheet with overlapping merged ranges, each cell in one of them (exceljs refused the file)', async () => {
    rows = await readBoth({ rows: '<row r="1"><c r="A1"><v>1</v></c></row>', after: '<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>' });
    expect([rows.ours.mergedInto(2, 2), rows.ours.mergedInto(1, 2), rows.ours.cell(1, 1)]).toEqual(['A1', 'A1', { kind: 'number', value: 1 }]);
    expect(rows.theirsRefused).toMatch(/merge/i);
  });

  it('reads an empty shared string as "" (exceljs: "[object Object]")', async () => {
    rows = await readBoth({ rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', sharedStrings: '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si/></sst>' });
    expect(rows.ours.cell(1, 1)).toEqual({ kind: 'text', text: '' });
    expect(rows.theirs!.cell(1, 1)).toEqual({ kind: 'text', text: '[object Object]' });
  });

  it('reads CDATA sections and skips phonetic guides (exceljs lost every cell of such a sheet)', async () => {
    rows = await readBoth({ rows: '<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a<b>]]></t></is></c><c r="B1"><v><![CDATA[5]]></v></c><c r="C1" t="inlineStr"><is><t>漢</t><rPh sb="0" eb="1"><t>かん</t></rPh></is></c></row>' });
    expect([1, 2, 3].map((c) => rows.ours.cell(1, c))).toEqual([{ kind: 'text', text: 'a<b>' }, { kind: 'number', value: 5 }, { kind: 'text', text: '漢' }]);
    expect(rows.theirs!.rowCount).toBe(0);
  });
});

describe('reading the benchmark-sized legacy sheet', () => {
  let bytes: Uint8Array;
  const tmp = new TempDir();
  beforeAll(() => {
    const rows: [number, string | number][][] = [[[1, 'STT'], [2, 'Dịch vụ công trực tuyến'], [4, 'Tổng hồ sơ']]];
    for (let i = 1; i <= 50_000; i++) rows.push([[1, i], [2, `Dịch vụ ${i % 5000}`], [3, 'Đã kết nối'], [4, i * 7], [5, i * 3], [6, '42,86%'], [7, i]]);
    const file = tmp.write('big.xlsx', '');
    writeXlsx(file, { name: 'Phụ lục I', rows, merges: ['B1:C1'] });
    bytes = new Uint8Array(readFileSync(file));
    tmp.dispose();
  });

  it('is read whole, every cell where it belongs', async () => {
    const r = await loadWorkbook(bytes);
    if (!r.ok) throw new Error(r.reason);
    const s = r.workbook.sheets[0]!;
    expect([s.rowCount, s.columnCount]).toEqual([50_001, 7]);
    for (const row of [2, 777, 25_000, 50_001]) {
      const i = row - 1;
      expect([1, 2, 3, 4, 5, 6, 7].map((c) => s.cell(row, c))).toEqual([
        { kind: 'number', value: i, numFmt: '#,##0' },
        { kind: 'text', text: `Dịch vụ ${i % 5000}` },
        { kind: 'text', text: 'Đã kết nối' },
        { kind: 'number', value: i * 7, numFmt: '#,##0' },
        { kind: 'number', value: i * 3, numFmt: '#,##0' },
        { kind: 'text', text: '42,86%' },
        { kind: 'number', value: i, numFmt: '#,##0' },
      ]);
    }
    expect([s.mergedInto(1, 3), s.mergedInto(2, 3)]).toEqual(['B1', undefined]);
  });
});
