import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { CATALOG_FILES, loadYamlFile } from '../../src/workspace/load.js';
import { SAMPLE } from '../helpers/workspace.js';

/** Every key a catalog file may have is one the program reads: any other is refused, at its line (BC111). */

const dir = mkdtempSync(join(tmpdir(), 'baocao-catalog-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
async function read(which: keyof typeof CATALOG_FILES, text: string) {
  const [, schema] = CATALOG_FILES[which];
  const file = join(dir, `${which}-${++n}.yaml`);
  writeFileSync(file, text);
  const r = await loadYamlFile(file, `catalog/${which}.yaml`, schema as z.ZodType);
  return r.diagnostics.map((d) => ({ code: d.code, line: d.line, message: d.message }));
}

const bundled = (which: keyof typeof CATALOG_FILES) => readFileSync(join(SAMPLE, CATALOG_FILES[which][0]), 'utf8');

/** the bundled file with `extra` inserted after the first line that starts with `after` (same indentation) */
function withKey(which: keyof typeof CATALOG_FILES, after: RegExp, extra: string): { text: string; line: number } {
  const lines = bundled(which).split('\n');
  const i = lines.findIndex((l) => after.test(l));
  if (i < 0) throw new Error(`${String(after)} not in ${which}`);
  const indent = /^(\s*)(- )?/.exec(lines[i]!)!;
  const pad = (indent[1] ?? '') + (indent[2] ? '  ' : '');
  lines.splice(i + 1, 0, pad + extra);
  return { text: lines.join('\n'), line: i + 2 };
}

describe('catalogs: no key is silently ignored', () => {
  it('reads the bundled catalogs without a problem', async () => {
    for (const which of Object.keys(CATALOG_FILES) as (keyof typeof CATALOG_FILES)[]) expect(await read(which, bundled(which))).toEqual([]);
  });

  it('refuses "nationalTotal" in the QĐ 06 catalog, where it has no meaning, and keeps it in QĐ 422', async () => {
    const { text, line } = withKey('qd06', /^id: qd06/, 'nationalTotal: 25');
    expect(await read('qd06', text)).toEqual([{ code: 'BC111', line, message: expect.stringContaining('"nationalTotal"') }]);
    expect(bundled('qd422')).toContain('nationalTotal: 28');
  });

  it('refuses a short name of a department, which nothing prints', async () => {
    const { text, line } = withKey('departments', /^\s+name: /, 'short: Sở TT&TT');
    expect(await read('departments', text)).toEqual([{ code: 'BC111', line, message: expect.stringContaining('"short"') }]);
  });

  it.each([
    ['departments', /^# /, 'version: 2'],
    ['qd06', /^\s+- id: qd06-01/, 'unit: hồ sơ'],
    ['qd422', /^\s+- id: I$/, 'note: x'],
    ['qd422', /^\s+- id: qd422-05-a/, 'owner: so-y-te'],
    ['models', /^\s+- id: mh-/, 'budget: 0'],
    ['indicators', /^\s+- id: /, 'format: số'],
    ['sections', /^\s+- id: /, 'order: 1'],
  ] as const)('%s: refuses an unknown key at its line (%s)', async (which, after, extra) => {
    const { text, line } = withKey(which, after, extra);
    const key = extra.slice(0, extra.indexOf(':'));
    expect(await read(which, text)).toEqual([{ code: 'BC111', line, message: expect.stringContaining(`"${key}"`) }]);
  });
});
