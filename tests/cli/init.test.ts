import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baocao } from '../helpers/cli.js';
import { ROOT } from '../helpers/workspace.js';

interface Found {
  readonly severity: string;
  readonly code: string;
  readonly file: string;
  readonly line?: number;
  readonly message: string;
}

const base = mkdtempSync(join(tmpdir(), 'baocao-init-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

let n = 0;
function fresh(): string {
  const dir = join(base, `tinh-${++n}`);
  const r = baocao(['init', dir, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return dir;
}

/** 1-based line of the line that starts with `key` */
function lineOfKey(text: string, key: string): number {
  const i = text.split('\n').findIndex((l) => l.startsWith(key));
  if (i < 0) throw new Error(`${key} not found`);
  return i + 1;
}

/** The fields the province must fill, as report.yaml of a new workspace writes them */
const TO_FILL: readonly [string, string][] = [
  ['province: ""', 'province: Hòa Bình'],
  ['governingBody: ""', 'governingBody: UBND TỈNH HÒA BÌNH'],
  ['issuingBody: ""', 'issuingBody: TỔ CÔNG TÁC ĐỀ ÁN 06'],
  ['symbol: ""', 'symbol: BC-UBND'],
  ['place: ""', 'place: Hòa Bình'],
  ['issuerName: ""', 'issuerName: Tổ công tác Đề án 06 tỉnh Hòa Bình'],
  ['secretariat: ""', 'secretariat: van-phong-ubnd'],
  ['  authority: ""', '  authority: [TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH]'],
  ['  name: ""', '  name: Nguyễn Văn A'],
  ['archive: ""', 'archive: VT'],
];

describe('baocao init', () => {
  it('copies the catalogs and the templates, and writes a README that says what to fill in what order', () => {
    const dir = fresh();
    expect(readdirSync(join(dir, 'catalog')).sort()).toEqual(['departments.yaml', 'indicators.yaml', 'models.yaml', 'sections.yaml', 'services-qd06.yaml', 'services-qd422.yaml', 'vocabularies.yaml']);
    // the report's shape and the vocabularies come with it: a new workspace builds the bundled appendices
    for (const rel of ['report/appendices.yaml', 'catalog/vocabularies.yaml']) expect(readFileSync(join(dir, rel), 'utf8')).toBe(readFileSync(join(ROOT, 'data', rel), 'utf8'));
    const shipped = readdirSync(join(ROOT, 'templates')).filter((f) => f.endsWith('.hbs')).sort();
    expect(readdirSync(join(dir, 'templates')).sort()).toEqual(shipped);
    for (const f of shipped) expect(readFileSync(join(dir, 'templates', f), 'utf8')).toBe(readFileSync(join(ROOT, 'templates', f), 'utf8'));
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    const order = ['1. **`report.yaml`**', '2. **`catalog/departments.yaml`**', '4. **`templates/`**', 'Kế hoạch số 43/KH-UBND', 'Hà Nội', '5. `baocao validate'].map((s) => readme.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // nothing in report.yaml that could be printed as a placeholder
    const values = readFileSync(join(dir, 'report.yaml'), 'utf8').split('\n').map((l) => l.replace(/#.*$/, ''));
    expect(values.filter((v) => v.includes('…'))).toEqual([]);
  });

  it('validate on the new folder (no month yet) exits 1 naming every field to fill, with file and line', () => {
    const dir = fresh();
    const text = readFileSync(join(dir, 'report.yaml'), 'utf8');
    const r = baocao(['validate', '--data', dir, '--json']);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const found = r.json<{ month: string | null; diagnostics: Found[] }>();
    expect(found.month).toBeNull();
    expect(found.diagnostics.map((d) => [d.code, d.file, d.line])).toEqual(
      TO_FILL.map(([blank]) => ['BC115', join(dir, 'report.yaml'), lineOfKey(text, blank)]),
    );
    expect(found.diagnostics.every((d) => d.severity === 'error' && d.message.startsWith('chưa điền'))).toBe(true);
    // the same, as people read it
    const plain = baocao(['validate', '--data', dir]);
    expect(plain.code).toBe(1);
    expect(plain.stderr + plain.stdout).toContain(`${join(dir, 'report.yaml')}:${lineOfKey(text, 'province: ""')}:`);
    expect(plain.stdout).toContain('chưa có thư mục tháng nào');
  });

  it('build on the new folder exits 1 with the same fields, and writes nothing', () => {
    const dir = fresh();
    const out = join(dir, 'out');
    for (const args of [['build', '--data', dir, '--out', out, '--json'], ['build', '--data', dir, '--month', '2024-10', '--out', out, '--json']]) {
      const r = baocao(args);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      const codes = r.json<{ diagnostics: Found[] }>().diagnostics.map((d) => d.code);
      expect(codes).toEqual(TO_FILL.map(() => 'BC115'));
    }
    expect(readdirSync(dir)).not.toContain('out');
  });

  it('filling the fields makes validate pass; build then asks for a month', () => {
    const dir = fresh();
    let text = readFileSync(join(dir, 'report.yaml'), 'utf8');
    for (const [blank, filled] of TO_FILL) text = text.replace(blank, filled);
    writeFileSync(join(dir, 'report.yaml'), text);
    const r = baocao(['validate', '--data', dir]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('baocao open');
    const b = baocao(['build', '--data', dir]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('chưa có tháng nào');
  });

  it('one field left blank is the one named', () => {
    const dir = fresh();
    let text = readFileSync(join(dir, 'report.yaml'), 'utf8');
    for (const [blank, filled] of TO_FILL.filter(([b]) => b !== '  name: ""')) text = text.replace(blank, filled);
    writeFileSync(join(dir, 'report.yaml'), text);
    const r = baocao(['validate', '--data', dir, '--json']);
    expect(r.code).toBe(1);
    expect(r.json<{ diagnostics: Found[] }>().diagnostics).toEqual([
      expect.objectContaining({ code: 'BC115', line: lineOfKey(text, '  name: ""'), message: 'chưa điền họ tên người ký (signer.name)' }),
    ]);
  });

  it('refuses a folder that is not empty', () => {
    const dir = fresh();
    expect(baocao(['init', dir]).code).toBe(2);
  });
});
