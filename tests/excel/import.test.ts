import type ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run as importFiles } from '../../src/cli/commands/import.js';
import { readYaml } from '../../src/readers/yaml.js';
import { BaocaoError } from '../../src/diagnostics/diagnostic.js';
import { ROOT, SAMPLE, tempWorkspace, type TempWorkspace } from '../helpers/workspace.js';
import { edit, formBytes, formCell, snapshot, TempDir } from './helpers.js';
import { loadWorkspace } from '../../src/workspace/load.js';

async function reload(dir: string) {
  return (await loadWorkspace(dir, 'data')).workspace!;
}
import { CONTENT_TYPES, makeZip, oleFile } from './zip-builder.js';

const LEGACY = resolve(ROOT, 'fixtures/excel/legacy-phu-luc-1.xlsx');
const MONTH = '2024-09';

let ws: TempWorkspace | undefined;
let tmp: TempDir | undefined;
afterEach(() => {
  ws?.dispose();
  tmp?.dispose();
  ws = undefined;
  tmp = undefined;
});

interface Out {
  code: number;
  json: { written: { department: string; path: string }[]; unchanged: { department: string; path: string }[]; diagnostics: { severity: string; code: string; file?: string; sheet?: string; cell?: string; message: string }[] };
  stderr: string;
}

async function runImport(files: string[], json = true, extra: Record<string, unknown> = {}): Promise<Out> {
  let stdout = '';
  let stderr = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  try {
    const code = await importFiles({ data: ws!.dir, month: MONTH, files, json, ...extra });
    return { code, json: json ? JSON.parse(stdout) : { written: [], unchanged: [], diagnostics: [] }, stderr: stderr + (json ? '' : stdout) };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

function valuesOf(rel: string): Record<string, unknown> {
  return readYaml(rel, readFileSync(join(ws!.dir, rel), 'utf8')).value as Record<string, unknown>;
}

describe('a legacy Phụ lục I sheet with the seed figures', () => {
  it('goes into the right services and departments, warning on the six rows whose printed rate is wrong', async () => {
    ws = tempWorkspace(SAMPLE);
    const before = readFileSync(join(ws.dir, MONTH, 'so-tu-phap.yaml'), 'utf8');
    // the seed month already holds these figures; blank two rows of a copy to see them come back
    ws.replace(`${MONTH}/so-tu-phap.yaml`, /  qd06-22:\n(    .*\n)+?(?=  qd422-11)/, '');
    ws.replace(`${MONTH}/cong-an-tinh.yaml`, /total: 229\.046/, 'total: 1');
    const r = await runImport([LEGACY]);
    expect(r.code, JSON.stringify(r.json.diagnostics, null, 2)).toBe(0);
    expect(r.json.written.map((w) => w.department).sort()).toEqual(['cong-an-tinh', 'so-tu-phap']);
    expect([...r.json.written, ...r.json.unchanged].map((w) => w.department).sort()).toEqual(
      ['bhxh-tinh', 'cong-an-tinh', 'cong-ty-dien-luc', 'cuc-thue', 'so-gddt', 'so-gtvt', 'so-ldtbxh', 'so-tnmt', 'so-tu-phap'].sort(),
    );
    const rate = r.json.diagnostics.filter((d) => d.code === 'BC433');
    expect(rate.map((d) => [d.sheet, d.cell])).toEqual([
      ['Phụ lục I', 'F15'], // 8. 88,3% for 88,28%
      ['Phụ lục I', 'F17'], // 10. 99,06% for 99,05%
      ['Phụ lục I', 'F18'], // 11. 99,06% for 98,99%
      ['Phụ lục I', 'F24'], // 17. 0,2% for 0,21%
      ['Phụ lục I', 'F25'], // 18. 99,59% for 99,6%
      ['Phụ lục I', 'F29'], // 22. 77,49% for 82,09%
    ]);
    expect(rate.every((d) => d.severity === 'warning')).toBe(true);
    // the file is what it was before the two rows were blanked: same figures, same layout
    expect(readFileSync(join(ws.dir, MONTH, 'so-tu-phap.yaml'), 'utf8')).toBe(before);
    const ca = valuesOf(`${MONTH}/cong-an-tinh.yaml`) as { services: Record<string, Record<string, string>> };
    expect(ca.services['qd06-02']).toMatchObject({ total: '229.046', online: '59.257' });
    expect(ca.services['qd06-14']).toMatchObject({ total: '0', online: '0', onTime: '0' });
  });

  it('says which rows match no service, naming the cell, and writes nothing', async () => {
    ws = tempWorkspace(SAMPLE);
    tmp = new TempDir();
    const bytes = await edit(new Uint8Array(readFileSync(LEGACY)), (wb) => {
      wb.getWorksheet('Phụ lục I')!.getCell('B12').value = 'Đăng ký tạm trú qua mạng xã hội';
    });
    const file = tmp.write('phu-luc-1.xlsx', bytes);
    const snap = snapshot(ws.dir);
    const r = await runImport([file]);
    expect(r.code).toBe(1);
    expect(r.json.written).toEqual([]);
    expect(r.json.diagnostics.find((d) => d.code === 'BC431')).toMatchObject({ severity: 'error', sheet: 'Phụ lục I', cell: 'B12' });
    expect(snapshot(ws.dir)).toEqual(snap);
  });
});

/** A workbook with a Phụ lục II sheet "PL II": its title and two header rows (merged as printed, when asked) */
async function phuLucII(merged: boolean) {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('PL II');
  s.addRow(['TÌNH HÌNH TRIỂN KHAI CÁC DỊCH VỤ CÔNG THEO QUYẾT ĐỊNH SỐ 422/QĐ-TTg']);
  s.addRow(['STT', 'Dịch vụ công trực tuyến', 'Kết nối với Cổng DVC quốc gia', 'Tổng số hồ sơ', '', '', 'Tình hình xử lý hồ sơ trực tuyến', '', 'Khó khăn, vướng mắc']);
  s.addRow(['', '', '', 'Tổng hồ sơ', 'Trực tuyến', 'Tỷ lệ', 'Đúng hạn', 'Quá hạn', '']);
  if (merged) for (const range of ['A2:A3', 'B2:B3', 'C2:C3', 'D2:F2', 'G2:H2', 'I2:I3']) s.mergeCells(range);
  return { wb, s };
}

describe('a legacy Phụ lục II sheet with sub-rows', () => {
  it('matches "- …" rows to the parts of the service above', async () => {
    ws = tempWorkspace(SAMPLE);
    tmp = new TempDir();
    const { wb, s } = await phuLucII(true);
    s.addRow(['I', 'NHÓM DỊCH VỤ CÔNG THIẾT YẾU CỦA CÁ NHÂN']);
    s.addRow(['5', 'Thăm viếng mộ liệt sĩ, cụ thể:', 'Đã kết nối']);
    s.addRow(['', '- Cấp giấy giới thiệu thăm viếng mộ liệt sĩ', '', 176, 33, '18,75%', 33]);
    s.addRow(['', '-  thực hiện chi hỗ trợ thăm viếng mộ liệt sĩ', '', 128, 7, '5,46%', 7]);
    const file = tmp.write('pl2.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    const r = await runImport([file]);
    expect(r.code, JSON.stringify(r.json.diagnostics, null, 2)).toBe(0);
    expect(r.json.diagnostics.filter((d) => d.code === 'BC433').map((d) => d.cell)).toEqual(['F7']); // 7/128 = 5,47%
    const y = valuesOf(`${MONTH}/so-ldtbxh.yaml`) as { services: Record<string, { connection?: string; parts?: Record<string, Record<string, string>> }> };
    expect(y.services['qd422-05']?.connection).toBe('Đã kết nối');
    // "07" is how the month's file already writes 7: a value that did not change keeps its spelling
    expect(y.services['qd422-05']?.parts).toMatchObject({ 'qd422-05-a': { total: '176', online: '33' }, 'qd422-05-b': { total: '128', online: expect.stringMatching(/^0?7$/) } });
  });
});

describe('problems in legacy rows are located at their cells', () => {
  it('names the cell of a figure that breaks a rule or cannot be read, in rows and sub-rows', async () => {
    ws = tempWorkspace(SAMPLE);
    tmp = new TempDir();
    const { wb, s } = await phuLucII(false);
    s.addRow(['5', 'Thăm viếng mộ liệt sĩ, cụ thể:', 'Đã kết nối']);
    // online (200) above total (176): a rule on the sub-row; "12,5" cannot be a count
    s.addRow(['', '- Cấp giấy giới thiệu thăm viếng mộ liệt sĩ', '', 176, 200, '', 33]);
    s.addRow(['', '-  thực hiện chi hỗ trợ thăm viếng mộ liệt sĩ', '', 128, '12,5', '', 7]);
    const file = tmp.write('pl2.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    const snap = snapshot(ws.dir);
    const r = await runImport([file]);
    expect(r.code).toBe(1);
    const at = (code: string) => r.json.diagnostics.filter((d) => d.code === code).map((d) => `${d.sheet} › ${d.cell}`);
    expect(at('BC120')).toEqual(['PL II › E6']);
    expect(snapshot(ws.dir)).toEqual(snap);
    // with the sub-row readable, the rule's finding names the online cell of the first sub-row
    s.getCell('E6').value = 7;
    const file2 = tmp.write('pl2b.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    const r2 = await runImport([file2]);
    expect(r2.code).toBe(1);
    expect(r2.json.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.sheet} › ${d.cell}`)).toEqual(['BC210 PL II › E5']);
    expect(snapshot(ws.dir)).toEqual(snap);
  });
  it('names the cells of service rows, in whichever sheet of the workbook they are', async () => {
    ws = tempWorkspace(SAMPLE);
    tmp = new TempDir();
    const { wb, s } = await phuLucII(false);
    s.addRow(['5', 'Thăm viếng mộ liệt sĩ, cụ thể:', 'Kết nối rồi']);
    const other = wb.addWorksheet('Khai sinh');
    other.addRow(['STT', 'Tên dịch vụ công', 'Tổng số hồ sơ', 'Số hồ sơ trực tuyến']);
    other.addRow(['1', 'Đăng ký khai sinh', '12,5', 20]);
    const errors = async (name: string) => {
      const r = await runImport([tmp!.write(name, new Uint8Array(await wb.xlsx.writeBuffer()))]);
      expect(r.code).toBe(1);
      return r.json.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.sheet} › ${d.cell}`).sort();
    };
    expect(await errors('a.xlsx')).toEqual(['BC120 Khai sinh › C2', 'BC123 PL II › C4']);
    // readable now: online above total breaks a rule, found in the return and located back in the sheet
    s.getCell('C4').value = 'Đã kết nối';
    other.getCell('C2').value = 10;
    expect(await errors('b.xlsx')).toEqual(['BC210 Khai sinh › D2']);
  });
});

describe('a legacy sheet with fewer columns', () => {
  it('changes only the fields it has columns for', async () => {
    ws = tempWorkspace(SAMPLE);
    tmp = new TempDir();
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('Sheet1');
    s.addRow(['STT', 'Tên dịch vụ công', 'Tổng số hồ sơ', 'Số hồ sơ trực tuyến']);
    s.addRow(['1', 'Đăng ký khai sinh', 5000, 4900]);
    const file = tmp.write('khai-sinh.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    const before = readFileSync(join(ws.dir, MONTH, 'so-tu-phap.yaml'), 'utf8');
    const r = await runImport([file]);
    expect(r.code, JSON.stringify(r.json.diagnostics)).toBe(0);
    const after = readFileSync(join(ws.dir, MONTH, 'so-tu-phap.yaml'), 'utf8');
    expect(after).toBe(before.replace('    total: 4.681\n    online: 4.637\n', '    total: 5.000\n    online: 4.900\n'));
  });
});

describe('bad workbooks: exit 1, file (and sheet, cell) named, no stack trace, nothing written', () => {
  const bad: [string, () => Promise<Uint8Array>, string, { sheet?: string; cell?: (wb: ExcelJS.Workbook) => string }?][] = [
    ['not a zip', async () => new TextEncoder().encode('hello'), 'BC401'],
    ['an .xls', async () => oleFile(), 'BC402'],
    ['an encrypted workbook', async () => oleFile(['EncryptionInfo', 'EncryptedPackage']), 'BC403'],
    ['a zip bomb', async () => makeZip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: 'xl/workbook.xml', data: new Uint8Array(20 * 1024 * 1024) }]), 'BC405'],
    ['a workbook that is neither form nor Phụ lục', async () => {
      const ExcelJS = (await import('exceljs')).default;
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('Sheet1').addRow(['Họ tên', 'Ngày sinh']);
      return new Uint8Array(await wb.xlsx.writeBuffer());
    }, 'BC410'],
    ['#DIV/0! in a form', async () => edit(await formBytes('so-tu-phap', true), (wb) => {
      const s = wb.getWorksheet('Dịch vụ công')!;
      s.getCell(formCell(s, 'service:qd06-22', 'online')).value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
    }), 'BC420', { sheet: 'Dịch vụ công' }],
    ['online > total in a form (a cross-check, located in the sheet)', async () => edit(await formBytes('so-tu-phap', true), (wb) => {
      const s = wb.getWorksheet('Dịch vụ công')!;
      s.getCell(formCell(s, 'service:qd06-22', 'online')).value = 5000;
    }), 'BC210', { sheet: 'Dịch vụ công' }],
    ['a form of another month', async () => formBytes('so-tu-phap', true, '2024-10'), 'BC412', { sheet: 'Hướng dẫn' }],
    ['"12,5" in a form', async () => edit(await formBytes('so-tu-phap', true), (wb) => {
      const s = wb.getWorksheet('Dịch vụ công')!;
      s.getCell(formCell(s, 'service:qd06-22', 'total')).value = '12,5';
    }), 'BC120', { sheet: 'Dịch vụ công' }],
    ['a formula with no saved result', async () => edit(await formBytes('so-tu-phap', true), (wb) => {
      const s = wb.getWorksheet('Dịch vụ công')!;
      s.getCell(formCell(s, 'service:qd06-22', 'total')).value = { formula: 'H8+1' } as ExcelJS.CellFormulaValue;
    }), 'BC421', { sheet: 'Dịch vụ công' }],
    ['merged figure cells', async () => edit(await formBytes('so-tu-phap', true), (wb) => {
      const s = wb.getWorksheet('Dịch vụ công')!;
      s.mergeCells(`${formCell(s, 'service:qd06-22', 'total')}:${formCell(s, 'service:qd06-22', 'online')}`);
    }), 'BC422', { sheet: 'Dịch vụ công' }],
    ['a date where a count belongs', async () => edit(await formBytes('so-tu-phap', true), (wb) => {
      const s = wb.getWorksheet('Dịch vụ công')!;
      const c = s.getCell(formCell(s, 'service:qd06-22', 'onTime'));
      c.value = new Date(Date.UTC(2024, 8, 15));
      c.style = { ...c.style, numFmt: 'dd/mm/yyyy' };
    }), 'BC423', { sheet: 'Dịch vụ công' }],
    ['a file over the size cap', async () => {
      const big = new Uint8Array(21 * 1024 * 1024);
      big.set([0x50, 0x4b, 0x03, 0x04]);
      return big;
    }, 'BC404'],
  ];
  it.each(bad)('%s', async (_name, bytes, code, where) => {
    ws = tempWorkspace(SAMPLE);
    tmp = new TempDir();
    const file = tmp.write('so-tu-phap.xlsx', await bytes());
    const snap = snapshot(ws.dir);
    const r = await runImport([file]);
    expect(r.code).toBe(1);
    const d = r.json.diagnostics.find((x) => x.code === code);
    expect(d, JSON.stringify(r.json.diagnostics, null, 2)).toMatchObject({ severity: 'error', file: expect.stringMatching(/so-tu-phap\.xlsx$/) });
    if (where?.sheet) {
      expect(d!.sheet).toBe(where.sheet);
      expect(d!.cell).toMatch(/^[A-Z]+\d+$/);
    }
    expect(r.json.written).toEqual([]);
    expect(snapshot(ws.dir)).toEqual(snap);
    const human = await runImport([file], false);
    expect(human.code).toBe(1);
    expect(human.stderr).toContain(`lỗi ${code}: `);
    expect(human.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
  });
});

describe('import edits an existing file in place', () => {
  it('changed figures only; comments, order and untouched values stay', async () => {
    ws = tempWorkspace(SAMPLE);
    tmp = new TempDir();
    ws.replace(`${MONTH}/so-tu-phap.yaml`, 'services:\n', 'services:\n  # Phụ lục I\n');
    ws.replace(`${MONTH}/so-tu-phap.yaml`, '  qd06-10:\n', '  qd06-10: # khai tử\n');
    const bytes = await edit(await formBytes('so-tu-phap', true), (wb) => {
      const s = wb.getWorksheet('Dịch vụ công')!;
      s.getCell(formCell(s, 'service:qd06-09', 'total')).value = 4700;
      s.getCell(formCell(s, 'service:qd06-09', 'difficulties')).value = 'Phần mềm bảo trì 2 ngày: "tạm dừng"';
    });
    const file = tmp.write('so-tu-phap.xlsx', bytes);
    const before = readFileSync(join(ws.dir, MONTH, 'so-tu-phap.yaml'), 'utf8');
    const r = await runImport([file]);
    expect(r.code, JSON.stringify(r.json.diagnostics)).toBe(0);
    const after = readFileSync(join(ws.dir, MONTH, 'so-tu-phap.yaml'), 'utf8');
    const expected = before.replace(
      '    total: 4.681\n    online: 4.637\n    onTime: 4.637\n',
      '    total: 4.700\n    online: 4.637\n    onTime: 4.637\n    difficulties: "Phần mềm bảo trì 2 ngày: \\"tạm dừng\\""\n',
    );
    // the yaml library moves a comment that follows a mapping's key ("qd06-10: # …") to the next line; it is kept
    expect(after.replace('  qd06-10:\n    # khai tử\n', '  qd06-10: # khai tử\n')).toBe(expected);
    expect(after).toContain('services:\n  # Phụ lục I\n  qd06-09:');
  });

  it('an import that changes nothing leaves the file byte for byte, even where the YAML library would reflow', async () => {
    ws = tempWorkspace(SAMPLE);
    tmp = new TempDir();
    ws.replace(`${MONTH}/so-tu-phap.yaml`, 'services:\n', 'services:   # các dòng Phụ lục I, II\n');
    ws.replace(`${MONTH}/so-tu-phap.yaml`, 'total: 4.681', 'total: 4681');
    const before = readFileSync(join(ws.dir, MONTH, 'so-tu-phap.yaml'), 'utf8');
    const file = tmp.write('so-tu-phap.xlsx', await formBytes('so-tu-phap', true, MONTH, await reload(ws.dir)));
    const r = await runImport([file]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(ws.dir, MONTH, 'so-tu-phap.yaml'), 'utf8')).toBe(before);
  });

  it('a file that does not exist is a usage error (exit 2)', async () => {
    ws = tempWorkspace(SAMPLE);
    await expect(runImport([join(ws.dir, 'khong-co.xlsx')])).rejects.toSatisfy((e) => e instanceof BaocaoError && e.exitCode === 2);
  });

  it('--dry-run writes nothing', async () => {
    ws = tempWorkspace(SAMPLE);
    ws.replace(`${MONTH}/cong-an-tinh.yaml`, /total: 229\.046/, 'total: 1');
    const snap = snapshot(ws.dir);
    const r = await runImport([LEGACY], true, { dryRun: true });
    expect(r.code).toBe(0);
    expect(r.json.written.length).toBeGreaterThan(0);
    expect(snapshot(ws.dir)).toEqual(snap);
  });
});
