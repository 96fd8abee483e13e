import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkbook } from '../../src/excel/xlsx-read/workbook.js';
import { COUNT_FORMAT, renderAppendicesXlsx } from '../../src/excel/render-appendices.js';
import type { ReportModel } from '../../src/model/report-model.js';
import { checkMonth } from '../../src/pipeline/month.js';
import { SAMPLE } from '../helpers/workspace.js';
import { shippedTexts } from '../helpers/definition.js';
import type { ReportTexts } from '../../src/render/template/report-texts.js';
import { TempDir, openBook, zipNames, zipPart } from './helpers.js';
import { HAS_CALC, pdfInfo, toPdf } from './libreoffice.js';

/** Phụ lục I–III as one workbook, from the sample month's model. */

let model: ReportModel;
let bytes: Uint8Array;
let texts: ReportTexts;
const tmp = new TempDir();
beforeAll(async () => {
  const r = await checkMonth(SAMPLE, 'data', '2024-09');
  model = r.model!;
  texts = await shippedTexts(model);
  bytes = await renderAppendicesXlsx(model, { texts });
});
afterAll(() => tmp.dispose());

describe('renderAppendicesXlsx', () => {
  it('is reproducible: the same model gives the same bytes, whatever the clock', async () => {
    await new Promise((r) => setTimeout(r, 2100)); // past the 2-second resolution of zip dates
    expect(Buffer.from(await renderAppendicesXlsx(model, { texts })).equals(Buffer.from(bytes))).toBe(true);
    const other = await renderAppendicesXlsx(model, { texts, createdAt: new Date('2024-10-01T08:00:00Z') });
    expect(Buffer.from(other).equals(Buffer.from(bytes))).toBe(false);
    expect(zipPart(other, 'docProps/core.xml')).toContain('2024-10-01T08:00:00Z');
    expect(zipPart(bytes, 'docProps/core.xml')).toContain(`${model.period.to}T00:00:00Z`);
  });

  it('has a sheet per appendix with the figures as numbers', async () => {
    const r = await loadWorkbook(bytes);
    if (!r.ok) throw new Error(r.reason);
    expect(r.workbook.sheets.map((s) => s.name)).toEqual(['Phụ lục I', 'Phụ lục II', 'Phụ lục III']);
    const wb = await openBook(bytes);
    const one = wb.getWorksheet('Phụ lục I')!;
    let row = 0;
    one.eachRow((r, n) => {
      if (String(r.getCell(2).value).startsWith('Cấp lại, đổi thẻ căn cước')) row = n;
    });
    expect(row).toBeGreaterThan(0);
    expect(one.getCell(row, 4).value).toBe(229046);
    expect(one.getCell(row, 4).numFmt).toBe(COUNT_FORMAT);
    expect(one.getCell(row, 6).value).toBeCloseTo(0.2587, 6);
    expect(one.getCell(row, 6).numFmt).toBe('0.00%');
    expect(one.getCell(row, 3).value).toBe('Đã kết nối');
  });

  it('keeps the merged two-row heads, freezes them, and prints A4 landscape fitted to width with the heads repeated', () => {
    const names = zipNames(bytes);
    expect(names).toContain('xl/worksheets/sheet1.xml');
    const s1 = zipPart(bytes, 'xl/worksheets/sheet1.xml');
    // "Tổng số hồ sơ" over three columns, "Tình hình xử lý" over two, STT down two rows
    expect(s1).toMatch(/<mergeCell ref="D(\d+):F\1"\/>/);
    expect(s1).toMatch(/<mergeCell ref="G(\d+):H\1"\/>/);
    expect(s1).toMatch(/<mergeCell ref="A(\d+):A(\d+)"\/>/);
    expect(s1).toMatch(/<pane [^>]*ySplit="\d+"[^>]*state="frozen"/);
    expect(s1).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"[^>]*fitToWidth="1"[^>]*fitToHeight="0"/);
    expect(s1).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
    const wbXml = zipPart(bytes, 'xl/workbook.xml');
    expect(wbXml).toMatch(/<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Phụ lục I&apos;!\$\d+:\$\d+<\/definedName>/);
    expect(zipPart(bytes, 'xl/styles.xml')).toContain('formatCode="[=0]0;[&lt;10]00;#,##0"');
  });

  it('prints each model with "Mô hình n:" and the progress sentence first', async () => {
    const wb = await openBook(bytes);
    const three = wb.getWorksheet('Phụ lục III')!;
    const texts: string[] = [];
    three.eachRow((r) => {
      const v = r.getCell(2).value as { richText?: { text: string }[] } | string | null;
      if (v && typeof v === 'object' && v.richText) texts.push(v.richText.map((t) => t.text).join(''));
    });
    expect(texts.length).toBe(model.models.counts.models);
    expect(texts[0]).toMatch(/^Mô hình \d+: /);
  });

  // in CI (.ci/run installs Calc) the test fails rather than skips without it
  it.skipIf(!HAS_CALC && !process.env['CI'])('opens in LibreOffice Calc: A4 landscape pages with the three appendices', () => {
    expect(HAS_CALC, 'LibreOffice Calc is required in CI').toBe(true);
    const file = tmp.write('phu-luc.xlsx', bytes);
    const pdf = toPdf([file]).get('phu-luc');
    expect(pdf).toBeDefined();
    const info = pdfInfo(pdf!);
    expect(Math.round(info.width)).toBe(842);
    expect(Math.round(info.height)).toBe(595);
    for (const t of ['Phụ lục I', 'Phụ lục II', 'Phụ lục III', 'Cấp lại, đổi thẻ căn cước công dân']) expect(info.text).toContain(t);
  }, 120_000);

  it('a draft says "DỰ THẢO" at the top of every printed page of every sheet, and in its title', async () => {
    const draft = await renderAppendicesXlsx(model, { texts, draft: true });
    for (const n of [1, 2, 3]) {
      expect(zipPart(draft, `xl/worksheets/sheet${n}.xml`)).toContain('<headerFooter><oddHeader>&amp;C&amp;&quot;Times New Roman,Bold&quot;&amp;14DỰ THẢO</oddHeader></headerFooter>');
      expect(zipPart(bytes, `xl/worksheets/sheet${n}.xml`)).not.toContain('headerFooter');
    }
    expect(zipPart(draft, 'docProps/core.xml')).toContain('<dc:title>DỰ THẢO: Phụ lục I, II, III');
    expect(zipPart(bytes, 'docProps/core.xml')).not.toContain('DỰ THẢO');
  });

  it.skipIf(!HAS_CALC && !process.env['CI'])('a draft printed from LibreOffice Calc has "DỰ THẢO" on each page', async () => {
    expect(HAS_CALC, 'LibreOffice Calc is required in CI').toBe(true);
    const file = tmp.write('du-thao.xlsx', await renderAppendicesXlsx(model, { texts, draft: true }));
    const info = pdfInfo(toPdf([file]).get('du-thao')!);
    expect(info.pages).toBeGreaterThan(3);
    expect(info.text.match(/DỰ THẢO/g)?.length).toBe(info.pages);
  }, 120_000);
});

