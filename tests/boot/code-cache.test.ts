import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodeModule from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SAMPLE, tempWorkspace } from '../helpers/workspace.js';

/**
 * bin/baocao.js starts the bundles with a V8 code cache (src/boot/boot.ts). The cache must only ever make things
 * faster: a copy of the built program is run with no cache, a good one, a damaged one and the cache turned off.
 * BAOCAO_V8_CACHE=node uses Node's own compile cache instead, where Node has one (22.1 and later): CI runs the suite
 * on Node 20, 22 and 24, so both sides of that are tested there.
 */

const nodeHasCompileCache = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';

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

if (nodeHasCompileCache) describeNodeCompileCache();
else {
  describe('BAOCAO_V8_CACHE=node on a Node without a compile cache of its own', () => {
    it('runs the command without a code cache', () => {
      rmSync(cacheDir, { recursive: true, force: true });
      const expected = run(['validate', '--month', '2024-09', '--json'], { BAOCAO_V8_CACHE: '0' });
      const r = run(['validate', '--month', '2024-09', '--json'], { BAOCAO_V8_CACHE: 'node' });
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(expected.stdout);
      expect(files()).toEqual([]);
    });
  });
}

describeOurCodeCache();

/** Node 22.1 and later, with BAOCAO_V8_CACHE=node: dist/.cache/node/<Node's own folder for this version>/ */
function describeNodeCompileCache(): void {
  const nodeDir = () => join(cacheDir, 'node');
  const entries = () => (existsSync(nodeDir()) ? readdirSync(nodeDir()).flatMap((v) => readdirSync(join(nodeDir(), v)).map((f) => join(v, f))).sort() : []);
  const node = { BAOCAO_V8_CACHE: 'node' };
  const debug = { ...node, NODE_DEBUG_NATIVE: 'COMPILE_CACHE' };

  describe(`Node's compile cache with BAOCAO_V8_CACHE=node (Node ${process.version})`, () => {
    it('is written on the first run of a command and used, unchanged, on the next', () => {
      rmSync(cacheDir, { recursive: true, force: true });
      const first = run(['--help'], node);
      expect(first.status).toBe(0);
      const written = entries();
      expect(written.length).toBeGreaterThan(0);
      const stamps = written.map((f) => statSync(join(nodeDir(), f)).mtimeMs);
      const second = run(['--help'], debug);
      expect(second.status).toBe(0);
      expect(second.stdout).toBe(first.stdout);
      expect(second.stderr).toMatch(/cli[\\/]main\.cjs was accepted/);
      expect(entries()).toEqual(written);
      expect(written.map((f) => statSync(join(nodeDir(), f)).mtimeMs)).toEqual(stamps);
      // ours is not written where Node keeps one
      expect(files()).toEqual(['node']);
    });

    it('caches a library when a command first loads it', () => {
      const before = entries().length;
      const out = mkdtempSync(join(tmpdir(), 'baocao-boot-build-'));
      try {
        expect(run(['build', '--month', '2024-09', '--format', 'docx', '--out', out], node).status).toBe(0);
        expect(entries().length).toBeGreaterThan(before);
        const again = run(['build', '--month', '2024-09', '--format', 'docx', '--out', out], debug);
        expect(again.status).toBe(0);
        expect(again.stderr).toMatch(/vendor[\\/]docx\.cjs was accepted/);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });

    it('is ignored when damaged, and rewritten', () => {
      const expected = run(['validate', '--month', '2024-09', '--json'], node).stdout;
      for (const f of entries()) {
        const good = readFileSync(join(nodeDir(), f));
        const bad = Buffer.from(good.subarray(0, good.length - 9));
        bad[bad.length >> 1]! ^= 0xff;
        writeFileSync(join(nodeDir(), f), bad);
      }
      const r = run(['validate', '--month', '2024-09', '--json'], debug);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(expected);
      expect(r.stderr).not.toMatch(/main\.cjs was accepted/);
      const again = run(['validate', '--month', '2024-09', '--json'], debug);
      expect(again.stdout).toBe(expected);
      expect(again.stderr).toMatch(/main\.cjs was accepted/);
    });

  });
}

function describeOurCodeCache(): void {
  describe('the V8 code cache', () => {
    it('is written on the first run of a command and used, unchanged, on the next', () => {
      rmSync(cacheDir, { recursive: true, force: true });
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
}

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

