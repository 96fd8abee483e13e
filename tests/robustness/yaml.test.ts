import { join } from 'node:path';
import { truncateSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempWorkspace, type TempWorkspace } from '../helpers/workspace.js';
import { byArea, type Case } from './cases.js';
import { cli, expectCase, treeHash, type BuildJson, type Run } from './harness.js';

/** At most 200 diagnostics of the code, and BC010 counting at least `more` others. */
const capped = (code: string, more: number) => (r: Run) => {
  const all = r.json<BuildJson>().diagnostics;
  expect(all.filter((d) => d.code === code).length).toBe(200);
  const n = Number(/và ([\d.]+) lỗi/.exec(all.find((d) => d.code === 'BC010')?.message ?? '')?.[1]?.replace(/\./g, ''));
  expect(n).toBeGreaterThanOrEqual(more);
};

/** The mini catalog's Phụ lục I grown to 3 MB, as a national catalog is, with one tab in a comment. */
function catalog3mb(): string {
  const rows = ['id: qd06', 'services:', '  # danh mục quốc gia\t(một ký tự Tab trong chú thích)', '  - { id: s1, stt: "1.", name: Đăng ký thường trú, owner: cong-an }', '  - { id: s2, stt: "2.", name: Đăng ký khai sinh, owner: so-y-te }'];
  let size = 0;
  for (let i = 3; size < 3_000_000; i++) {
    const entry = `  - id: qg-${i}\n    stt: "${i}."\n    name: Thủ tục hành chính số ${i} về đăng ký kinh doanh, cấp giấy phép\n    owner: cong-an`;
    rows.push(entry);
    size += entry.length + 1;
  }
  return rows.join('\n') + '\n';
}

/**
 * Hostile and broken YAML returns, through the real CLI on a copy of fixtures/mini: each file replaces
 * 2024-09/so-y-te.yaml. Errors are run with `build` (which must write nothing); accepted inputs with
 * `validate` and `model` (whose figures are checked).
 */

const FILE = '2024-09/so-y-te.yaml';
const HEAD = 'department: so-y-te\nmonth: 2024-09\n';
const ROW = (onTime: string) => `  s2: { connection: Đã kết nối, total: 4681, online: 4637, onTime: ${onTime} }\n`;
const VALID = `${HEAD}services:\n${ROW('4637')}`;

type Input = string | Buffer;
interface Setup {
  readonly input: () => Input;
  /** the file the input replaces (default 2024-09/so-y-te.yaml) */
  readonly file?: string;
  /** more checks on the run's JSON */
  readonly then?: (r: Run) => void;
  /** for accepted inputs: a check on `baocao model` */
  readonly model?: (model: ModelJson) => void;
}

interface ModelJson {
  qd06: { groups: { rows: { id: string; total: number | null; onTime: number | null }[] }[] };
  footnotes: { id: string }[];
}

const row = (m: ModelJson, id: string) => m.qd06.groups.flatMap((g) => g.rows).find((r) => r.id === id)!;

function nestedFlow(open: string, close: string, n: number): string {
  return `${HEAD}x: ${open.repeat(n)}${close.repeat(n)}\n`;
}

const SETUPS: Record<string, Setup> = {
  'yaml.syntax-token': { input: () => `${HEAD}services:\n  s2: { total: 1 } x\n` },
  'yaml.syntax-colon': { input: () => `department: so-y-te\nmonth 2024-09\nservices:\n` },
  'yaml.syntax-quote': { input: () => `${HEAD}services:\n  s2: "Đã kết nối\n` },
  'yaml.tab': { input: () => `${HEAD}services:\n\ts2: { total: 1 }\n` },
  'yaml.duplicate-key': { input: () => `${HEAD}month: 2024-09\n` },
  'yaml.duplicate-nested': { input: () => `${HEAD}services:\n  s2: { total: 1 }\n  s2: { total: 2 }\n` },
  'yaml.alias-bomb': {
    input: () => {
      let s = `${HEAD}a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n`;
      const names = 'abcdefghi';
      for (let i = 1; i < names.length; i++) s += `${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]\n`;
      return s;
    },
  },
  'yaml.deep-flow': { input: () => nestedFlow('[', ']', 10_000) },
  'yaml.deep-flow-map': { input: () => `${HEAD}x: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n` },
  'yaml.deep-block': { input: () => `${HEAD}x:\n  ${'- '.repeat(10_000)}a\n` },
  'yaml.deep-indent': {
    input: () => {
      let s = `${HEAD}x:\n`;
      for (let i = 1; i <= 1000; i++) s += `${' '.repeat(i)}k:\n`;
      return s;
    },
  },
  'yaml.deep-65': { input: () => nestedFlow('[', ']', 65) },
  'yaml.proto': { input: () => `${HEAD}__proto__: { polluted: "yes" }\n` },
  'yaml.proto-service': { input: () => `${HEAD}services:\n  __proto__: { total: 1 }\n${ROW('4637')}` },
  'yaml.proto-section': { input: () => `${HEAD}sections:\n  __proto__: [a]\n` },
  'yaml.constructor': { input: () => `${HEAD}constructor: x\n` },
  'yaml.constructor-service': { input: () => `${HEAD}services:\n  constructor: { total: 1 }\n` },
  'yaml.tag': { input: () => `department: so-y-te\nmonth: !!js/function "function () { process.exit(9) }"\n` },
  'yaml.directive-1.1': {
    input: () => `%YAML 1.1\n---\n${HEAD}services:\n  s2: { connection: Đã kết nối, total: 010, online: 8, onTime: 8 }\n`,
    model: (m) => expect(row(m, 's2').total).toBe(10),
  },
  'yaml.directive-bad': { input: () => `%YAML 2.0\n---\n${VALID}` },
  'yaml.multi-doc': { input: () => `${VALID}---\n${VALID}` },
  'yaml.empty': { input: () => '' },
  'yaml.comment-only': { input: () => '# chưa có số liệu\n' },
  'yaml.type-scalar': { input: () => `${HEAD}services: hello\n` },
  'yaml.type-list': { input: () => `${HEAD}services:\n  s2: [1, 2]\n` },
  'yaml.type-root': { input: () => '- department: so-y-te\n- month: 2024-09\n' },
  'yaml.number-dotted': {
    input: () => `${HEAD}services:\n  s2: { connection: Đã kết nối, total: "3.182", online: 4, onTime: 4 }\n`,
    model: (m) => expect(row(m, 's2').total).toBe(3182),
  },
  'yaml.number-comma': { input: () => `${HEAD}services:\n${ROW('"3,5"')}` },
  'yaml.number-comma-flow': { input: () => `${HEAD}services:\n${ROW('3,5')}` },
  'yaml.number-leading-zero': {
    input: () => `${HEAD}services:\n  s2: { connection: Đã kết nối, total: 08, online: 8, onTime: 8 }\n`,
    model: (m) => expect(row(m, 's2').total).toBe(8),
  },
  'yaml.number-exponent': { input: () => `${HEAD}services:\n${ROW('1e3')}` },
  'yaml.too-large': { input: () => Buffer.alloc(0) /* replaced by a sparse 6 MB file below */ },
  'yaml.too-many-nodes': { input: () => `${HEAD}x: [${'a,'.repeat(1_000_000)}a]\n` },
  'yaml.catalog-3mb-tab': { input: catalog3mb, file: 'catalog/services-qd06.yaml' },
  'yaml.many-errors': {
    input: () => `${VALID}footnotes:\n${Array.from({ length: 20_000 }, (_, i) => `  f${i}: { a: 1 }\n`).join('')}`,
    then: capped('BC110', 19_000),
  },
  'yaml.many-aliases': {
    input: () => `${HEAD}a: &x 1\nb:\n${Array.from({ length: 5_000 }, () => '  - *x\n').join('')}`,
    then: capped('BC103', 4_000),
  },
  'yaml.many-keys': {
    input: () => `${VALID}footnotes:\n${Array.from({ length: 10_000 }, (_, i) => `  f${i}: Chú thích ${i}.\n`).join('')}`,
    model: (m) => expect(m.footnotes.length).toBe(10_001),
  },
};

let ws: TempWorkspace | undefined;
afterEach(() => {
  ws?.dispose();
  ws = undefined;
});

function prepare(c: Case): TempWorkspace {
  const w = tempWorkspace();
  const setup = SETUPS[c.id]!;
  writeFileSync(join(w.dir, setup.file ?? FILE), setup.input());
  if (c.id === 'yaml.too-large') {
    writeFileSync(join(w.dir, FILE), VALID);
    truncateSync(join(w.dir, FILE), 6 * 1024 * 1024);
  }
  return w;
}

describe('YAML: every bad file gets a located error; nothing is written', () => {
  it('has a setup for every case of the table, and a case for every setup', () => {
    expect(Object.keys(SETUPS).sort()).toEqual(byArea('YAML').map((c) => c.id).sort());
  });

  it.each(byArea('YAML').map((c) => [c.id, c] as const))('%s', (_id, c) => {
    ws = prepare(c);
    const out = join(ws.dir, 'out');
    const before = treeHash(ws.dir);
    const setup = SETUPS[c.id]!;
    if (c.exit === 0) {
      const r = cli(['validate', '--data', ws.dir, '--month', '2024-09', '--json']);
      expectCase(c, r);
      const m = cli(['model', '--data', ws.dir, '--month', '2024-09']);
      expect(m.code, m.stderr).toBe(0);
      setup.model?.(JSON.parse(m.stdout) as ModelJson);
    } else {
      const r = cli(['build', '--data', ws.dir, '--month', '2024-09', '--out', out, '--json']);
      expectCase(c, r);
      expect(r.json().outputs ?? []).toEqual([]);
      setup.then?.(r);
    }
    expect(treeHash(ws.dir), 'the workspace changed').toEqual(before);
  });
});

describe('the bounds before parsing leave real files alone', () => {
  it('every YAML file of data/ and fixtures/ passes the pre-scan of the full reader', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { ROOT } = await import('../helpers/workspace.js');
    const { readYamlFull } = await import('../../src/readers/yaml-full.js');
    const files: string[] = [];
    const walk = (d: string) => {
      for (const n of readdirSync(d)) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.ya?ml$/.test(n)) files.push(p);
      }
    };
    walk(join(ROOT, 'data'));
    walk(join(ROOT, 'fixtures'));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const r = readYamlFull(f, readFileSync(f, 'utf8'));
      expect(r.diagnostics, f).toEqual([]);
    }
  });
});
