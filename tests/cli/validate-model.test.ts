import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { baocao } from '../helpers/cli.js';
import { lineOf, ROOT, SAMPLE, tempWorkspace, type TempWorkspace } from '../helpers/workspace.js';

let ws: TempWorkspace | undefined;
afterEach(() => {
  ws?.dispose();
  ws = undefined;
});

const YTE = '2024-09/bhxh-tinh.yaml';

describe('baocao validate on the bundled month', () => {
  it('exits 0 with no errors and a documented JSON shape', () => {
    const r = baocao(['validate', '--month', '2024-09', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = r.json<{ command: string; month: string; ok: boolean; errors: number; files: string[]; diagnostics: unknown[] }>();
    expect(out).toMatchObject({ command: 'validate', month: '2024-09', ok: true, errors: 0 });
    expect(out.files).toHaveLength(18);
    expect(r.stderr).toBe('');
  });
  it('speaks Vietnamese to people', () => {
    const r = baocao(['validate', '--month', '2024-09']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Số liệu hợp lệ.');
  });
});

describe('bad input in a copy of the workspace: exit 1, located, no stack trace', () => {
  it.each([
    ['a YAML syntax error', (w: TempWorkspace) => w.replace(YTE, 'month: 2024-09', 'month: [2024-09'), 'BC101'],
    ['"12,5" where a count belongs', (w: TempWorkspace) => w.replace(YTE, /value: 3\.182\.603|value: 3182603/, 'value: "12,5"'), 'BC120'],
    ['online > total', (w: TempWorkspace) => w.replace('2024-09/so-tu-phap.yaml', /online: (4\.637|4637)/, 'online: 4.682'), 'BC210'],
  ])('%s', (_case, edit, code) => {
    ws = tempWorkspace(SAMPLE);
    edit(ws);
    const r = baocao(['validate', '--data', ws.dir, '--month', '2024-09', '--json']);
    expect(r.code).toBe(1);
    const d = r.json<{ diagnostics: { code: string; file: string; line: number; severity: string }[] }>().diagnostics.find((x) => x.code === code);
    expect(d, r.stdout).toBeDefined();
    expect(d!.file).toMatch(/2024-09\/(bhxh-tinh|so-tu-phap)\.yaml$/);
    expect(d!.line).toBeGreaterThan(0);
    const human = baocao(['validate', '--data', ws.dir, '--month', '2024-09']);
    expect(human.code).toBe(1);
    expect(human.stderr).toMatch(new RegExp(`\\.yaml:\\d+:\\d+: lỗi ${code}: `));
    expect(human.stderr + human.stdout).not.toMatch(/\n\s+at .*\.js:\d+/);
  });

  it('names the right line for "12,5"', () => {
    ws = tempWorkspace(SAMPLE);
    ws.replace(YTE, /value: 3\.182\.603|value: 3182603/, 'value: "12,5"');
    const r = baocao(['validate', '--data', ws.dir, '--month', '2024-09', '--json']);
    const d = r.json<{ diagnostics: { code: string; line: number }[] }>().diagnostics.find((x) => x.code === 'BC120')!;
    expect(d.line).toBe(lineOf(ws.read(YTE), 'value: "12,5"'));
  });
});

describe('baocao model', () => {
  it('writing "3.182.603" or "3182603" gives the same model', () => {
    ws = tempWorkspace(SAMPLE);
    const a = baocao(['model', '--data', ws.dir, '--month', '2024-09']);
    expect(a.code, a.stderr).toBe(0);
    const text = ws.read(YTE);
    const dotted = text.includes('3.182.603');
    ws.replace(YTE, dotted ? '3.182.603' : '3182603', dotted ? '3182603' : '3.182.603');
    const b = baocao(['model', '--data', ws.dir, '--month', '2024-09']);
    expect(b.code).toBe(0);
    expect(b.json()).toEqual(a.json());
  });
  it('prints nothing on stdout and exits 1 when the data has errors', () => {
    ws = tempWorkspace(SAMPLE);
    ws.replace('2024-09/so-tu-phap.yaml', /online: (4\.637|4637)/, 'online: 4.682');
    const r = baocao(['model', '--data', ws.dir, '--month', '2024-09']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('BC210');
  });
});

describe('usage and environment errors', () => {
  it('a bad --month is a usage error (exit 2)', () => {
    const r = baocao(['validate', '--month', '2024-13']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('không hợp lệ');
  });
  it('an unknown option is a usage error in Vietnamese', () => {
    const r = baocao(['validate', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('tùy chọn không có');
  });
  it('a missing data folder says so', () => {
    const r = baocao(['validate', '--data', '/nonexistent/baocao', '--month', '2024-09', '--json']);
    expect(r.code).toBe(1);
    expect(r.json<{ diagnostics: { code: string }[] }>().diagnostics[0]!.code).toBe('BC004');
  });
  it('a month with no folder says how to open it', () => {
    const r = baocao(['validate', '--month', '2031-01']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('baocao open --month 2031-01');
  });
});

describe('output into a pipe that closes early (baocao model | head)', () => {
  it('stops quietly, without a stack trace', () => {
    const r = spawnSync('bash', ['-c', `node ${join(ROOT, 'bin', 'baocao.js')} model --month 2024-09 | head -c 10 >/dev/null; echo "status=\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(r.stdout).toMatch(/status=0/);
  });
});
