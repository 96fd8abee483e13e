import { copyFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkMonth } from '../../src/pipeline/month.js';
import { MINI, ROOT, SAMPLE, tempWorkspace } from '../helpers/workspace.js';

/**
 * exceljs costs ~150 ms to import and is used only to write workbooks: validating YAML and reading .xlsx files
 * (a form in the month folder, `import` of a form or a legacy sheet) must never load it. Each test file runs
 * in its own process.
 */

const loaded = () => Object.keys(createRequire(import.meta.url).cache).filter((k) => k.includes('/node_modules/exceljs/'));

const FORM = join(ROOT, 'fixtures', 'excel', 'form-v1-so-tu-phap-2024-09.xlsx');
const LEGACY = join(ROOT, 'fixtures', 'excel', 'legacy-phu-luc-1.xlsx');

describe('exceljs loads lazily', () => {
  it('is loaded neither by validating YAML nor by reading .xlsx files, and is by writing one', async () => {
    const r = await checkMonth(MINI, 'mini', '2024-09');
    expect(r.submissions.length).toBeGreaterThan(0);
    expect(loaded()).toEqual([]);

    const { writeWorkbook } = await import('../../src/excel/exceljs-adapter.js');
    expect(loaded()).toEqual([]); // importing the adapter does not load it either

    // a form placed in the month folder is read with the month
    const ws = tempWorkspace(SAMPLE);
    try {
      rmSync(join(ws.dir, '2024-09', 'so-tu-phap.yaml'));
      copyFileSync(FORM, join(ws.dir, '2024-09', 'so-tu-phap.xlsx'));
      const month = await checkMonth(ws.dir, 'data', '2024-09');
      expect(month.submissions.some((s) => s.format === 'xlsx')).toBe(true);
      expect(loaded()).toEqual([]);

      // `import` of a form and of a legacy sheet (a dry run reads and checks everything, writes nothing)
      const { run: importFiles } = await import('../../src/cli/commands/import.js');
      const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
      const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      try {
        for (const file of [FORM, LEGACY]) {
          const code = await importFiles({ data: ws.dir, month: '2024-09', files: [file], json: true, dryRun: true });
          expect(code, file).toBeLessThan(2);
        }
      } finally {
        out.mockRestore();
        err.mockRestore();
      }
      expect(loaded()).toEqual([]);
    } finally {
      ws.dispose();
    }

    await writeWorkbook({ sheets: [{ name: 'A', cells: new Map([[1, new Map([[1, { value: 1 }]])]]) }], creator: 'test', date: new Date(0) });
    expect(loaded().length).toBeGreaterThan(0);
  });
});
