import { readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run as forms } from '../../src/cli/commands/forms.js';
import { run as importFiles } from '../../src/cli/commands/import.js';
import { run as model } from '../../src/cli/commands/model.js';
import { SAMPLE, tempWorkspace, type TempWorkspace } from '../helpers/workspace.js';
import { TempDir } from './helpers.js';

/**
 * The criterion: for every department, `forms --filled` then `import` into a copy of the workspace
 * leaves `baocao model --month 2024-09` identical. The department files themselves come back byte for byte.
 */

let ws: TempWorkspace | undefined;
let out: TempDir | undefined;
afterEach(() => {
  ws?.dispose();
  out?.dispose();
  ws = undefined;
  out = undefined;
  vi.restoreAllMocks();
});

/** runs a command, returns its exit code and what it printed on stdout */
async function capture(fn: () => Promise<number>): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  try {
    const code = await fn();
    return { code, stdout, stderr };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const MONTH = '2024-09';

describe('forms --filled, then import: nothing changes', () => {
  it('leaves `baocao model` identical and every department file unchanged', async () => {
    ws = tempWorkspace(SAMPLE);
    out = new TempDir();
    const monthDir = join(ws.dir, MONTH);
    const before = await capture(() => model({ data: ws!.dir, month: MONTH }));
    expect(before.code, before.stderr).toBe(0);
    const yamlBefore = Object.fromEntries(readdirSync(monthDir).map((n) => [n, readFileSync(join(monthDir, n), 'utf8')]));

    const f = await capture(() => forms({ data: ws!.dir, month: MONTH, filled: true, out: out!.dir, json: true }));
    expect(f.code, f.stdout + f.stderr).toBe(0);
    const made = JSON.parse(f.stdout) as { outputs: { department: string; path: string }[]; diagnostics: { severity: string }[] };
    expect(made.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const files = made.outputs.map((o) => o.path);
    // every department that reports something gets a form
    expect(made.outputs.map((o) => o.department)).toEqual(expect.arrayContaining(Object.keys(yamlBefore).map((n) => n.replace(/\.yaml$/, ''))));

    const i = await capture(() => importFiles({ data: ws!.dir, month: MONTH, files, json: true }));
    expect(i.code, i.stdout + i.stderr).toBe(0);
    const imported = JSON.parse(i.stdout) as { written: { department: string; path: string }[]; diagnostics: { severity: string; code: string }[] };
    expect(imported.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);

    const after = await capture(() => model({ data: ws!.dir, month: MONTH }));
    expect(after.code, after.stderr).toBe(0);
    expect(JSON.parse(after.stdout)).toEqual(JSON.parse(before.stdout));
    for (const [name, text] of Object.entries(yamlBefore)) expect(readFileSync(join(monthDir, name), 'utf8'), name).toBe(text);
  });

  it('the same model when the month folder holds the forms themselves instead of YAML', async () => {
    ws = tempWorkspace(SAMPLE);
    out = new TempDir();
    const monthDir = join(ws.dir, MONTH);
    const before = JSON.parse((await capture(() => model({ data: ws!.dir, month: MONTH }))).stdout) as { departments: { file: string | null }[] };
    const f = await capture(() => forms({ data: ws!.dir, month: MONTH, filled: true, out: out!.dir, json: true }));
    expect(f.code).toBe(0);
    const made = JSON.parse(f.stdout) as { outputs: { department: string; path: string }[] };
    for (const n of readdirSync(monthDir)) {
      const dept = n.replace(/\.yaml$/, '');
      const form = made.outputs.find((o) => o.department === dept);
      rmSync(join(monthDir, n));
      if (form) renameSync(form.path, join(monthDir, `${dept}.xlsx`));
    }
    const after = await capture(() => model({ data: ws!.dir, month: MONTH }));
    expect(after.code, after.stderr).toBe(0);
    const got = JSON.parse(after.stdout) as typeof before;
    const noFiles = (m: typeof before) => ({ ...m, departments: m.departments.map((d) => ({ ...d, file: d.file?.replace(/\.(yaml|xlsx)$/, '') ?? null })) });
    expect(noFiles(got)).toEqual(noFiles(before));
  });
});
