import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SAMPLE, tempWorkspace } from '../helpers/workspace.js';

/**
 * bin/baocao.js starts the bundles with a V8 code cache (src/boot/boot.ts). The cache must only ever make things
 * faster: a copy of the built program is run with no cache, a good one, a damaged one and the cache turned off.
 */

let pkg = '';
let cacheDir = '';
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(pkg, 'bin', 'baocao.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
const files = () => (existsSync(cacheDir) ? readdirSync(cacheDir).sort() : []);

beforeAll(() => {
  pkg = mkdtempSync(join(tmpdir(), 'baocao-boot-'));
  for (const p of ['package.json', 'bin', 'templates']) cpSync(join(ROOT, p), join(pkg, p), { recursive: true });
  cpSync(join(ROOT, 'dist'), join(pkg, 'dist'), { recursive: true, filter: (src) => !src.includes('.cache') });
  cacheDir = join(pkg, 'dist', '.cache');
});
afterAll(() => rmSync(pkg, { recursive: true, force: true }));

describe('the V8 code cache', () => {
  it('is written on the first run of a command and used, unchanged, on the next', () => {
    const first = run(['--help']);
    expect(first.status).toBe(0);
    const written = files();
    expect(written.some((f) => /^cli-main-cjs\.[0-9a-f]{16}\.none\.v\d+\.\d+\.\d+-\w+\.bin$/.test(f))).toBe(true);
    const stamp = statSync(join(cacheDir, written[0]!)).mtimeMs;
    const second = run(['--help']);
    expect(second.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(statSync(join(cacheDir, written[0]!)).mtimeMs).toBe(stamp);
  });

  it('keeps one file per command, and caches a library only for the commands that load it', () => {
    const r = run(['validate', '--month', '2024-09', '--json']);
    expect(r.status).toBe(0);
    expect(files().filter((f) => f.startsWith('cli-main') && f.includes('.validate.'))).toHaveLength(1);
    // validate runs the report's templates (to find the values they cite and the month lacks): Handlebars only
    expect(files().filter((f) => f.startsWith('vendor-')).map((f) => f.slice(0, f.indexOf('.')))).toEqual(['vendor-handlebars-cjs']);
  });

  it('is ignored when damaged, and rewritten', () => {
    const name = files().find((f) => f.startsWith('cli-main') && f.includes('.validate.'))!;
    const good = readFileSync(join(cacheDir, name));
    const expected = run(['validate', '--month', '2024-09', '--json']).stdout;
    for (const bad of [good.subarray(0, 100), Buffer.concat([good.subarray(0, 2000), Buffer.from('xx'), good.subarray(2002)]), Buffer.alloc(0)]) {
      writeFileSync(join(cacheDir, name), bad);
      const r = run(['validate', '--month', '2024-09', '--json']);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(expected);
      expect(readFileSync(join(cacheDir, name)).length).toBeGreaterThan(1000);
    }
  });

  it('replaces the caches of another build of the same bundle', () => {
    const stale = 'cli-main-cjs.0000000000000000.import.v0.0.0-x64.bin';
    writeFileSync(join(cacheDir, stale), 'old');
    for (const f of files().filter((f) => f.includes('.import.'))) if (f !== stale) rmSync(join(cacheDir, f));
    expect(run(['import', 'fixtures/excel/legacy-phu-luc-1.xlsx', '--month', '2024-09', '--dry-run']).status).toBe(0);
    expect(files()).not.toContain(stale);
    expect(files().some((f) => f.startsWith('cli-main-cjs.') && f.includes('.import.'))).toBe(true);
    // .xlsx files are read without exceljs: only writing one (forms) loads it
    expect(files().some((f) => f.startsWith('vendor-exceljs-cjs.'))).toBe(false);
    const out = mkdtempSync(join(tmpdir(), 'baocao-boot-forms-'));
    try {
      expect(run(['forms', '--month', '2024-09', '--department', 'so-tu-phap', '--out', out]).status).toBe(0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    expect(files().some((f) => f.startsWith('vendor-exceljs-cjs.') && f.includes('.forms.'))).toBe(true);
  });

  it('is neither read nor written with BAOCAO_V8_CACHE=0', () => {
    rmSync(cacheDir, { recursive: true, force: true });
    const r = run(['validate', '--month', '2024-09'], { BAOCAO_V8_CACHE: '0' });
    expect(r.status).toBe(0);
    expect(files()).toEqual([]);
  });
});

describe('the data cache', () => {
  it('keeps a large catalog file once validated, uses it on the next run, and is off with BAOCAO_DATA_CACHE=0', () => {
    const ws = tempWorkspace(SAMPLE);
    try {
      const lines = [ws.read('catalog/services-qd06.yaml').trimEnd()];
      for (let i = 1; lines.length < 12_000; i++) lines.push(`  - id: them-${i}`, `    stt: "${25 + i}."`, `    name: Dịch vụ thêm số ${i}`, '    owner: so-tu-phap');
      ws.write('catalog/services-qd06.yaml', lines.join('\n') + '\n');
      const args = ['validate', '--month', '2024-09', '--json', '--data', ws.dir];
      rmSync(cacheDir, { recursive: true, force: true });
      const off = run(args, { BAOCAO_DATA_CACHE: '0' });
      expect(off.status).toBe(0);
      expect(files().filter((f) => f.startsWith('data-'))).toEqual([]);
      const first = run(args);
      // the file's value, and the verdict of the checks across the catalog's files
      expect(files().filter((f) => f.startsWith('data-'))).toEqual([
        expect.stringMatching(/^data-catalog-check\.[0-9a-f]{16}-[0-9a-f]{32}\.bin$/),
        expect.stringMatching(/^data-catalog-qd06\.[0-9a-f]{16}-[0-9a-f]{32}\.bin$/),
      ]);
      const entries = files().filter((f) => f.startsWith('data-catalog-qd06.'));
      const stamp = statSync(join(cacheDir, entries[0]!)).mtimeMs;
      const second = run(args);
      expect(statSync(join(cacheDir, entries[0]!)).mtimeMs).toBe(stamp);
      expect(first.stdout).toBe(off.stdout);
      expect(second.stdout).toBe(off.stdout);
      // a damaged entry is read the long way, then written again
      writeFileSync(join(cacheDir, entries[0]!), readFileSync(join(cacheDir, entries[0]!)).subarray(0, 5000));
      expect(run(args).stdout).toBe(off.stdout);
      expect(statSync(join(cacheDir, entries[0]!)).size).toBeGreaterThan(5000);
      // an edited file is a new entry, which replaces the old one
      ws.replace('catalog/services-qd06.yaml', 'Dịch vụ thêm số 7\n', 'Dịch vụ thêm số bảy\n');
      expect(run(args).status).toBe(0);
      const now = files().filter((f) => f.startsWith('data-catalog-qd06.'));
      expect(now).toHaveLength(1);
      expect(now[0]).not.toBe(entries[0]);
      expect(files().filter((f) => f.startsWith('data-catalog-check.'))).toHaveLength(1);
    } finally {
      ws.dispose();
    }
  });
});

