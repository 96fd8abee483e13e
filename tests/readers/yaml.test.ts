import { describe, expect, it } from 'vitest';
import { readYaml } from '../../src/readers/yaml.js';

describe('readYaml', () => {
  it('keeps every scalar a string, so "3.182" is never 3.182', () => {
    const r = readYaml('a.yaml', 'total: 3.182\nonline: 3182603\nflag: yes\nempty:\n');
    expect(r.diagnostics).toEqual([]);
    expect({ ...(r.value as object) }).toEqual({ total: '3.182', online: '3182603', flag: 'yes', empty: '' });
  });

  it('locates values and keys by line and column', () => {
    const src = 'department: so-y-te\nservices:\n  qd06-09:\n    total: 12,5\n';
    const r = readYaml('a.yaml', src);
    expect(r.map.locate(['services', 'qd06-09', 'total'])).toEqual({ line: 4, column: 12 });
    expect(r.map.locateKey(['services', 'qd06-09'])).toEqual({ line: 3, column: 3 });
    // a path that does not exist falls back to its nearest ancestor
    expect(r.map.locate(['services', 'qd06-09', 'online'])).toEqual({ line: 4, column: 5 });
  });

  it.each([
    ['duplicate keys', 'a: 1\nb: 2\na: 3\n', 'BC102', 3],
    ['aliases', 'a: &x 1\nb: *x\n', 'BC103', 2],
    ['several documents', 'a: 1\n---\nb: 2\n', 'BC104', 2],
    ['an empty file', '', 'BC105', 1],
    ['a comment-only file', '# nothing\n', 'BC105', 1],
    ['tab indentation', 'a:\n\tb: 1\n', 'BC106', 2],
    ['an unclosed quote (reported where the parser stops)', 'a: "abc\nb: 2\n', 'BC101', 3],
  ])('refuses %s with a located diagnostic', (_case, src, code, line) => {
    const r = readYaml('x.yaml', src);
    expect(r.value).toBeUndefined();
    expect(r.diagnostics[0]).toMatchObject({ severity: 'error', code, file: 'x.yaml', line });
    expect(r.diagnostics[0]!.message).toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);
  });

  it('reads __proto__ and constructor as plain keys without touching prototypes', () => {
    const r = readYaml('p.yaml', '__proto__:\n  polluted: yes\nconstructor: x\n');
    const v = r.value as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('strips a byte-order mark', () => {
    const r = readYaml('b.yaml', '\ufeffa: 1\n');
    expect({ ...(r.value as object) }).toEqual({ a: '1' });
  });

  it('refuses nesting deeper than 64 levels', () => {
    const src = Array.from({ length: 80 }, (_, i) => ' '.repeat(i * 2) + 'k:').join('\n') + ' 1\n';
    const r = readYaml('d.yaml', src);
    expect(r.diagnostics[0]).toMatchObject({ code: 'BC107' });
  });
});
