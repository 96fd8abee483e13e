import { describe, expect, it } from 'vitest';
import { CappedDiagnostics, capFile, capRun, listed } from '../../src/diagnostics/cap.js';
import { error, warning } from '../../src/diagnostics/diagnostic.js';

const errors = (n: number, file = 'a.xlsx') => Array.from({ length: n }, (_, i) => error('BC415', `e${i}`, { file, cell: `H${i + 1}` }));

describe('caps on the diagnostics listed', () => {
  it('a file keeps its first 200 and counts the rest in one BC010, in bounded memory', () => {
    const list = new CappedDiagnostics();
    for (const d of errors(1_000_000)) list.push(d);
    list.push(warning('BC433', 'w', { file: 'a.xlsx' }));
    expect(list.length).toBe(200);
    const out = listed(list);
    expect(out).toHaveLength(201);
    expect(out[200]).toMatchObject({ severity: 'error', code: 'BC010', file: 'a.xlsx', message: expect.stringContaining('và 999.800 lỗi và 1 cảnh báo khác trong tệp này') });
  });

  it('pushing in batches counts every one left out', () => {
    const list = new CappedDiagnostics();
    const some = errors(50_000);
    for (let i = 0; i < some.length; i += 10_000) list.push(...some.slice(i, i + 10_000));
    expect(listed(list).at(-1)!.message).toContain('49.800 lỗi');
  });

  it('under the cap nothing is added, and a list that is not capped is listed as it is', () => {
    expect(capFile(errors(3))).toEqual(errors(3));
    expect(listed(errors(2))).toEqual(errors(2));
  });

  it('a run keeps 200 and counts the rest, the files\' own counts included', () => {
    const a = capFile(errors(500, 'a.xlsx'));
    const b = capFile(errors(500, 'b.xlsx'));
    const run = capRun([...a, ...b]);
    expect(run).toHaveLength(201);
    // 200 of a.xlsx shown; a's BC010 (300), b's 200 shown and its BC010 (300) counted: 800 in all
    expect(run[200]).toMatchObject({ code: 'BC010', message: expect.stringContaining('và 800 lỗi khác không được liệt kê') });
    expect(run[200]!.file).toBeUndefined();
  });

  it('warnings alone give a warning', () => {
    const list = capFile(Array.from({ length: 205 }, () => warning('BC241', 'w', { file: 'x.yaml' })));
    expect(list.at(-1)).toMatchObject({ severity: 'warning', code: 'BC010', message: expect.stringContaining('5 cảnh báo') });
  });
});
