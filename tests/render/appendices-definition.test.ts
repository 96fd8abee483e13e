import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderAppendicesXlsx, sheetNames } from '../../src/excel/render-appendices.js';
import type { ReportModel } from '../../src/model/report-model.js';
import { renderReportDocx } from '../../src/render/docx/render.js';
import { loadTemplates } from '../../src/render/templates-load.js';
import { openBook } from '../excel/helpers.js';
import { MODEL_SAMPLE } from '../fixtures/model-sample.js';
import { baocao } from '../helpers/cli.js';
import { bundledAppendices, shippedTexts } from '../helpers/definition.js';
import { ROOT } from '../helpers/workspace.js';
import { documentText, xmlParts } from '../robustness/docx-xml.js';

/** The appendices come from the definition: nothing of their headings is in the renderers, nothing empty is printed. */

/** The table headings and labels of the bundled appendices, as data/report/appendices.yaml writes them. */
const HEADINGS = [
  'Kết nối với Cổng DVC quốc gia',
  'Khó khăn, vướng mắc',
  'Khó khăn vướng mắc',
  'Tổng hồ sơ',
  'Tổng số hồ sơ',
  'Trực tuyến',
  'Đúng hạn',
  'Quá hạn',
  'Tình hình xử lý hồ sơ',
  'Dịch vụ công trực tuyến',
  'Mô hình',
  'MÔ HÌNH',
  'Kết quả triển khai',
  'Đánh giá tiến độ',
  'Đánh giá hiệu quả',
  'Kinh phí đầu tư',
  'Có tiếp tục tham mưu',
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the renderers hold no heading of the appendices', () => {
  const files = [...sources(join(ROOT, 'src', 'render')), join(ROOT, 'src', 'excel', 'render-appendices.ts'), join(ROOT, 'src', 'excel', 'appendix-sheets.ts')];

  it('the definition has every heading looked for (the list is the real one)', () => {
    const definition = readFileSync(join(ROOT, 'data', 'report', 'appendices.yaml'), 'utf8');
    for (const h of HEADINGS) expect(definition, h).toContain(h);
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(HEADINGS)('"%s" is in no file of src/render/ nor the .xlsx appendices', (heading) => {
    const found = files.filter((f) => readFileSync(f, 'utf8').includes(heading)).map((f) => f.slice(ROOT.length + 1));
    expect(found).toEqual([]);
  });
});

describe('an appendix whose list is empty', () => {
  const noModels: ReportModel = (() => {
    const models = { groups: [], counts: { models: 0 } };
    return { ...MODEL_SAMPLE, models, appendices: bundledAppendices(MODEL_SAMPLE.month, MODEL_SAMPLE.qd06, MODEL_SAMPLE.qd422, models) };
  })();

  it('is left out of the model, the .docx and the .xlsx', async () => {
    expect(MODEL_SAMPLE.appendices.appendices.map((a) => a.id)).toEqual(['phu-luc-1', 'phu-luc-2', 'phu-luc-3']);
    expect(noModels.appendices.appendices.map((a) => a.id)).toEqual(['phu-luc-1', 'phu-luc-2']);
    const texts = await shippedTexts(noModels);
    expect(texts.appendices.map((a) => a.label)).toEqual(['Phụ lục I', 'Phụ lục II']);
    const docx = await renderReportDocx(noModels, await loadTemplates(), { texts });
    if (!('bytes' in docx)) throw new Error('no document');
    const text = documentText(xmlParts(docx.bytes)['word/document.xml']!);
    expect(text).toContain('Phụ lục II');
    expect(text).not.toContain('Phụ lục IIIBÁO CÁO');
    const full = documentText(xmlParts(((await renderReportDocx(MODEL_SAMPLE, await loadTemplates())) as { bytes: Uint8Array }).bytes)['word/document.xml']!);
    expect(full).toContain('Phụ lục IIIBÁO CÁO');
    const book = await openBook(await renderAppendicesXlsx(noModels, { texts }));
    expect(book.worksheets.map((s) => s.name)).toEqual(['Phụ lục I', 'Phụ lục II']);
  });
});

describe('the bundled month', () => {
  const out = mkdtempSync(join(tmpdir(), 'baocao-bytes-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  // The files the bundled Thanh Hóa 9/2024 workspace builds, the same as before the appendices were laid out from
  // the definition: the definition and vocabularies of data/ reproduce them byte for byte. A deliberate change of the
  // bundled report changes these (look at the result in LibreOffice first, docs/layout.md).
  it.each([
    ['bao-cao-de-an-06-2024-09.docx', 'fef9aaae3df26a9f1652e636da85801317b5ec194bed8d5e13f0b83b38628ca7'],
    ['phu-luc-de-an-06-2024-09.xlsx', 'ed768339388b77b2589e16c5371f79fdc531a592e1dbe59fa624279effd49e1c'],
  ])('builds %s byte for byte as before', (file, sha) => {
    if (!readdirSync(out).length) expect(baocao(['build', '--month', '2024-09', '--out', out]).code).toBe(0);
    expect(createHash('sha256').update(readFileSync(join(out, file))).digest('hex')).toBe(sha);
  });
});

describe('the .xlsx sheets are named by the appendices labels', () => {
  it.each([
    ['as written', ['Phụ lục I', 'Phụ lục II'], ['Phụ lục I', 'Phụ lục II']],
    ['cut to 31 characters', ['Phụ lục IV: TIẾN ĐỘ CÁC MÔ HÌNH ĐỀ ÁN 06'], ['Phụ lục IV TIẾN ĐỘ CÁC MÔ HÌNH']],
    ['without the characters Excel refuses', ['Phụ lục [I]/?*'], ['Phụ lục I']],
    ['numbered when given twice', ['Phụ lục I', 'phụ lục i', 'Phụ lục I'], ['Phụ lục I', 'phụ lục i (2)', 'Phụ lục I (3)']],
  ])('%s', (_, labels, names) => {
    expect(sheetNames(labels)).toEqual(names);
  });
});
