import { describe, expect, it } from 'vitest';
import { loadWorkbook } from '../../src/excel/xlsx-read/workbook.js';
import { xsdNumber } from '../../src/excel/xlsx-read/sheet.js';
import { SHARED_STRINGS, STYLES, book, worksheet } from './odd-workbooks.js';
import { makeZip } from './zip-builder.js';

/**
 * Exact or refused: every value the reader hands out is what the XML says in the sense of the schemas (a number
 * is an `xsd:double`, a boolean an `xsd:boolean`, a date an `xsd:date(Time)`), and anything else is refused with
 * the sheet and the cell — never a prefix read as a number, never a U+FFFD, never an entity kept as text.
 */

const one = (rows: string, sharedStrings = SHARED_STRINGS) => loadWorkbook(book({ sheets: [{ name: 'Dịch vụ công', xml: worksheet(rows) }], sharedStrings, styles: STYLES }));

describe('a number cell is a number or a located refusal', () => {
  it('xsd:double and nothing else', () => {
    for (const [text, value] of [['12', 12], ['-12.50', -12.5], ['1E3', 1000], ['.5', 0.5], ['5.', 5], [' 7 ', 7], ['+3', 3], ['1e-2', 0.01]] as const) {
      expect(xsdNumber(text), text).toBe(value);
    }
    for (const text of ['4,637', '12abc', '0x10', '1_000', '', ' ', '1e', 'e3', '--1', '1.2.3', 'INFx', '١٢']) expect(xsdNumber(text), text).toBeNaN();
  });

  it.each([
    ['<c r="H7"><v>4,637</v></c>', 'H7', '"4,637"'],
    ['<c r="H7"><v>12abc</v></c>', 'H7', '"12abc"'],
    ['<c r="H7"><v>0x10</v></c>', 'H7', '"0x10"'],
    ['<c r="H7"><v>INF</v></c>', 'H7', '"INF"'],
    ['<c r="H7" t="n"><f>1+1</f><v>2 apples</v></c>', 'H7', '"2 apples"'],
    ['<c r="H7" t="b"><v>yes</v></c>', 'H7', '"yes"'],
    ['<c r="H7" t="d"><v>2024-09-15garbage</v></c>', 'H7', '"2024-09-15garbage"'],
    ['<c r="H7" t="d"><v>2024-02-30</v></c>', 'H7', '"2024-02-30"'],
    ['<c r="H7" t="s"><v>99</v></c>', 'H7', '"99"'],
    ['<c r="H7" t="s"><v>1x</v></c>', 'H7', '"1x"'],
    ['<c r="H7" t="inlineStr"><is><t>a&xxe;b</t></is></c>', 'H7', '"&xxe;"'],
    ['<c r="H7" t="inlineStr"><is><t>a&#0;b</t></is></c>', 'H7', '"&#0;"'],
    ['<c r="H7" t="inlineStr"><is><t>a&#xD800;b</t></is></c>', 'H7', '"&#xD800;"'],
    ['<c r="H7" t="inlineStr"><is><t>a\u0001b</t></is></c>', 'H7', 'U+0001'],
    ['<c r="H7" t="str"><v>a\u001Fb</v></c>', 'H7', 'U+001F'],
  ])('%s → refused at %s', async (cell, at, said) => {
    const r = await one(`<row r="7">${cell}</row>`);
    expect(r).toMatchObject({ ok: false, sheet: 'Dịch vụ công', cell: at, detail: expect.stringContaining(said) });
  });

  it('a shortened text in the message: a long bad value is not copied whole', async () => {
    const r = await one(`<row r="7"><c r="H7"><v>1${'x'.repeat(10_000)}</v></c></row>`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.detail!.length).toBeLessThan(200);
  });

  it.each([
    ['<c r="XFD1048577"><v>1</v></c>', '1.048.577'],
    ['<c r="A0"><v>1</v></c>', '"A0"'],
    ['<c r="XFE1"><v>1</v></c>', '"XFE1"'],
    ['<c r="1A"><v>1</v></c>', '"1A"'],
  ])('a cell address %s is refused, naming the sheet and the address as found', async (cell, said) => {
    const r = await one(`<row r="7">${cell}</row>`);
    expect(r).toMatchObject({ ok: false, sheet: 'Dịch vụ công', detail: expect.stringContaining(said) });
  });

  it('a row number past Excel\'s last, or not a number, is refused at the sheet', async () => {
    expect(await one('<row r="1048577"><c><v>1</v></c></row>')).toMatchObject({ ok: false, sheet: 'Dịch vụ công', detail: expect.stringContaining('1.048.577') });
    expect(await one('<row r="7x"><c><v>1</v></c></row>')).toMatchObject({ ok: false, sheet: 'Dịch vụ công', detail: expect.stringContaining('"7x"') });
  });
});

describe('the shared string table', () => {
  const sst = (items: string) => `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${items}</sst>`;

  it('a bad item is refused at the first cell that shows it', async () => {
    for (const bad of ['<si><t>a&#0;</t></si>', '<si><t>a&lol9;</t></si>', '<si><t>a\u0002</t></si>', '<si><r><t>a&bogus;</t></r></si>']) {
      const r = await one('<row r="3"><c r="B3" t="s"><v>0</v></c><c r="C3" t="s"><v>1</v></c></row>', sst(`<si><t>ok</t></si>${bad}`));
      expect(r, bad).toMatchObject({ ok: false, sheet: 'Dịch vụ công', cell: 'C3', part: 'xl/sharedStrings.xml' });
    }
  });

  it('bytes that are not UTF-8 in an item are refused at the cell that shows it', async () => {
    const bytes = book({ sheets: [{ name: 'S', xml: worksheet('<row r="2"><c r="D2" t="s"><v>1</v></c></row>') }], sharedStrings: sst('<si><t>ok</t></si><si><t>XX</t></si>'), styles: STYLES });
    const { unzipSync } = await import('fflate');
    const parts = unzipSync(bytes);
    const strings = Buffer.from(parts['xl/sharedStrings.xml']!);
    const at = strings.indexOf('XX');
    strings[at] = 0xc3;
    strings[at + 1] = 0x28; // a lead byte without its continuation
    const r = await loadWorkbook(makeZip(Object.entries(parts).map(([name, data]) => ({ name, data: name === 'xl/sharedStrings.xml' ? new Uint8Array(strings) : data }))));
    expect(r).toMatchObject({ ok: false, sheet: 'S', cell: 'D2', detail: expect.stringContaining('UTF-8') });
  });
});

describe('bytes of a sheet that are not UTF-8', () => {
  it('are refused at the cell that holds them', async () => {
    const xml = Buffer.from(worksheet('<row r="5"><c r="E5" t="inlineStr"><is><t>Sở XX pháp</t></is></c></row>'), 'utf8');
    const at = xml.indexOf('XX');
    xml[at] = 0xff;
    const bytes = book({ sheets: [{ name: 'S', xml: '' }], styles: STYLES });
    const { unzipSync } = await import('fflate');
    const parts = Object.entries(unzipSync(bytes)).map(([name, data]) => ({ name, data: name === 'xl/worksheets/sheet1.xml' ? new Uint8Array(xml) : data }));
    expect(await loadWorkbook(makeZip(parts))).toMatchObject({ ok: false, sheet: 'S', cell: 'E5', detail: expect.stringContaining('UTF-8') });
  });
});

describe('the package', () => {
  const parts = async () => {
    const { unzipSync } = await import('fflate');
    return Object.entries(unzipSync(book({ sheets: [{ name: 'S', xml: worksheet('<row r="1"><c r="A1"><v>1</v></c></row>') }] }))).map(([name, data]) => ({ name, data }));
  };

  it('two entries of one name, or of names differing only in case, are refused', async () => {
    const p = await parts();
    const sheet = p.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    expect((await loadWorkbook(makeZip([...p, sheet]))).ok).toBe(false);
    expect((await loadWorkbook(makeZip([...p, { name: 'XL/Worksheets/Sheet1.xml', data: sheet.data }]))).ok).toBe(false);
  });

  it('an entry whose CRC does not match its data is refused', async () => {
    const p = await parts();
    const r = await loadWorkbook(makeZip(p.map((e) => (e.name === 'xl/worksheets/sheet1.xml' ? { ...e, crc: 12345 } : e))));
    expect(r).toMatchObject({ ok: false, reason: expect.stringContaining('CRC') });
  });
});
