import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baocao } from '../helpers/cli.js';
import { SAMPLE, tempWorkspace } from '../helpers/workspace.js';

/** A clerk imports the October forms of three departments at once; one of them has a count written "12,5". */
const ws = tempWorkspace(SAMPLE);
afterAll(() => ws.dispose());

const MONTH = '2024-10';
const form = (d: string) => join(ws.dir, MONTH, 'bieu-mau', `${d}.xlsx`);

/** the form's cell of a row key (hidden column A) and a field key (hidden row 1) set to `value`, saved as `out` */
async function edited(d: string, sheet: string, rowKey: string, field: string, value: ExcelJS.CellValue, out: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(form(d));
  const s = wb.getWorksheet(sheet)!;
  let row = 0;
  let col = 0;
  s.eachRow((r, n) => {
    if (String(r.getCell(1).value ?? '') === rowKey && !row) row = n;
  });
  s.getRow(1).eachCell((c, n) => {
    if (String(c.value ?? '') === field) col = n;
  });
  s.getCell(row, col).value = value;
  await wb.xlsx.writeFile(out);
  return out;
}

describe('baocao import of a batch with one bad form', () => {
  it('writes the two clean forms, refuses the bad one (its file unchanged), lists both and exits 1', async () => {
    expect(baocao(['open', '--data', ws.dir, '--month', MONTH]).code).toBe(0);
    const good = await edited('so-tu-phap', 'Dịch vụ công', 'service:qd06-09', 'total', 4700, join(ws.dir, 'so-tu-phap.xlsx'));
    const bad = await edited('cong-an-tinh', 'Dịch vụ công', 'service:qd06-02', 'total', '12,5', join(ws.dir, 'cong-an-tinh.xlsx'));
    const before = ws.read(`${MONTH}/cong-an-tinh.yaml`);
    const r = baocao(['import', good, bad, form('so-y-te'), '--data', ws.dir, '--month', MONTH]);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/cong-an-tinh\.xlsx › Dịch vụ công › H\d+: lỗi BC120/);
    expect(r.stdout).toContain('Đã ghi 2 tệp tháng 2024-10');
    expect(r.stdout).toContain('Không nhập 1 tệp có lỗi');
    expect(r.stdout).toMatch(/✗ .*cong-an-tinh\.xlsx \(cong-an-tinh\)/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(ws.read(`${MONTH}/cong-an-tinh.yaml`)).toBe(before);
    expect(ws.read(`${MONTH}/so-tu-phap.yaml`)).toContain('total: 4.700');
    expect(ws.read(`${MONTH}/so-y-te.yaml`)).not.toContain('review:');
  });

  it('--json lists the files written and the files refused', async () => {
    const bad = join(ws.dir, 'cong-an-tinh.xlsx');
    const r = baocao(['import', bad, form('so-gtvt'), '--data', ws.dir, '--month', MONTH, '--json']);
    expect(r.code).toBe(1);
    const out = r.json<{ written: { department: string }[]; refused: { file: string; departments: string[] }[]; diagnostics: { code: string }[] }>();
    expect(out.written.map((w) => w.department)).toEqual(['so-gtvt']);
    expect(out.refused).toEqual([{ file: expect.stringContaining('cong-an-tinh.xlsx'), departments: ['cong-an-tinh'] }]);
    expect(out.diagnostics.some((d) => d.code === 'BC120')).toBe(true);
  });
});
