import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run as forms } from '../../src/cli/commands/forms.js';
import { checkMonth } from '../../src/pipeline/month.js';
import { ROOT, SAMPLE, tempWorkspace, type TempWorkspace } from '../helpers/workspace.js';
import { edit, formBytes, formCell, TempDir } from './helpers.js';

/** A department's .xlsx placed directly in the month folder, and `forms --filled` from a month with problems. */

let ws: TempWorkspace | undefined;
let out: TempDir | undefined;
afterEach(() => {
  ws?.dispose();
  out?.dispose();
  ws = undefined;
  out = undefined;
});

describe('an .xlsx return in the month folder', () => {
  it('is checked like YAML: a cross-check names its sheet and cell', async () => {
    ws = tempWorkspace(SAMPLE);
    let cell = '';
    const bytes = await edit(await formBytes('so-tu-phap', true), (wb) => {
      const s = wb.getWorksheet('Dịch vụ công')!;
      cell = formCell(s, 'service:qd06-10', 'online');
      s.getCell(cell).value = 99999;
    });
    rmSync(join(ws.dir, '2024-09', 'so-tu-phap.yaml'));
    writeFileSync(join(ws.dir, '2024-09', 'so-tu-phap.xlsx'), bytes);
    const r = await checkMonth(ws.dir, 'data', '2024-09');
    expect(r.diagnostics.find((d) => d.code === 'BC210')).toMatchObject({
      severity: 'error',
      file: join('data', '2024-09', 'so-tu-phap.xlsx'),
      sheet: 'Dịch vụ công',
      cell,
      path: ['services', 'qd06-10', 'online'],
    });
  });

  it('an .xlsx that is not a form is refused with advice', async () => {
    ws = tempWorkspace(SAMPLE);
    writeFileSync(join(ws.dir, '2024-09', 'phu-luc-1.xlsx'), readFileSync(join(ROOT, 'fixtures', 'excel', 'legacy-phu-luc-1.xlsx')));
    const r = await checkMonth(ws.dir, 'data', '2024-09');
    expect(r.diagnostics.find((d) => d.code === 'BC410')).toMatchObject({ file: join('data', '2024-09', 'phu-luc-1.xlsx'), message: expect.stringContaining('baocao import') });
  });
});

describe('forms --filled from a return with errors', () => {
  it('refuses (exit 1), names the problem, writes nothing', async () => {
    ws = tempWorkspace(SAMPLE);
    out = new TempDir();
    ws.replace('2024-09/so-tu-phap.yaml', /online: (4\.637|4637)/, 'online: 9.999');
    let stdout = '';
    const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
    const code = await forms({ data: ws.dir, month: '2024-09', department: 'so-tu-phap', filled: true, out: out.dir, json: true }).finally(() => o.mockRestore());
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as { outputs: unknown[]; diagnostics: { code: string; file?: string; line?: number }[] };
    expect(json.outputs).toEqual([]);
    expect(json.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['BC210', 'BC443']));
    expect(json.diagnostics.find((d) => d.code === 'BC210')?.line).toBeGreaterThan(0);
    expect(readdirSync(out.dir)).toEqual([]);
    expect(existsSync(join(out.dir, 'so-tu-phap.xlsx'))).toBe(false);
  });
});
