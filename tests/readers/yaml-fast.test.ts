import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readYamlFast } from '../../src/readers/yaml-fast.js';
import { readYamlFull } from '../../src/readers/yaml-full.js';
import type { Path, YamlReadResult } from '../../src/readers/yaml-types.js';

/** The fast reader must give exactly what the full reader gives, or hand the file over (null). */

function plainCopy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(plainCopy);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plainCopy(x)]));
  return v;
}

function paths(v: unknown, at: Path = []): Path[] {
  const out: Path[] = [at, [...at, 'không-có']];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}

function sameAsFull(source: string): 'fast' | 'handed over' {
  const fast = readYamlFast('f.yaml', source);
  if (fast === null) return 'handed over';
  const full = readYamlFull('f.yaml', source);
  expect(full.diagnostics, source).toEqual([]);
  expect(fast.diagnostics).toEqual([]);
  expect(plainCopy(fast.value), source).toEqual(plainCopy(full.value));
  expect(Object.getPrototypeOf(fast.value as object)).toBe(Object.getPrototypeOf(full.value as object));
  for (const p of paths(full.value)) {
    expect([p, fast.map.locate(p)], source).toEqual([p, full.map.locate(p)]);
    expect([p, 'key', fast.map.locateKey(p)], source).toEqual([p, 'key', full.map.locateKey(p)]);
  }
  return 'fast';
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return yamlFiles(p);
    return n.endsWith('.yaml') ? [p] : [];
  });
}

describe('readYamlFast', () => {
  it.each([...yamlFiles('data'), ...yamlFiles('fixtures')])('reads %s itself, as the full reader does', (file) => {
    const text = readFileSync(file, 'utf8');
    expect(sameAsFull(text)).toBe('fast');
    expect(sameAsFull(text.replace(/\n/g, '\r\n'))).toBe('fast');
  });

  it.each([
    ['plain scalars', 'a: 1\nb: 3.182.603\nc: yes\nd: ~\ne: null\nf: -5\ng: C#, x [y] {z}\nh:   spaced   # comment\n'],
    ['empty values', 'a:\nb:   \nc: # note\nd: 1\ne:'],
    ['nested maps and comments', '# head\nk:\n  # inside\n  s: 1\n\n  t:\n    u: v\nw: x\n'],
    ['sequences', 'x:\n  - a\n  -\n  - \n  - b: 1\n    c: 2\n  - d\n'],
    ['a sequence at the keys\' indent', 'x:\n- a\n- b\ny: 1\n'],
    ['quoted scalars', `a: "x \\"q\\" \\\\ \\u1EA1 \\t"\nb: 'it''s'\nc: "- Việc: số"   # c\nd: ""\ne: ''\n`],
    ['block scalars', 'a: |-\n  one\n    two\n\n  three\nb: |\n  x\n\n\nc: >-\n  folded\n  line\n\n  para\nd: >\n  f\ne: |-\nf: 1\n'],
    ['block scalars in sequences', 's:\n  - |-\n    - a\n    - b\n  - >-\n    c\n'],
    ['flow maps', 'a: { value: 3.182.009 }\nb: {}\nc: { x: , y: "q, r", z: \'s\' }\nd: {a: 1,}\n'],
    ['colons in flow maps', 'a: { k: a:b, l: 12:30 }\ne: { k: "x:", y: \'z: w\' }\n'],
    ['keys', '__proto__:\n  polluted: yes\nconstructor: x\n'],
    ['a scalar under its key', 'a:\n  value\nb: 1\n'],
    ['unicode', 'tên: Đã kết nối — “ngoặc” 😀\n'],
    ['an indented root', '  a: 1\n  b: 2\n'],
    ['a comment after a block scalar', 'a: |\n    text\n  # comment\nb: 1\n'],
  ])('%s', (_name, source) => {
    expect(sameAsFull(source)).toBe('fast');
  });

  it.each([
    ['tabs', 'a:\n\tb: 1\n'],
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['several documents', 'a: 1\n---\nb: 2\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['an unclosed quote', 'a: "abc\nb: 2\n'],
    ['an empty file', ''],
    ['a comment-only file', '# nothing\n'],
    ['stray indentation', 'a: 1\n  b: 2\n'],
    ['a nested mapping on one line', 'a: b: c\n'],
    ['tags', 'a: !!str 1\n'],
    ['flow sequences', 'a: [1, 2]\n'],
    ['a compact nested sequence', 'x:\n  - - nested\n'],
    ['a quoted key', '"quoted": 1\n'],
    ['a plain scalar ending in ":" inside a flow map', 'b: { k: x:, y: 1 }\nc: { k: x:}\nd: { k: x: }\n'],
  ])('hands over %s', (_name, source) => {
    expect(readYamlFast('f.yaml', source)).toBeNull();
  });

  it.each([
    ['a compact nested sequence', 'x:\n  - - nested\n', { x: [['nested']] }],
    ['a quoted key', '"quoted": 1\n', { quoted: '1' }],
  ])('what it hands over, the full reader reads: %s', (_name, source, value) => {
    const full = readYamlFull('f.yaml', source);
    expect(full.diagnostics).toEqual([]);
    expect(plainCopy(full.value)).toEqual(value);
  });

  it('a 3 MB catalog with a tab in a comment: handed over, and the full reader reads it as the fast one reads it without the tab', () => {
    const entries = Array.from({ length: 26_000 }, (_, i) => `  - id: qg-${i}\n    stt: "${i}."\n    name: Thủ tục hành chính số ${i} về đăng ký kinh doanh, cấp giấy phép\n    owner: so-khdt\n`);
    const text = (comment: string) => `id: qg\nservices:\n  # ${comment}\n${entries.join('')}`;
    expect(text('x').length).toBeGreaterThan(3_000_000);
    expect(readYamlFast('c.yaml', text('danh mục\tquốc gia'))).toBeNull();
    const full = readYamlFull('c.yaml', text('danh mục\tquốc gia'));
    expect(full.diagnostics).toEqual([]);
    expect(plainCopy(full.value)).toEqual(plainCopy(readYamlFast('c.yaml', text('danh mục quốc gia'))!.value));
  }, 60_000);

  it('agrees with the full reader on generated files', () => {
    const word = fc.constantFrom('a', 'id', 'qd06-09', 'Đã kết nối', 'x y', '3.182', '-5', 'C#', 'a:b', 'a #c', '"q"', "'s'", 'yes', '~', '', ' ', '[x]', '{y}', '- z', '?q', ':p', '%', 'á:', '#');
    const key = fc.constantFrom('a', 'b', 'qd06-09', 'total', 'tên', '__proto__', 'a b', '1');
    const scalar = fc.oneof(
      word,
      fc.tuple(word, word).map(([a, b]) => `${a} ${b}`),
      word.map((w) => `"${w.replace(/["\\]/g, '\\$&')}"`),
      word.map((w) => `'${w.replace(/'/g, "''")}'`),
      fc.tuple(word, word).map(([a, b]) => `{ ${a.replace(/[:,{}]/g, '')}: ${b}, k: ${a} }`),
      fc.tuple(fc.constantFrom('|', '|-', '>', '>-', '|+', '|2'), fc.array(fc.constantFrom('line', '  more', '', '- item', '# not a comment', 'x: y'), { maxLength: 4 })).map(
        ([h, ls]) => `${h}\n${ls.map((l) => (l === '' ? '' : `@@${l}`)).join('\n')}`,
      ),
      word.map((w) => `${w} # comment`),
    );
    type Doc = { kind: 'map'; entries: [string, Doc | string][] } | { kind: 'seq'; items: (Doc | string)[] };
    const doc: fc.Arbitrary<Doc> = fc.letrec<{ node: Doc }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.record({ kind: fc.constant('map' as const), entries: fc.array(fc.tuple(key, fc.oneof(scalar, tie('node'))), { maxLength: 4 }) }),
        fc.record({ kind: fc.constant('seq' as const), items: fc.array(fc.oneof(scalar, tie('node')), { maxLength: 3 }) }),
      ),
    })).node;
    // the first line carries no indentation (it follows "key: " or "- "), the others are indented for `indent`
    const render = (d: Doc | string, indent: number): string[] => {
      const pad = ' '.repeat(indent);
      if (typeof d === 'string') return d.split('\n').map((l, i) => (i === 0 || l === '' ? l : pad + l.replace(/^@@/, '')));
      if (d.kind === 'map') {
        if (d.entries.length === 0) return ['{}'];
        return d.entries.flatMap(([k, v], i) => {
          const body = render(v, indent + 2);
          const head = `${i === 0 ? '' : pad}${k}:`;
          return typeof v === 'string' ? [`${head} ${body[0]}`, ...body.slice(1)] : [head, `${pad}  ${body[0]}`, ...body.slice(1)];
        });
      }
      if (d.items.length === 0) return ['{}'];
      return d.items.flatMap((v, i) => {
        const body = render(v, indent + 2);
        return [`${i === 0 ? '' : pad}- ${body[0]}`, ...body.slice(1)];
      });
    };
    let fast = 0;
    fc.assert(
      fc.property(doc, fc.boolean(), fc.constantFrom('', '# top\n', '\n\n'), (d, crlf, head) => {
        const text = head + render(d, 0).join('\n') + '\n';
        const source = crlf ? text.replace(/\n/g, '\r\n') : text;
        if (sameAsFull(source) === 'fast') fast++;
      }),
      { numRuns: 600, seed: 6 },
    );
    expect(fast).toBeGreaterThan(100);
  });
});
