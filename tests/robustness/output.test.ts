import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZipDirectory } from '../../src/excel/zip.js';
import { ROOT, SAMPLE } from '../helpers/workspace.js';
import { byArea } from './cases.js';
import { caseById, cli, expectCase, sha256, treeHash } from './harness.js';

/**
 * Writing the report when the target cannot be written, and when the build dies half-way. Every case starts
 * from a previous report (the sample built with another SOURCE_DATE_EPOCH, so its bytes differ) in the out
 * folder; the build writes the sample's report of 2024-09 (.docx and .xlsx).
 *
 * Root ignores file permissions, and CI runs as root: a read-only folder is made with `chattr +i` (immutable,
 * which binds root too) when running as root, `chmod 555` otherwise. A full disk is simulated without mounting
 * anything: the build runs under `ulimit -f 8` (8 KB per file), so writing the report fails with EFBIG exactly as
 * a full disk fails with ENOSPC: the same code path, one error code apart.
 */

const CASES = byArea('output');
const NAMES = ['bao-cao-de-an-06-2024-09.docx', 'phu-luc-de-an-06-2024-09.xlsx'];
const OLD_EPOCH = '1700000000';
const NEW_EPOCH = '1730000000';
const TEMP = /^(?:bao-cao|phu-luc)-de-an-06-2024-09\.(?:docx|xlsx)\.\d+$/;

let dir: string;
let oldReport: string;
const newHash: Record<string, string> = {};
const oldHash: Record<string, string> = {};
let fullBuildMs = 0;

function build(out: string, epoch: string, extra: { fileSizeLimitKb?: number } = {}) {
  return cli(['build', '--data', SAMPLE, '--month', '2024-09', '--out', out, '--json'], { ...extra, env: { SOURCE_DATE_EPOCH: epoch } });
}

/** A fresh out folder holding the previous report. */
function withPreviousReport(name: string): string {
  const out = join(dir, name);
  mkdirSync(out, { recursive: true });
  for (const n of NAMES) copyFileSync(join(oldReport, n), join(out, n));
  return out;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'baocao-out-'));
  oldReport = join(dir, 'old');
  const a = build(oldReport, OLD_EPOCH);
  expect(a.code, a.stdout + a.stderr).toBe(0);
  const fresh = join(dir, 'new');
  const b = build(fresh, NEW_EPOCH);
  expect(b.code, b.stdout + b.stderr).toBe(0);
  fullBuildMs = b.ms;
  for (const n of NAMES) {
    oldHash[n] = sha256(readFileSync(join(oldReport, n)));
    newHash[n] = sha256(readFileSync(join(fresh, n)));
    expect(newHash[n], `${n}: the two builds should differ`).not.toBe(oldHash[n]);
  }
}, 120_000);

afterAll(() => {
  spawnSync('chattr', ['-R', '-i', dir]);
  rmSync(dir, { recursive: true, force: true });
});

describe('output: the previous report survives every failure', () => {
  it('has a test for every case of the table', () => {
    expect(CASES.map((c) => c.id).sort()).toEqual(['out.disk-full', 'out.killed', 'out.locked', 'out.out-is-file', 'out.parent-is-file', 'out.read-only']);
  });

  it('out.locked', () => {
    const out = withPreviousReport('locked');
    writeFileSync(join(out, '~$o-cao-de-an-06-2024-09.docx'), 'owner');
    const before = treeHash(out);
    expectCase(caseById(CASES, 'out.locked'), build(out, NEW_EPOCH));
    expect(treeHash(out)).toEqual(before);
  });

  it('out.read-only', (ctx) => {
    const out = withPreviousReport('read-only');
    const before = treeHash(out);
    const root = process.getuid?.() === 0;
    if (root) {
      const r = spawnSync('chattr', ['+i', out]);
      if (r.status !== 0) ctx.skip(`chattr +i is not available here (${r.stderr?.toString().trim()}): root cannot make a read-only folder without it`);
    } else chmodSync(out, 0o555);
    try {
      const r = build(out, NEW_EPOCH);
      expectCase(caseById(CASES, 'out.read-only'), r);
      expect(r.json().diagnostics[0]!.message).toMatch(/không được phép ghi|chỉ cho phép đọc|không có quyền ghi/);
    } finally {
      if (root) spawnSync('chattr', ['-i', out]);
      else chmodSync(out, 0o755);
    }
    expect(treeHash(out)).toEqual(before);
  });

  it('out.parent-is-file', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
    expectCase(caseById(CASES, 'out.parent-is-file'), build(join(file, 'out'), NEW_EPOCH));
    expect(readFileSync(file, 'utf8')).toBe('not a folder');
  });

  it('out.out-is-file', () => {
    const file = join(dir, 'out-file');
    writeFileSync(file, 'not a folder');
    expectCase(caseById(CASES, 'out.out-is-file'), build(file, NEW_EPOCH));
    expect(readFileSync(file, 'utf8')).toBe('not a folder');
  });

  it('out.disk-full', () => {
    const out = withPreviousReport('disk-full');
    const before = treeHash(out);
    const r = build(out, NEW_EPOCH, { fileSizeLimitKb: 8 });
    expectCase(caseById(CASES, 'out.disk-full'), r);
    expect(treeHash(out), 'the previous report changed, or a temporary file was left').toEqual(before);
  });

  it('out.killed', async () => {
    const c = caseById(CASES, 'out.killed');
    const started = performance.now();
    const out = withPreviousReport('killed');
    const seen = new Set<string>();
    // seven moments spread over a build's duration, and one the instant a temporary file appears
    const moments: (number | 'writing')[] = [0.2, 0.4, 0.6, 0.75, 0.85, 0.95, 1.05].map((f) => Math.round(f * fullBuildMs));
    moments.splice(3, 0, 'writing');
    for (const moment of moments) {
      for (const n of NAMES) copyFileSync(join(oldReport, n), join(out, n));
      await killedBuild(out, moment);
      const names = readdirSync(out);
      for (const n of NAMES) {
        const h = sha256(readFileSync(join(out, n)));
        expect([oldHash[n], newHash[n]], `${n} after a kill at ${moment}: neither the previous nor the new report`).toContain(h);
        if (h === newHash[n]) seen.add(`${n} new`);
        else seen.add(`${n} old`);
        expect(readZipDirectory(readFileSync(join(out, n))).entries.length).toBeGreaterThan(3);
      }
      for (const n of names) expect(NAMES.includes(n) || TEMP.test(n), `unexpected file ${n}`).toBe(true);
      if (names.some((n) => TEMP.test(n))) seen.add(`temporary after ${moment}`);
    }
    expect(seen.has(`${NAMES[0]} old`), 'no kill came before the report was written').toBe(true);
    // the next build completes and leaves nothing else behind, not even a temporary file of an older run
    writeFileSync(join(out, `${NAMES[1]}.1234567`), 'PK\u0003\u0004 (the first bytes of a report being written)');
    utimesSync(join(out, `${NAMES[1]}.1234567`), new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    const r = build(out, NEW_EPOCH);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([...NAMES].sort());
    for (const n of NAMES) expect(sha256(readFileSync(join(out, n)))).toBe(newHash[n]);
    expect(performance.now() - started).toBeLessThan(c.boundMs!);
  }, 120_000);
});

/** Runs a build and SIGKILLs it after `moment` ms, or as soon as a temporary file appears in `out`. */
function killedBuild(out: string, moment: number | 'writing'): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'baocao.js'), 'build', '--data', SAMPLE, '--month', '2024-09', '--out', out, '--json'], {
      cwd: ROOT,
      env: { ...process.env, SOURCE_DATE_EPOCH: NEW_EPOCH },
      stdio: 'ignore',
    });
    const kill = () => child.kill('SIGKILL');
    let timer: NodeJS.Timeout | undefined;
    let watcher: ReturnType<typeof watch> | undefined;
    if (moment === 'writing') {
      watcher = watch(out, (_event, name) => {
        if (name && TEMP.test(String(name))) kill();
      });
      timer = setTimeout(kill, 4 * fullBuildMs);
    } else timer = setTimeout(kill, moment);
    child.on('exit', () => {
      clearTimeout(timer);
      watcher?.close();
      resolve();
    });
  });
}

