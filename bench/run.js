#!/usr/bin/env node
// npm run bench: the performance benchmark of issue #7 (docs/performance.md).
//
// Every figure is a median over several runs of the built CLI as a process (one warm-up first, which also writes
// the V8 code cache a user's second run has), and every budget is a ratio to figures measured in the same run:
// `node -e 0` is run right before each measured run, and a command's ratio is the median of the ratios of each run
// to the bare start just before it (the machine may be busy: a pair shares its moment). Wall time is measured here; peak memory (maximum resident set size) by GNU time, or,
// where there is none, by a launcher that reports the process's own `process.resourceUsage().maxRSS`.
//
// Writes bench/results-node<major>.json and the results table of docs/performance.md for the Node that runs it
// (one table per major: the budgets must hold on Node 20 and on Node 24); exits 1 when a budget is missed.
// BENCH_RUNS=n changes the number of runs (default 7; the 100× build and the import take fewer).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import * as nodeModule from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { legacyWorkspace, scaledWorkspace } from './generate.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TMP = join(ROOT, 'bench', 'tmp');
const BIN = join(ROOT, 'bin', 'baocao.js');
const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 7));
const SEED = 6;
const MONTH = '2024-09';
const LEGACY_ROWS = 50_000;

const GNU_TIME = (() => {
  const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', '/dev/null', process.execPath, '-e', '0']);
  return r.status === 0 ? '/usr/bin/time' : null;
})();

const log = (s) => process.stderr.write(s + '\n');

/** One run of `node args…`: wall seconds and peak RSS in MB. */
function once(args, { env = {}, cwd = ROOT } = {}) {
  const rssFile = join(tmpdir(), `baocao-bench-${process.pid}.rss`);
  rmSync(rssFile, { force: true });
  const cmd = GNU_TIME ? GNU_TIME : process.execPath;
  const argv = GNU_TIME ? ['-f', '%M', '-o', rssFile, process.execPath, ...args] : [join(ROOT, 'bench', 'launch.js'), rssFile, ...args];
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}:\n${r.stderr}${r.stdout}`);
  const kb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
  rmSync(rssFile, { force: true });
  return { wall, rss: kb / 1024, stdout: r.stdout, stderr: r.stderr };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const BARE = ['-e', '0'];
const results = { measures: {}, budgets: [] };

/**
 * A measure: `runs` rounds of [bare node start, the command], after one warm-up round. `prepare` runs before
 * every run of the command, untimed (a fresh copy of a workspace, say).
 */
function measure(id, label, args, { runs = RUNS, env, prepare } = {}) {
  const bare = [];
  const walls = [];
  const rss = [];
  for (let i = 0; i <= runs; i++) {
    prepare?.();
    const b = once(BARE);
    const r = once(args, { env });
    if (i === 0) continue; // warm-up: file cache, V8 code cache
    bare.push(b.wall);
    walls.push(r.wall);
    rss.push(r.rss);
  }
  const m = { label, command: `baocao ${args.slice(1).join(' ')}`.split(ROOT).join('').replace(/\s+/g, ' '), runs, wall: median(walls), rssMedian: median(rss), rssMax: Math.max(...rss), bare: median(bare), samples: walls, bareSamples: bare };
  m.ratio = median(walls.map((w, i) => w / bare[i]));
  results.measures[id] = m;
  log(`  ${label.padEnd(44)} ${m.wall.toFixed(3)} s  ${m.ratio.toFixed(2)}× node  ${m.rssMedian.toFixed(0)} MB`);
  return m;
}

function budget(id, what, value, limit, unit, pass) {
  results.budgets.push({ id, what, value, limit, unit, pass });
}

/** Which of the program's bundles a command reads (bench/trace-loads.cjs), and whether docx or exceljs are among them. */
function loads(args) {
  const r = spawnSync(process.execPath, ['--require', join(ROOT, 'bench', 'trace-loads.cjs'), BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  const line = r.stderr.split('\n').find((l) => l.startsWith('baocao-bench-loads '));
  return JSON.parse(line ? line.slice('baocao-bench-loads '.length) : '[]');
}

// ---------------------------------------------------------------- workloads

const MAJOR = process.versions.node.split('.')[0];
// src/boot/boot.ts: our V8 code cache; where Node has a compile cache of its own, it is measured beside ours
const NODE_COMPILE_CACHE = typeof nodeModule.enableCompileCache === 'function';
const CODE_CACHE = `our V8 code cache${NODE_COMPILE_CACHE ? " (Node's compile cache measured beside it)" : " (this Node has none of its own)"}`;
log(`baocao bench: node ${process.version}, code cache: ${CODE_CACHE}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB; ${RUNS} runs a measure; peak memory by ${GNU_TIME ? 'GNU time' : 'bench/launch.js'}`);
mkdirSync(TMP, { recursive: true });
const t0 = performance.now();
const ws = { 1: join(ROOT, 'data') };
const sizes = { 1: null };
for (const k of [10, 100]) {
  ws[k] = join(TMP, `ws-${k}`);
  sizes[k] = scaledWorkspace({ from: join(ROOT, 'data'), month: MONTH, to: ws[k], k, seed: SEED });
}
const legacyBase = join(TMP, 'ws-legacy');
const legacySheet = join(TMP, `legacy-${LEGACY_ROWS}.xlsx`);
const legacy = legacyWorkspace({ from: join(ROOT, 'data'), to: legacyBase, sheet: legacySheet, rows: LEGACY_ROWS, parts: 9, seed: SEED });
log(`workloads (seed ${SEED}) in ${((performance.now() - t0) / 1000).toFixed(1)} s: 10× ${sizes[10].files} returns, 100× ${sizes[100].files} returns (${(sizes[100].bytes / 1e6).toFixed(1)} MB), legacy sheet ${legacy.rows} rows`);
results.workloads = {
  seed: SEED,
  '1x': { data: 'data/', month: MONTH, returns: readdirSync(join(ROOT, 'data', MONTH)).length },
  '10x': { returns: sizes[10].files, bytes: sizes[10].bytes },
  '100x': { returns: sizes[100].files, bytes: sizes[100].bytes },
  legacy: { rows: legacy.rows, services: legacy.services, subRows: legacy.rows - legacy.services },
};

// ---------------------------------------------------------------- measures

const out = (name) => join(TMP, 'out', name);
log('measures:');
const help = measure('help', '--help', [BIN, '--help']);
const v1 = measure('validate-1x', 'validate, sample month (1×)', [BIN, 'validate', '--month', MONTH]);
const d1 = measure('build-docx-1x', 'build --format docx, 1×', [BIN, 'build', '--month', MONTH, '--format', 'docx', '--out', out('docx-1')]);
const x1 = measure('build-xlsx-1x', 'build --format xlsx, 1×', [BIN, 'build', '--month', MONTH, '--format', 'xlsx', '--out', out('xlsx-1')]);
const b1 = measure('build-1x', 'build (docx and xlsx), 1×', [BIN, 'build', '--month', MONTH, '--out', out('all-1')]);
const helpCold = measure('help-nocache', '--help, no code cache (first run)', [BIN, '--help'], { env: { BAOCAO_V8_CACHE: '0' } });
const v1Cold = measure('validate-1x-nocache', 'validate 1×, no code cache (first run)', [BIN, 'validate', '--month', MONTH], { env: { BAOCAO_V8_CACHE: '0' } });
const b1Cold = measure('build-1x-nocache', 'build 1×, no code cache (first run)', [BIN, 'build', '--month', MONTH, '--out', out('all-1c')], { env: { BAOCAO_V8_CACHE: '0' } });
if (NODE_COMPILE_CACHE) {
  const node = { env: { BAOCAO_V8_CACHE: 'node' } };
  measure('help-nodecache', "--help, Node's compile cache instead of ours", [BIN, '--help'], node);
  measure('validate-1x-nodecache', "validate 1×, Node's compile cache instead of ours", [BIN, 'validate', '--month', MONTH], node);
  measure('build-1x-nodecache', "build 1×, Node's compile cache instead of ours", [BIN, 'build', '--month', MONTH, '--out', out('all-1n')], node);
}
const v10 = measure('validate-10x', 'validate, 10×', [BIN, 'validate', '--data', ws[10], '--month', MONTH]);
const b10 = measure('build-10x', 'build (docx and xlsx), 10×', [BIN, 'build', '--data', ws[10], '--month', MONTH, '--out', out('all-10')], { runs: Math.min(RUNS, 5) });
const v100 = measure('validate-100x', 'validate, 100×', [BIN, 'validate', '--data', ws[100], '--month', MONTH], { runs: Math.min(RUNS, 5) });
const b100 = measure('build-100x', 'build (docx and xlsx), 100×', [BIN, 'build', '--data', ws[100], '--month', MONTH, '--out', out('all-100')], { runs: 3 });
const legacyRun = join(TMP, 'ws-legacy-run');
// each run imports into a fresh copy of the workspace, which has no month folder yet
const freshLegacyRun = () => {
  rmSync(legacyRun, { recursive: true, force: true });
  cpSync(legacyBase, legacyRun, { recursive: true });
};
const importArgs = [BIN, 'import', legacySheet, '--data', legacyRun, '--month', MONTH];
const imp = measure('import-legacy', `import, Phụ lục I sheet of ${legacy.rows} rows`, importArgs, { runs: Math.min(RUNS, 5), prepare: freshLegacyRun });
// the same import with the data cache off: the catalog's 3 MB of YAML read and checked again, as on a first run
const impCold = measure('import-legacy-nocache', `import, ${legacy.rows} rows, no data cache (first run)`, importArgs, { runs: 3, env: { BAOCAO_DATA_CACHE: '0' }, prepare: freshLegacyRun });
const rowsPerSecond = legacy.rows / imp.wall;
log(`  import: ${Math.round(rowsPerSecond).toLocaleString('en')} rows/s, peak ${imp.rssMax.toFixed(0)} MB`);

log('what each command loads:');
const loaded = { help: loads(['--help']), validate: loads(['validate', '--month', MONTH]), build: loads(['build', '--month', MONTH, '--out', out('trace')]) };
for (const [k, v] of Object.entries(loaded)) log(`  ${k}: ${v.join(', ') || '(nothing)'}`);
results.loads = loaded;
const heavy = (list) => list.filter((f) => /docx|exceljs/.test(f));

// ---------------------------------------------------------------- budgets

budget('validate', '`validate` of the sample ≤ 2.5× bare node start', v1.ratio, 2.5, '×', v1.ratio <= 2.5);
budget('build-docx', '`build --format docx` of the sample ≤ 5× bare node start', d1.ratio, 5, '×', d1.ratio <= 5);
budget('build-all', '`build` of the sample, every output (docx, xlsx) ≤ 8× bare node start', b1.ratio, 8, '×', b1.ratio <= 8);
// both sides are far above the bare start: a ratio of medians
const scale = b100.wall / b1.wall;
budget('build-100x', '`build` at 100× ≤ 25× `build` at 1×', scale, 25, '×', scale <= 25);
budget('import-rate', `\`import\` of a ${legacy.rows}-row legacy sheet ≥ 50,000 rows/s`, rowsPerSecond, 50_000, 'rows/s', rowsPerSecond >= 50_000);
budget('import-memory', '`import` peak memory ≤ 300 MB', imp.rssMax, 300, 'MB', imp.rssMax <= 300);
budget('help', '`--help` ≤ 2× bare node start', help.ratio, 2, '×', help.ratio <= 2);
const lazy = heavy(loaded.help).length === 0 && heavy(loaded.validate).length === 0;
budget('lazy', 'docx and exceljs never load for `--help` or YAML `validate`', lazy ? 1 : 0, 1, '', lazy);
results.scale = { build100over1: scale, validate100over1: v100.wall / v1.wall, validate10over1: v10.wall / v1.wall, build10over1: b10.wall / b1.wall };
results.coldStart = { help: helpCold.ratio, validate: v1Cold.ratio, build: b1Cold.ratio, importRowsPerSecondWithoutDataCache: legacy.rows / impCold.wall };

results.unit = { command: 'node -e 0', wall: median(Object.values(results.measures).flatMap((m) => m.bareSamples)) };
results.environment = { node: process.version, codeCache: CODE_CACHE, platform: `${process.platform} ${process.arch}`, cpus: cpus().length, cpu: cpus()[0]?.model ?? '', memoryGB: Math.round(totalmem() / 2 ** 30), peakMemoryBy: GNU_TIME ? 'GNU time' : 'process.resourceUsage().maxRSS', runs: RUNS };
results.date = new Date().toISOString();
results.seconds = Math.round((performance.now() - t0) / 1000);

writeFileSync(join(ROOT, 'bench', `results-node${MAJOR}.json`), JSON.stringify(results, null, 2) + '\n');
writeTable();

log(`budgets (node ${process.version}):`);
for (const b of results.budgets) log(`  ${b.pass ? 'ok  ' : 'MISS'} ${b.what}: ${fmt(b.value, b.unit)}`);
const missed = results.budgets.filter((b) => !b.pass);
log(`${missed.length ? `${missed.length} budget(s) missed` : 'every budget met'} on node ${process.version}`);
process.exitCode = missed.length ? 1 : 0;

function fmt(v, unit) {
  if (unit === 'rows/s') return `${Math.round(v).toLocaleString('en')} rows/s`;
  if (unit === 'MB') return `${v.toFixed(0)} MB`;
  if (unit === '×') return `${v.toFixed(2)}×`;
  return v ? 'yes' : 'no';
}

/** The results table of docs/performance.md for this Node's major, between its two markers (added after the last table if missing). */
function writeTable() {
  const doc = join(ROOT, 'docs', 'performance.md');
  if (!existsSync(doc)) return;
  const m = results.measures;
  const row = (x) => `| ${x.label} | \`${x.command}\` | ${x.wall.toFixed(3)} s | ${x.ratio.toFixed(2)}× | ${x.rssMedian.toFixed(0)} MB | ${x.runs} |`;
  const lines = [
    `Run of ${results.date.slice(0, 10)}: **Node ${results.environment.node}**, code cache: ${CODE_CACHE}; ${results.environment.platform}, ${results.environment.cpus} × ${results.environment.cpu}, ${results.environment.memoryGB} GB; bare start \`node -e 0\` ${results.unit.wall.toFixed(3)} s (median of every bare run); ${results.seconds} s in all.`,
    '',
    '| budget | measured | limit | |',
    '|---|---|---|---|',
    ...results.budgets.map((b) => `| ${b.what} | ${fmt(b.value, b.unit)} | ${b.unit === '' ? '' : fmt(b.limit, b.unit)} | ${b.pass ? 'met' : '**missed**'} |`),
    '',
    '| measure | command | median wall | ÷ bare start (median of pairs) | peak memory (median) | runs |',
    '|---|---|---|---|---|---|',
    ...Object.values(m).map(row),
    '',
    `Import: ${legacy.rows.toLocaleString('en')} rows (${legacy.services.toLocaleString('en')} services, ${(legacy.rows - legacy.services).toLocaleString('en')} sub-rows) in ${m['import-legacy'].wall.toFixed(2)} s = ${Math.round(rowsPerSecond).toLocaleString('en')} rows/s, peak memory ${m['import-legacy'].rssMax.toFixed(0)} MB (highest run); with the data cache off (a first run) ${m['import-legacy-nocache'].wall.toFixed(2)} s = ${Math.round(legacy.rows / m['import-legacy-nocache'].wall).toLocaleString('en')} rows/s.`,
    `Scaling: validate 10× ${results.scale.validate10over1.toFixed(1)}×, 100× ${results.scale.validate100over1.toFixed(1)}× the 1× time; build 10× ${results.scale.build10over1.toFixed(1)}×, 100× ${results.scale.build100over1.toFixed(1)}×.`,
    `Bundles read: \`--help\` ${loaded.help.join(', ')}; \`validate\` ${loaded.validate.join(', ')}; \`build\` ${loaded.build.join(', ')}.`,
  ];
  let text = readFileSync(doc, 'utf8');
  const begin = `<!-- bench:begin node${MAJOR} -->`;
  const end = `<!-- bench:end node${MAJOR} -->`;
  if (!text.includes(begin)) {
    const last = text.lastIndexOf('<!-- bench:end');
    if (last < 0) return;
    const at = text.indexOf('-->', last) + 3;
    text = `${text.slice(0, at)}\n\n${begin}\n${end}${text.slice(at)}`;
  }
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  if (b < a) return;
  writeFileSync(doc, text.slice(0, a + begin.length) + '\n' + lines.join('\n') + '\n' + text.slice(b));
}
