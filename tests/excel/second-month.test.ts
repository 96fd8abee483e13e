import type ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run as importFiles } from '../../src/cli/commands/import.js';
import { run as openMonth } from '../../src/cli/commands/open.js';
import { makeForms } from '../../src/excel/make-forms.js';
import { readYaml } from '../../src/readers/yaml.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { ROOT, SAMPLE, tempWorkspace, type TempWorkspace } from '../helpers/workspace.js';
import { edit, formCell, openBook, TempDir } from './helpers.js';

/**
 * The second month: `open` carries September's texts and statuses into October's files and forms; a department
 * fills its form's figures only, and the import leaves every text and status as the file had it.
 */

const MONTH = '2024-10';
const LEGACY = resolve(ROOT, 'fixtures/excel/legacy-phu-luc-1.xlsx');

let ws: TempWorkspace | undefined;
let tmp: TempDir | undefined;
afterEach(() => {
  ws?.dispose();
  tmp?.dispose();
  ws = undefined;
  tmp = undefined;
});

interface Diag {
  severity: string;
  code: string;
  file?: string;
  sheet?: string;
  cell?: string;
  message: string;
}
interface Out {
  code: number;
  json: { written: { department: string }[]; unchanged: { department: string }[]; refused: { file: string; departments: string[] }[]; diagnostics: Diag[] };
}

async function quietly<T>(f: () => Promise<T>): Promise<{ value: T; stdout: string }> {
  let stdout = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return { value: await f(), stdout };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

/** a copy of the sample with October opened from September */
async function opened(): Promise<TempWorkspace> {
  const w = tempWorkspace(SAMPLE);
  const r = await quietly(() => openMonth({ data: w.dir, month: MONTH }));
  expect(r.value, r.stdout).toBe(0);
  return w;
}

async function runImport(files: string[]): Promise<Out> {
  const r = await quietly(() => importFiles({ data: ws!.dir, month: MONTH, files, json: true }));
  return { code: r.value, json: JSON.parse(r.stdout) };
}

const formOf = (department: string) => readFileSync(join(ws!.dir, MONTH, 'bieu-mau', `${department}.xlsx`));
const yamlOf = (department: string) => readYaml('x.yaml', ws!.read(`${MONTH}/${department}.yaml`)).value as Return;

interface Return {
  review?: string;
  services: Record<string, Record<string, unknown>>;
  models: Record<string, Record<string, string>>;
  sections: Record<string, string[]>;
  footnotes?: Record<string, string>;
}

/** the texts and statuses of a return: everything but the figures and the review mark */
function textsOf(r: Return): unknown {
  const services = Object.fromEntries(
    Object.entries(r.services).map(([id, s]) => [id, { connection: s['connection'], difficulties: s['difficulties'], parts: Object.fromEntries(Object.entries((s['parts'] ?? {}) as Record<string, Record<string, unknown>>).map(([p, v]) => [p, v['connection']])) }]),
  );
  return { services, models: r.models, sections: r.sections, footnotes: r.footnotes };
}

/** sets cells of a sheet: [row key, field key, value] */
function fill(wb: ExcelJS.Workbook, sheet: string, cells: [string, string, ExcelJS.CellValue][]): void {
  const s = wb.getWorksheet(sheet)!;
  for (const [row, field, value] of cells) s.getCell(formCell(s, row, field)).value = value;
}

const SEPTEMBER_FIGURES: [string, string, number][] = [
  ['service:qd06-09', 'total', 4700],
  ['service:qd06-09', 'online', 4650],
  ['service:qd06-09', 'onTime', 4650],
  ['service:qd06-10', 'total', 1900],
  ['service:qd06-10', 'online', 1881],
];

describe('a form made by open for the second month', () => {
  it("shows the department's carried texts and statuses in its input cells, last month's figures beside them", async () => {
    ws = await opened();
    const wb = await openBook(formOf('so-tu-phap'));
    const carried = yamlOf('so-tu-phap');
    const s = wb.getWorksheet('Dịch vụ công')!;
    const connection = s.getCell(formCell(s, 'service:qd06-09', 'connection'));
    expect(connection.value).toBe(carried.services['qd06-09']!['connection']);
    expect(connection.protection?.locked).toBe(false);
    expect(s.getCell(formCell(s, 'service:qd06-09', 'total')).value).toBeNull();
    expect(s.getCell(formCell(s, 'service:qd06-09', 'total.prev')).value).toBe(4681);
    const m = wb.getWorksheet('Mô hình')!;
    for (const k of ['status', 'progress', 'results', 'difficulties', 'continuation']) {
      const cell = m.getCell(formCell(m, 'model:mh-08', k));
      expect(cell.value, k).toBe(carried.models['mh-08']![k]);
      expect(cell.protection?.locked, k).toBe(false);
    }
    const t = wb.getWorksheet('Lời văn')!;
    expect(t.getCell(formCell(t, 'section:ho-tich', 'text')).value).toBe(carried.sections['ho-tich']![0]);
  });

  it('is the same form as `forms` makes for a month that has no file yet (both carry forward from last month)', async () => {
    ws = tempWorkspace(SAMPLE);
    const w = (await loadWorkspace(ws.dir, 'data')).workspace!;
    const before = await makeForms({ ws: w, month: MONTH, department: 'so-tu-phap', filled: false, outDir: '/tmp/unused', outShown: 'out' });
    await quietly(() => openMonth({ data: ws!.dir, month: MONTH }));
    expect(Buffer.from(before.outputs[0]!.bytes).equals(formOf('so-tu-phap'))).toBe(true);
    // and after the file was entered, `forms` shows what the file holds now
    ws.replace(`${MONTH}/so-tu-phap.yaml`, /continuation: Tiếp tục triển khai/, 'continuation: Nhân rộng từ tháng 11');
    const after = await makeForms({ ws: w, month: MONTH, department: 'so-tu-phap', filled: false, outDir: '/tmp/unused', outShown: 'out' });
    const m = (await openBook(after.outputs[0]!.bytes)).getWorksheet('Mô hình')!;
    expect(m.getCell(formCell(m, 'model:mh-31', 'continuation')).value).toBe('Nhân rộng từ tháng 11');
  });
});

describe('a form for a department whose file of the month has errors', () => {
  it("shows last month's texts carried forward, and says so (BC445)", async () => {
    ws = await opened();
    ws.replace(`${MONTH}/so-tu-phap.yaml`, /^month: 2024-10$/m, 'month: 2024-10\nmonth: 2024-10');
    const w = (await loadWorkspace(ws.dir, 'data')).workspace!;
    const r = await makeForms({ ws: w, month: MONTH, department: 'so-tu-phap', filled: false, outDir: '/tmp/unused', outShown: 'out' });
    expect(r.diagnostics.filter((d) => d.code === 'BC445')).toMatchObject([{ severity: 'warning', file: 'out/so-tu-phap.xlsx' }]);
    const m = (await openBook(r.outputs[0]!.bytes)).getWorksheet('Mô hình')!;
    expect(m.getCell(formCell(m, 'model:mh-31', 'continuation')).value).toBe('Tiếp tục triển khai');
  });
});

describe('importing a form changes only what the clerk changed', () => {
  it('a form filled with figures only leaves every text and status of the file as it was; the review line and its header go', async () => {
    ws = await opened();
    tmp = new TempDir();
    const before = yamlOf('so-tu-phap');
    expect(ws.read(`${MONTH}/so-tu-phap.yaml`)).toContain('CẦN XEM LẠI');
    const form = tmp.write('so-tu-phap.xlsx', await edit(formOf('so-tu-phap'), (wb) => fill(wb, 'Dịch vụ công', SEPTEMBER_FIGURES)));
    const r = await runImport([form]);
    expect(r.code, JSON.stringify(r.json.diagnostics, null, 2)).toBe(0);
    expect(r.json.diagnostics.filter((d) => d.code === 'BC446' || d.severity === 'error')).toEqual([]);
    const after = yamlOf('so-tu-phap');
    expect(textsOf(after)).toEqual(textsOf(before));
    expect(after.services['qd06-09']).toMatchObject({ total: '4.700', online: '4.650', onTime: '4.650' });
    expect(after.review).toBeUndefined();
    const text = ws.read(`${MONTH}/so-tu-phap.yaml`);
    expect(text).not.toContain('CẦN XEM LẠI');
    expect(text).not.toContain('Các số liệu để trống');
    expect(text.startsWith('# yaml-language-server: $schema=')).toBe(true);
  });

  it('a form sent back untouched takes out only the review line and its header: every row of the file stays', async () => {
    ws = await opened();
    for (const d of ['bhxh-tinh', 'cong-an-tinh', 'so-tu-phap']) {
      const before = ws.read(`${MONTH}/${d}.yaml`);
      const r = await runImport([join(ws.dir, MONTH, 'bieu-mau', `${d}.xlsx`)]);
      expect(r.code, JSON.stringify(r.json.diagnostics, null, 2)).toBe(0);
      expect(r.json.diagnostics.filter((x) => x.code === 'BC446'), d).toEqual([]);
      const kept = before
        .split('\n')
        .filter((l, i, all) => !l.startsWith('review:') && !(i > 0 && i < all.indexOf('') && l.startsWith('# ') && !l.includes('yaml-language-server')))
        .join('\n');
      expect(ws.read(`${MONTH}/${d}.yaml`), d).toBe(kept);
    }
  });

  it('a text cleared in the form is cleared in the file, with a warning naming its sheet and cell', async () => {
    ws = await opened();
    tmp = new TempDir();
    let cell = '';
    const form = tmp.write(
      'so-tu-phap.xlsx',
      await edit(formOf('so-tu-phap'), (wb) => {
        fill(wb, 'Dịch vụ công', SEPTEMBER_FIGURES);
        const m = wb.getWorksheet('Mô hình')!;
        cell = formCell(m, 'model:mh-08', 'results');
        m.getCell(cell).value = null;
      }),
    );
    const r = await runImport([form]);
    expect(r.code).toBe(0);
    const cleared = r.json.diagnostics.filter((d) => d.code === 'BC446');
    expect(cleared).toMatchObject([{ severity: 'warning', file: form, sheet: 'Mô hình', cell }]);
    expect(cleared[0]!.message).toContain('"Kết quả triển khai" của mô hình 8');
    expect(yamlOf('so-tu-phap').models['mh-08']!['results'] ?? '').toBe('');
  });

  it("a connection status blanked where last month had one is an error at its cell, and the file stays as it was", async () => {
    ws = await opened();
    tmp = new TempDir();
    let cell = '';
    let status = '';
    const form = tmp.write(
      'so-tu-phap.xlsx',
      await edit(formOf('so-tu-phap'), (wb) => {
        fill(wb, 'Dịch vụ công', SEPTEMBER_FIGURES);
        const s = wb.getWorksheet('Dịch vụ công')!;
        cell = formCell(s, 'service:qd06-10', 'connection');
        s.getCell(cell).value = null;
        const m = wb.getWorksheet('Mô hình')!;
        status = formCell(m, 'model:mh-31', 'status');
        m.getCell(status).value = null;
      }),
    );
    const file = ws.read(`${MONTH}/so-tu-phap.yaml`);
    const r = await runImport([form]);
    expect(r.code).toBe(1);
    const blank = r.json.diagnostics.filter((d) => d.code === 'BC447');
    expect(blank.map((d) => [d.severity, d.sheet, d.cell])).toEqual([
      ['error', 'Dịch vụ công', cell],
      ['error', 'Mô hình', status],
    ]);
    expect(blank[0]!.message).toContain('tháng 9/2024 là "Đã kết nối"');
    expect(r.json.refused).toEqual([{ file: form, departments: ['so-tu-phap'] }]);
    expect(ws.read(`${MONTH}/so-tu-phap.yaml`)).toBe(file);
  });
});

describe('a form with several problems', () => {
  it('reports an unreadable count and a cross-check of another row in one run', async () => {
    ws = await opened();
    tmp = new TempDir();
    let bad = '';
    let online = '';
    const form = tmp.write(
      'so-tu-phap.xlsx',
      await edit(formOf('so-tu-phap'), (wb) => {
        fill(wb, 'Dịch vụ công', [
          ['service:qd06-09', 'total', 100],
          ['service:qd06-09', 'online', 120],
          ['service:qd06-10', 'total', '12,5'],
        ]);
        const s = wb.getWorksheet('Dịch vụ công')!;
        bad = formCell(s, 'service:qd06-10', 'total');
        online = formCell(s, 'service:qd06-09', 'online');
      }),
    );
    expect([bad, online]).toEqual(['H8', 'J7']);
    const file = ws.read(`${MONTH}/so-tu-phap.yaml`);
    const r = await runImport([form]);
    expect(r.code).toBe(1);
    const errors = r.json.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.sheet, d.cell])).toEqual(expect.arrayContaining([['Dịch vụ công', 'H8'], ['Dịch vụ công', 'J7']]));
    expect(errors.find((d) => d.cell === 'J7')!.message).toContain('lớn hơn tổng số hồ sơ');
    expect(ws.read(`${MONTH}/so-tu-phap.yaml`)).toBe(file);
  });
});

describe('a batch of forms', () => {
  it('writes the clean ones, refuses the bad one (its file unchanged), and exits 1', async () => {
    ws = await opened();
    tmp = new TempDir();
    const good1 = tmp.write('so-tu-phap.xlsx', await edit(formOf('so-tu-phap'), (wb) => fill(wb, 'Dịch vụ công', SEPTEMBER_FIGURES)));
    const good2 = tmp.write('so-y-te.xlsx', formOf('so-y-te'));
    const bad = tmp.write('cong-an-tinh.xlsx', await edit(formOf('cong-an-tinh'), (wb) => fill(wb, 'Dịch vụ công', [['service:qd06-02', 'total', '12,5']])));
    const before = ws.read(`${MONTH}/cong-an-tinh.yaml`);
    const r = await runImport([good1, bad, good2]);
    expect(r.code).toBe(1);
    expect(r.json.written.map((w) => w.department).sort()).toEqual(['so-tu-phap', 'so-y-te']);
    expect(r.json.refused).toEqual([{ file: bad, departments: ['cong-an-tinh'] }]);
    expect(ws.read(`${MONTH}/cong-an-tinh.yaml`)).toBe(before);
    expect(ws.read(`${MONTH}/so-tu-phap.yaml`)).not.toContain('review:');
  });
});

describe('two legacy sheets feeding one department', () => {
  /** a sheet of a few Phụ lục I rows, with totals and online counts only */
  async function sheet(rows: (string | number)[][]): Promise<Uint8Array> {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('Sheet1');
    s.addRow(['STT', 'Tên dịch vụ công', 'Tổng số hồ sơ', 'Số hồ sơ trực tuyến']);
    for (const r of rows) s.addRow(r);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('stand or fall together: one bad refuses both (the other is told why), a form beside them is written', async () => {
    ws = await opened();
    tmp = new TempDir();
    const births = tmp.write('khai-sinh.xlsx', await sheet([['1', 'Đăng ký khai sinh', 5000, 4900]]));
    const deaths = tmp.write('khai-tu.xlsx', await sheet([['2', 'Đăng ký khai tử', '12,5', 10]]));
    const form = tmp.write('so-y-te.xlsx', formOf('so-y-te'));
    const before = ws.read(`${MONTH}/so-tu-phap.yaml`);
    const r = await runImport([births, deaths, form]);
    expect(r.code).toBe(1);
    expect(r.json.refused).toEqual([
      { file: births, departments: ['so-tu-phap'] },
      { file: deaths, departments: ['so-tu-phap'] },
    ]);
    expect(r.json.diagnostics.find((d) => d.code === 'BC448')).toMatchObject({ severity: 'error', file: births });
    expect(r.json.diagnostics.find((d) => d.code === 'BC448')!.message).toContain(deaths);
    expect(r.json.written.map((w) => w.department)).toEqual(['so-y-te']);
    expect(ws.read(`${MONTH}/so-tu-phap.yaml`)).toBe(before);
  });
});

describe('a legacy Phụ lục sheet imported into the second month', () => {
  it('writes its figures and leaves the texts and statuses it has no columns for, and the review line', async () => {
    ws = await opened();
    const before = yamlOf('so-tu-phap');
    const r = await runImport([LEGACY]);
    expect(r.code, JSON.stringify(r.json.diagnostics.filter((d) => d.severity === 'error'), null, 2)).toBe(0);
    const after = yamlOf('so-tu-phap');
    expect(after.services['qd06-09']).toMatchObject({ total: '4.681', online: '4.637' });
    expect(textsOf(after)).toEqual(textsOf(before));
    expect(after.review).toBe(before.review);
  });
});
