import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { formBytes, TempDir, zipNames, zipPart } from './helpers.js';
import { HAS_CALC, resaveXlsx, toFlatOds, toPdf } from './libreoffice.js';

/** The forms' date validations (1/1/2000 … 31/12/2099) and the printing of the wide services sheet. */

const tmp = new TempDir();
afterAll(() => tmp.dispose());

/** the Excel date serial of a calendar day (1900 system: day 1 is 1/1/1900, 25569 is 1/1/1970) */
const serial = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
const FLOOR = serial(2000, 1, 1);
const CEILING = serial(2099, 12, 31);

/** every worksheet part of a form: name → XML */
function sheets(bytes: Uint8Array): Map<string, string> {
  return new Map(zipNames(bytes).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).map((n) => [n, zipPart(bytes, n)]));
}

function dateBounds(xml: string): [number, number][] {
  return [...xml.matchAll(/<dataValidation [^>]*type="date"[^>]*>(.*?)<\/dataValidation>/g)].map((m) => [
    Number(/<formula1>([^<]*)<\/formula1>/.exec(m[1]!)?.[1]),
    Number(/<formula2>([^<]*)<\/formula2>/.exec(m[1]!)?.[1]),
  ]);
}

describe('date validations of a form', () => {
  it('store 1/1/2000 and 31/12/2099 as date serials in every sheet', async () => {
    expect([FLOOR, CEILING]).toEqual([36526, 73050]);
    // bhxh-tinh's form has the asOf date of the instructions sheet and the dates of its indicators
    const bounds = [...sheets(await formBytes('bhxh-tinh')).values()].flatMap(dateBounds);
    expect(bounds.length).toBeGreaterThanOrEqual(2);
    for (const b of bounds) expect(b).toEqual([36526, 73050]);
  });

  // in CI (.ci/run installs Calc) the test fails rather than skips without it
  it.skipIf(!HAS_CALC && !process.env['CI'])('are read by LibreOffice Calc with those bounds: 15/10/2024 is accepted, 1/1/1990 refused', () => {
    expect(HAS_CALC, 'LibreOffice Calc is required in CI').toBe(true);
    return formBytes('bhxh-tinh').then((bytes) => {
      const file = tmp.write('bhxh-tinh.xlsx', bytes);
      const flat = toFlatOds([file]).get('bhxh-tinh');
      expect(flat, 'Calc converted the form').toBeDefined();
      const xml = readFileSync(flat!, 'utf8');
      // Calc's own condition of each date rule, as it understood the workbook
      const rules = [...xml.matchAll(/<table:content-validation table:name="([^"]+)" table:condition="([^"]*cell-content-is-date\(\)[^"]*)"/g)].map((m) => ({ name: m[1]!, condition: m[2]! }));
      expect(rules.length).toBeGreaterThanOrEqual(2);
      for (const r of rules) {
        const between = /cell-content-is-between\(([\d.]+)[,;]([\d.]+)\)/.exec(r.condition);
        expect(between, r.condition).not.toBeNull();
        const [lo, hi] = [Number(between![1]), Number(between![2])];
        const accepts = (day: number) => day >= lo && day <= hi;
        expect(accepts(serial(2024, 10, 15)), r.condition).toBe(true);
        expect(accepts(serial(1990, 1, 1)), r.condition).toBe(false);
        expect(accepts(serial(2099, 12, 31)) && !accepts(serial(2100, 1, 1)), r.condition).toBe(true);
      }
      // the cut-off date cell of the instructions sheet is one of them
      const guide = /<table:table table:name="Hướng dẫn".*?<\/table:table>/s.exec(xml)?.[0] ?? '';
      const used = [...guide.matchAll(/table:content-validation-name="([^"]+)"/g)].map((m) => m[1]);
      expect(used.some((n) => rules.some((r) => r.name === n))).toBe(true);
      // and Calc, saving the form as .xlsx again, stores the same serials
      const resaved = resaveXlsx([file]).get('bhxh-tinh');
      expect(resaved).toBeDefined();
      const again = [...sheets(new Uint8Array(readFileSync(resaved!))).values()].flatMap(dateBounds);
      expect(again.length).toBeGreaterThanOrEqual(2);
      for (const b of again) expect(b).toEqual([36526, 73050]);
    });
  }, 180_000);
});

describe('the services sheet of a form', () => {
  /** the worksheet part of a sheet, by its name in workbook.xml */
  async function servicesXml(): Promise<string> {
    const bytes = await formBytes('so-tu-phap');
    const names = [...zipPart(bytes, 'xl/workbook.xml').matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    return zipPart(bytes, `xl/worksheets/sheet${names.indexOf('Dịch vụ công') + 1}.xml`);
  }

  it('prints on A4 landscape, fitted to the page width (in the order the schema wants the elements)', async () => {
    const xml = await servicesXml();
    expect(xml).toMatch(/<sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr>/);
    const setup = /<pageSetup [^>]*\/>/.exec(xml)?.[0] ?? '';
    expect(setup).toContain('paperSize="9"');
    expect(setup).toContain('orientation="landscape"');
    expect(setup).toContain('fitToWidth="1"');
    expect(setup).toContain('fitToHeight="0"');
    // CT_Worksheet is a sequence: sheetPr first, pageMargins before pageSetup
    const order = ['<sheetPr>', '<dimension', '<sheetViews>', '<sheetData>', '<sheetProtection', '<dataValidations', '<pageMargins', '<pageSetup'].map((t) => xml.indexOf(t));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it.skipIf(!HAS_CALC && !process.env['CI'])('LibreOffice Calc prints it on landscape A4 pages, its last column on the page of its first', async () => {
    expect(HAS_CALC, 'LibreOffice Calc is required in CI').toBe(true);
    const file = tmp.write('so-tu-phap.xlsx', await formBytes('so-tu-phap'));
    const pdf = toPdf([file]).get('so-tu-phap');
    expect(pdf).toBeDefined();
    const text = spawnSync('pdftotext', ['-layout', pdf!, '-'], { encoding: 'utf8' }).stdout;
    const pages = text.split('\f');
    const at = pages.findIndex((p) => p.includes('DỊCH VỤ CÔNG TRỰC TUYẾN'));
    expect(at).toBeGreaterThanOrEqual(0);
    // the first and the last column of the table on one page: the width fits
    expect(pages[at]).toContain('Cấp phiếu lý lịch tư pháp');
    expect(pages[at]).toMatch(/Khó khăn,\s+vướng\s+mắc/);
    const info = spawnSync('pdfinfo', ['-f', String(at + 1), '-l', String(at + 1), pdf!], { encoding: 'utf8' }).stdout;
    const size = /Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/.exec(info);
    expect(size).not.toBeNull();
    const [w, h] = [Number(size![1]), Number(size![2])];
    expect(Math.round(w)).toBe(842); // A4 landscape: 297 × 210 mm
    expect(Math.round(h)).toBe(595);
  }, 180_000);
});
