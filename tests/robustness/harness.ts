import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from '../helpers/workspace.js';
import type { Case, Loc } from './cases.js';

/**
 * What every robustness case checks, in one place: the built CLI run as a process (bin/baocao.js → dist/),
 * its exit code, the diagnostic's code and location in the `--json` output, no stack trace on either stream,
 * the time it took, and that the workspace and the output folder are byte for byte as they were.
 */

export const DEFAULT_BOUND_MS = 5_000;

export interface Run {
  readonly code: number;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** wall-clock milliseconds around the spawn */
  readonly ms: number;
  /** the process's peak resident set size in MB, when the run was measured */
  readonly maxRssMb?: number;
  json<T = BuildJson>(): T;
}

export interface JsonDiagnostic {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly sheet?: string;
  readonly cell?: string;
  readonly path?: (string | number)[];
}

export interface BuildJson {
  readonly outputs?: { format: string; path: string }[];
  readonly diagnostics: JsonDiagnostic[];
}

/**
 * Runs `baocao …` from the repository root; `fileSizeLimitKb` runs it under `ulimit -f` (writes fail with EFBIG);
 * `measure` has the process report its peak memory as it exits (tests/robustness/max-rss.cjs, preloaded).
 */
export function cli(args: readonly string[], options: { fileSizeLimitKb?: number; env?: Record<string, string>; measure?: boolean } = {}): Run {
  const bin = join(ROOT, 'bin', 'baocao.js');
  const rssDir = options.measure ? mkdtempSync(join(tmpdir(), 'baocao-rss-')) : undefined;
  const rssFile = rssDir && join(rssDir, 'max-rss');
  const measured = rssFile
    ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${join(ROOT, 'tests', 'robustness', 'max-rss.cjs')}`.trim(), BAOCAO_TEST_RSS_FILE: rssFile }
    : {};
  const env = { ...process.env, BAOCAO_DEBUG: '', ...options.env, ...measured };
  const t = performance.now();
  const r =
    options.fileSizeLimitKb === undefined
      ? spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, encoding: 'utf8', env, timeout: 60_000, maxBuffer: 512 * 1024 * 1024 })
      : spawnSync('/bin/sh', ['-c', `ulimit -f ${options.fileSizeLimitKb} && exec "$0" "$@"`, process.execPath, bin, ...args], {
          cwd: ROOT,
          encoding: 'utf8',
          env,
          timeout: 60_000,
          maxBuffer: 512 * 1024 * 1024,
        });
  const ms = performance.now() - t;
  let maxRssMb: number | undefined;
  if (rssDir) {
    maxRssMb = existsSync(rssFile!) ? Number(readFileSync(rssFile!, 'utf8')) / 1024 : Number.POSITIVE_INFINITY;
    rmSync(rssDir, { recursive: true, force: true });
  }
  return {
    ...(maxRssMb === undefined ? {} : { maxRssMb }),
    code: r.status ?? -1,
    signal: r.signal,
    stdout: r.stdout,
    stderr: r.stderr,
    ms,
    json: <T>() => {
      try {
        return JSON.parse(r.stdout) as T;
      } catch {
        throw new Error(`stdout is not one JSON document:\n${r.stdout.slice(0, 2000)}\n--- stderr:\n${r.stderr.slice(0, 2000)}`);
      }
    },
  };
}

/** A JavaScript stack frame ("    at foo (file.js:1:2)") or Node's own crash banner. */
const STACK = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$|^Node\.js v\d|^(Type|Range|Reference|Syntax)?Error: |FATAL ERROR/m;

export function expectNoStackTrace(r: Run): void {
  expect(r.stdout, 'stdout holds a stack trace').not.toMatch(STACK);
  expect(r.stderr, 'stderr holds a stack trace').not.toMatch(STACK);
}

/** Every file under a folder → sha256 of its bytes (a missing folder is an empty map). */
export function treeHash(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = lstatSync(p);
      if (st.isDirectory()) walk(p);
      else out[relative(dir, p)] = st.isFile() ? createHash('sha256').update(readFileSync(p)).digest('hex') : `(${st.mode.toString(8)})`;
    }
  };
  walk(dir);
  return out;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The case's diagnostic in a run's JSON: the first one with the case's code. */
export function diagnosticOf(r: Run, code: string): JsonDiagnostic {
  const all = r.json<BuildJson>().diagnostics ?? [];
  const d = all.find((x) => x.code === code);
  expect(d, `no ${code} among ${JSON.stringify(all.map((x) => `${x.code} ${x.message}`), null, 1).slice(0, 3000)}`).toBeDefined();
  return d!;
}

/**
 * The common assertions of a case: exit code, the diagnostic's code and location, no stack trace, the time
 * bound. `resolve` turns a symbolic location (a form's row and field) into the cell the test edited.
 */
export function expectCase(c: Case, r: Run, resolve: (loc: Loc) => Partial<JsonDiagnostic> = plainLocation): JsonDiagnostic | undefined {
  expectNoStackTrace(r);
  expect(r.signal, `killed by ${r.signal}`).toBeNull();
  expect(r.code, `exit code; stdout: ${r.stdout.slice(0, 1500)} stderr: ${r.stderr.slice(0, 1500)}`).toBe(c.exit);
  expect(r.ms, `took ${Math.round(r.ms)} ms`).toBeLessThan(c.boundMs ?? DEFAULT_BOUND_MS);
  if (c.boundMb !== undefined) expect(r.maxRssMb, `peak memory ${Math.round(r.maxRssMb ?? 0)} MB`).toBeLessThan(c.boundMb);
  if (c.code === null) return undefined;
  const all = r.json<BuildJson>().diagnostics ?? [];
  const said = all.map((x) => JSON.stringify(x));
  expect(said.filter((x, i) => said.indexOf(x) !== i), 'a diagnostic printed twice').toEqual([]);
  const d = diagnosticOf(r, c.code);
  expect(d.severity).toBe(c.exit === 0 ? 'warning' : 'error');
  if (c.at) expect(d).toMatchObject(resolve(c.at));
  return d;
}

/** A location of the table as the JSON diagnostic shows it (file by its last path segment). */
export function plainLocation(loc: Loc): Partial<JsonDiagnostic> {
  const out: Record<string, unknown> = {};
  if (loc.file !== undefined) out.file = expect.stringMatching(new RegExp(`(^|/)${escapeRegExp(loc.file)}$`));
  if (loc.line !== undefined) out.line = loc.line;
  if (loc.column !== undefined) out.column = loc.column;
  if (loc.sheet !== undefined) out.sheet = loc.sheet;
  if (loc.cell !== undefined) out.cell = loc.cell;
  return out;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Looks up a case of the table; a test for an id the table lacks fails. */
export function caseById(cases: readonly Case[], id: string): Case {
  const c = cases.find((x) => x.id === id);
  if (!c) throw new Error(`case "${id}" is not in tests/robustness/cases.ts`);
  return c;
}
