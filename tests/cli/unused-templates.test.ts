import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baocao } from '../helpers/cli.js';
import { ROOT, SAMPLE, tempWorkspace } from '../helpers/workspace.js';

interface Found {
  readonly severity: string;
  readonly code: string;
  readonly file: string;
}

// the sample workspace with its own templates folder, holding a Phụ lục IV that nothing reads
const ws = tempWorkspace(SAMPLE);
cpSync(join(ROOT, 'templates'), join(ws.dir, 'templates'), { recursive: true });
writeFileSync(join(ws.dir, 'templates', 'phu-luc-4.hbs'), 'Phụ lục IV\nDANH SÁCH …\n');
afterAll(() => ws.dispose());

const unused = (diagnostics: Found[]) => diagnostics.filter((d) => d.code === 'BC609');

describe('a template file that nothing reads', () => {
  it('is warned of by validate, with its file', () => {
    const r = baocao(['validate', '--data', ws.dir, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(unused(r.json<{ diagnostics: Found[] }>().diagnostics)).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'BC609', file: join(ws.dir, 'templates', 'phu-luc-4.hbs') }),
    ]);
  });

  it('is warned of by build, which still builds', () => {
    const r = baocao(['build', '--data', ws.dir, '--out', join(ws.dir, 'out'), '--format', 'docx', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const d = r.json<{ outputs: unknown[]; diagnostics: Found[] }>();
    expect(d.outputs).toHaveLength(1);
    expect(unused(d.diagnostics)).toEqual([expect.objectContaining({ file: join(ws.dir, 'templates', 'phu-luc-4.hbs') })]);
    const plain = baocao(['build', '--data', ws.dir, '--out', join(ws.dir, 'out2'), '--format', 'docx']);
    expect(plain.code).toBe(0);
    expect(plain.stderr + plain.stdout).toMatch(/phu-luc-4\.hbs.*BC609|BC609.*phu-luc-4\.hbs/);
  });

  it('is warned of on a workspace with no month yet', () => {
    const w = tempWorkspace(SAMPLE);
    try {
      rmSync(join(w.dir, '2024-09'), { recursive: true });
      cpSync(join(ROOT, 'templates'), join(w.dir, 'templates'), { recursive: true });
      writeFileSync(join(w.dir, 'templates', 'phu-luc-4.hbs'), 'x');
      const r = baocao(['validate', '--data', w.dir, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const d = r.json<{ month: string | null; diagnostics: Found[] }>();
      expect(d.month).toBeNull();
      expect(d.diagnostics.map((x) => [x.code, x.file])).toEqual([['BC609', join(w.dir, 'templates', 'phu-luc-4.hbs')]]);
    } finally {
      w.dispose();
    }
  });
});
