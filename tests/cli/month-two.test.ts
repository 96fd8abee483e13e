import type ExcelJS from 'exceljs';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baocao } from '../helpers/cli.js';
import { SAMPLE, lineOf, tempWorkspace } from '../helpers/workspace.js';
import { edit, formCell, openBook, zipPart } from '../excel/helpers.js';

/**
 * October 2024, the secretariat's first real month, played from the bundled September as the users play it:
 * `open`, the forms go out; fifteen departments fill in their figures only (up, down, the same, none), one
 * puts a service online, one clerk types "12,5" and an online count above the total in the same form, one
 * clears a text; the Sở Y tế is late and then answers by editing its YAML file by hand, first leaving a figure
 * the report cites blank; the secretariat rewrites a paragraph of its own file. The report is then checked
 * sentence by sentence.
 */

const MONTH = '2024-10';
const ws = tempWorkspace(SAMPLE);
const received = join(ws.dir, 'nhan-ve');
afterAll(() => ws.dispose());

type Json = Record<string, unknown> & { diagnostics: Diag[] };
interface Diag {
  severity: string;
  code: string;
  file?: string;
  line?: number;
  sheet?: string;
  cell?: string;
  message: string;
}

const run = (args: string[]) => baocao([...args, '--data', ws.dir, '--month', MONTH]);
const codes = (j: Json, code: string) => j.diagnostics.filter((d) => d.code === code);

/** The text of a .docx's body, paragraph by paragraph (w:t runs joined, w:p as line breaks). */
function docxText(path: string): string {
  return zipPart(readFileSync(path), 'word/document.xml')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
}

const numberAt = (sheet: ExcelJS.Worksheet, address: string): number | null => {
  const v = sheet.getCell(address).value;
  return typeof v === 'number' ? v : null;
};

/**
 * A clerk filling the figures only: each figure last month had, moved by `change(last)`; texts and statuses
 * as the form shows them (carried from September). Indicators with parts get the sum of their parts.
 */
async function fillFigures(department: string, change: (last: number, field: string, row: string) => number | null, extra?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const bytes = readFileSync(join(ws.dir, MONTH, 'bieu-mau', `${department}.xlsx`));
  const filled = await edit(bytes, (wb) => {
    for (const sheet of wb.worksheets) {
      const header = new Map<string, number>();
      sheet.getRow(1).eachCell((c, n) => header.set(String(c.value ?? ''), n));
      const fields = ['total', 'online', 'onTime', 'overdue', 'value'].filter((f) => header.has(f) && header.has(`${f}.prev`));
      if (!fields.length) continue;
      const sums = new Map<string, number>();
      const rows: { row: number; key: string }[] = [];
      sheet.eachRow((r, n) => rows.push({ row: n, key: String(r.getCell(1).value ?? '') }));
      // parts first, so that an indicator's value can be their sum
      for (const { row, key } of [...rows].sort((a, b) => Number(b.key.startsWith('ipart:')) - Number(a.key.startsWith('ipart:')))) {
        if (!/^(service|part|indicator|ipart):/.test(key)) continue;
        for (const f of [...fields, ...(header.has('total') && header.has('total.prev') && !fields.includes('total') ? ['total'] : [])]) {
          const last = numberAt(sheet, sheet.getCell(row, header.get(`${f}.prev`)!).address);
          if (last === null) continue;
          let next = change(last, f, key);
          if (key.startsWith('indicator:') && f === 'value' && sums.has(key.slice(10))) next = sums.get(key.slice(10))!;
          if (next === null) continue;
          sheet.getCell(row, header.get(f)!).value = next;
          if (key.startsWith('ipart:') && f === 'value') {
            const id = key.slice(6, key.indexOf('/'));
            sums.set(`${id}`, (sums.get(id) ?? 0) + next);
          }
        }
      }
    }
    extra?.(wb);
  });
  mkdirSync(received, { recursive: true });
  const path = join(received, `${department}.xlsx`);
  writeFileSync(path, filled);
  return path;
}

/** Growth that keeps online ≤ total and on time ≤ online: every count of a row moves by the same share. */
const grow = (share: number) => (last: number) => Math.round(last * (1 + share));

let departments: string[] = [];
let batch: string[] = [];
let openedJson: Json;

beforeAll(async () => {
  const opened = run(['open', '--json']);
  expect(opened.code, opened.stderr).toBe(0);
  openedJson = opened.json<Json>();
  departments = readdirSync(join(ws.dir, MONTH, 'bieu-mau')).map((f) => f.replace(/\.xlsx$/, '')).sort();
  const late = 'so-y-te';
  const special = new Set([late, 'so-tu-phap', 'so-khdt', 'bhxh-tinh']);
  batch = [];
  for (const d of departments.filter((x) => !special.has(x))) {
    // most figures grow a little; the rest stay as they were (a department with nothing new sends the same)
    batch.push(await fillFigures(d, d.length % 3 === 0 ? (x) => x : grow(0.02)));
  }
  batch.push(await fillFigures('bhxh-tinh', (last, field, row) => (row === 'indicator:bhyt-cccd-cards' ? last + 7512 : field === 'total' || field === 'value' ? last + 100 : last)));
  // a service goes online this month: its status and its first figures
  batch.push(
    await fillFigures('so-khdt', grow(0.05), (wb) => {
      const sheet = wb.getWorksheet('Dịch vụ công')!;
      const cell = (row: string, f: string) => sheet.getCell(formCell(sheet, row, f));
      cell('service:qd422-22', 'connection').value = 'Đã kết nối';
      cell('service:qd422-22', 'total').value = 12;
      cell('service:qd422-22', 'online').value = 12;
      cell('service:qd422-22', 'onTime').value = 12;
    }),
  );
  // the clerk's usual mistakes, and a text cleared
  batch.push(
    await fillFigures('so-tu-phap', grow(0.01), (wb) => {
      const sheet = wb.getWorksheet('Dịch vụ công')!;
      sheet.getCell(formCell(sheet, 'service:qd06-09', 'total')).value = '12,5';
      sheet.getCell(formCell(sheet, 'service:qd06-10', 'online')).value = 99_999;
      const models = wb.getWorksheet('Mô hình')!;
      models.getCell(formCell(models, 'model:mh-08', 'difficulties')).value = null;
    }),
  );
}, 120_000);

describe('October 2024 played from September', () => {
  it('open warns about the texts carried word for word that still speak of September, at their lines', () => {
    const stale = codes(openedJson, 'BC272');
    expect(stale.length).toBeGreaterThan(0);
    expect(stale.every((d) => d.severity === 'warning' && d.file?.includes('2024-10/') && typeof d.line === 'number')).toBe(true);
    expect(stale.find((d) => d.file?.endsWith('bhxh-tinh.yaml'))?.message).toContain('"tháng 8"');
    // nothing is submitted yet: every file still has its review line
    expect(codes(run(['validate', '--json']).json<Json>(), 'BC260')).toHaveLength(18);
  });

  it('the batch import writes every clean form, refuses the one with mistakes and names all its problems at once', () => {
    const r = run(['import', ...batch, '--json']);
    expect(r.code).toBe(1);
    const j = r.json<Json & { written: { department: string }[]; refused: { file: string }[] }>();
    expect(j.refused.map((x) => x.file)).toEqual([expect.stringMatching(/so-tu-phap\.xlsx$/)]);
    expect(j.written.map((x) => x.department)).not.toContain('so-tu-phap');
    expect(j.written.length + j.refused.length).toBeGreaterThanOrEqual(batch.length - 1);
    const mine = j.diagnostics.filter((d) => d.file?.endsWith('so-tu-phap.xlsx'));
    // "12,5" and online > total in one run, each at its cell
    expect(mine.find((d) => d.code === 'BC120')).toMatchObject({ sheet: 'Dịch vụ công' });
    expect(mine.find((d) => d.code === 'BC210')).toMatchObject({ sheet: 'Dịch vụ công' });
    // its YAML is as open wrote it
    expect(ws.read(`${MONTH}/so-tu-phap.yaml`)).toContain('review:');
  });

  it('a figures-only form leaves every text and status of the department as it was', () => {
    const text = ws.read(`${MONTH}/bhxh-tinh.yaml`);
    expect(text).not.toContain('review:');
    expect(text).not.toContain('CẦN XEM LẠI');
    expect(text).toContain('Một số Trạm Y tế xã chưa bố trí được kinh phí mua đầu đọc mã QR');
    expect(text).toContain('status: Đã hoàn thành, đang duy trì');
    expect(ws.read(`${MONTH}/cong-an-tinh.yaml`)).toContain('connection: Đã kết nối');
  });

  it('the clerk corrects the form: the cleared text is applied and told at its cell', async () => {
    const fixed = await fillFigures('so-tu-phap', grow(0.01), (wb) => {
      const models = wb.getWorksheet('Mô hình')!;
      models.getCell(formCell(models, 'model:mh-08', 'difficulties')).value = null;
    });
    const r = run(['import', fixed, '--json']);
    expect(r.code, r.stdout).toBe(0);
    const cleared = codes(r.json<Json>(), 'BC446');
    expect(cleared).toEqual([expect.objectContaining({ severity: 'warning', sheet: 'Mô hình', cell: expect.stringMatching(/^[A-Z]+\d+$/) })]);
    expect(ws.read(`${MONTH}/so-tu-phap.yaml`)).not.toContain('Thứ nhất, vẫn còn nhiều người yêu cầu công chứng');
  });

  it('the secretariat rewrites a paragraph of its own file by hand', () => {
    // its form came back in the batch; the paragraph is reworded in the file itself
    expect(ws.read(`${MONTH}/van-phong-ubnd.yaml`)).not.toContain('review:');
    ws.replace(`${MONTH}/van-phong-ubnd.yaml`, 'Thực hiện Kế hoạch số 174/KH-TCTĐA ngày 12/8/2024', 'Tiếp tục thực hiện Kế hoạch số 174/KH-TCTĐA ngày 12/8/2024');
  });

  it('with the Sở Y tế late, the report cannot be signed; the draft says whose return is missing', () => {
    const final = run(['build', '--out', join(ws.dir, 'out'), '--json']);
    expect(final.code).toBe(1);
    expect(codes(final.json<Json>(), 'BC260').map((d) => d.message)).toEqual([expect.stringContaining('Sở Y tế')]);
    expect(readdirSync(ws.dir)).not.toContain('out');
    const draft = run(['build', '--draft', '--format', 'docx', '--out', join(ws.dir, 'du-thao'), '--json']);
    expect(draft.code, draft.stderr).toBe(0);
    const text = docxText(join(ws.dir, 'du-thao', `du-thao-bao-cao-de-an-06-${MONTH}.docx`));
    expect(text).toContain('[chưa có báo cáo của Sở Y tế]');
    // the figure's place says why it is empty: the department's return, not a zero
    expect(text).toContain('đã cấp [chưa có báo cáo của Sở Y tế] giấy khám sức khỏe');
  });

  it('the Sở Y tế answers by editing its file, leaving a cited figure blank: the final build names file, line and sentence', () => {
    const file = `${MONTH}/so-y-te.yaml`;
    const text = ws.read(file)
      .replace(/^review: .*\n/m, '')
      .replace(/(driver-health-facilities:\n\s+value:)/, '$1 42')
      .replace(/(driver-health-certificates:\n\s+value:)/, '$1 0')
      .replace(/(birth-cert-facilities:\n\s+value:)/, '$1 58')
      .replace(/(death-cert-facilities:\n\s+value:)/, '$1 17')
      .replace(/(death-certificates:\n\s+value:)/, '$1 301');
    ws.write(file, text);
    const r = run(['build', '--out', join(ws.dir, 'out'), '--json']);
    expect(r.code).toBe(1);
    const gaps = codes(r.json<Json>(), 'BC270');
    expect(gaps).toContainEqual(
      expect.objectContaining({ severity: 'error', file: expect.stringMatching(/2024-10\/so-y-te\.yaml$/), line: lineOf(text, 'birth-certificates:') + 1, message: expect.stringContaining('giấy chứng sinh') }),
    );
    expect(gaps.every((d) => d.message.includes('câu: «'))).toBe(true);
    const validate = run(['validate', '--json']);
    expect(validate.code).toBe(1);
    expect(codes(validate.json<Json>(), 'BC270')).toEqual(gaps);
  });

  it('filled in, the month builds, and every sentence reads right', () => {
    ws.replace(`${MONTH}/so-y-te.yaml`, /(birth-certificates:\n\s+value:)/, '$1 35.210');
    const r = run(['build', '--out', join(ws.dir, 'out'), '--json']);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const j = r.json<Json>();
    expect(j.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    // a text that still says "tháng 8" and "15/9/2024" is told, at its line
    const stale = codes(j, 'BC272').find((d) => d.file?.endsWith('bhxh-tinh.yaml'));
    expect(stale?.message).toContain('"tháng 8", "15/9/2024"');
    expect(docxText(join(ws.dir, 'out', `bao-cao-de-an-06-${MONTH}.docx`))).toContain('tăng 594 thẻ so với tháng 8.');
    // the secretariat heeds it: BHXH's result text of model 6 is brought up to date in the file
    ws.replace(`${MONTH}/bhxh-tinh.yaml`, 'Từ ngày 16/8/2023-15/9/2024', 'Từ ngày 16/8/2023-15/10/2024');
    ws.replace(`${MONTH}/bhxh-tinh.yaml`, 'là 3.182.603 thẻ, tăng 594 thẻ so với tháng 8.', 'là 3.190.115 thẻ, tăng 7.512 thẻ so với tháng 9.');
    const again = run(['build', '--out', join(ws.dir, 'out'), '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(codes(again.json<Json>(), 'BC272').filter((d) => d.file?.endsWith('bhxh-tinh.yaml') && d.line === stale?.line)).toEqual([]);
    const text = docxText(join(ws.dir, 'out', `bao-cao-de-an-06-${MONTH}.docx`)).replace(/\s+/g, ' ');
    expect(text).toContain('là 3.190.115 thẻ, tăng 7.512 thẻ so với tháng 9.');
    expect(text).toContain('Trong tháng, chưa có giấy khám sức khỏe cho người lái xe nào được liên thông dữ liệu.');
    expect(text).toContain('35.210 giấy chứng sinh (tăng 01 cơ sở và 3.612 giấy chứng sinh so với tháng liền kề)');
    expect(text).toContain('301 giấy chứng tử (tăng 43 giấy chứng tử so với tháng liền kề).');
    expect(text).toContain('Chưa phát sinh so với Báo cáo Đề án 06 tháng 9.');
    expect(text).toContain('Tiếp tục thực hiện Kế hoạch số 174/KH-TCTĐA ngày 12/8/2024');
    expect(text).toContain('NHIỆM VỤ TRỌNG TÂM TRONG THÁNG 11/2024');
    const wrong = /.{0,80}(…\/…|\[chưa có|so sánh so với|đã cấp 0 |tháng 8\.).{0,40}/.exec(text);
    expect(wrong?.[0]).toBeUndefined();
    // the appendices keep the carried statuses and texts
    expect(text).toContain('Đã kết nối');
    expect(text).toContain('Một số Trạm Y tế xã chưa bố trí được kinh phí mua đầu đọc mã QR');
  });

  it('the printed summary counts exactly the warnings printed', () => {
    const r = run(['build', '--out', join(ws.dir, 'out2')]);
    expect(r.code).toBe(0);
    const printed = r.stderr.split('\n').filter((l) => /: cảnh báo BC\d+:/.test(l)).length;
    expect(r.stdout).toContain(`(0 lỗi, ${printed} cảnh báo)`);
  });

  it('diff shows the service put online, old → new, and no department as "đã bỏ"', () => {
    const r = run(['diff', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const texts = r.json<{ texts: { id: string; field: string; before: string; after: string; status: string }[] }>().texts;
    expect(texts).toContainEqual(expect.objectContaining({ id: 'qd422-22', field: 'connection', before: 'Chưa kết nối', after: 'Đã kết nối', status: 'changed' }));
    expect(texts.filter((t) => t.status === 'not-submitted')).toEqual([]);
    const human = run(['diff']);
    expect(human.stdout).toContain('"Chưa kết nối" → "Đã kết nối"');
  });

  it('the forms of the next month show the texts and statuses October ended with', async () => {
    const r = baocao(['forms', '--data', ws.dir, '--month', '2024-11', '--department', 'so-khdt', '--out', join(ws.dir, 'bieu-mau-11'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const wb = await openBook(readFileSync(join(ws.dir, 'bieu-mau-11', 'so-khdt.xlsx')));
    const sheet = wb.getWorksheet('Dịch vụ công')!;
    expect(sheet.getCell(formCell(sheet, 'service:qd422-22', 'connection')).value).toBe('Đã kết nối');
    expect(sheet.getCell(formCell(sheet, 'service:qd422-22', 'total.prev')).value).toBe(12);
  });
});
