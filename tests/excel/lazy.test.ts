import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { checkMonth } from '../../src/pipeline/month.js';
import { MINI } from '../helpers/workspace.js';

/** exceljs costs ~150 ms to import: validating YAML must never load it (each test file runs in its own process). */

const loaded = () => Object.keys(createRequire(import.meta.url).cache).filter((k) => k.includes('/node_modules/exceljs/'));

describe('exceljs loads lazily', () => {
  it('is not loaded by validating a YAML-only month, and is by reading an .xlsx', async () => {
    const r = await checkMonth(MINI, 'mini', '2024-09');
    expect(r.submissions.length).toBeGreaterThan(0);
    expect(loaded()).toEqual([]);
    const { loadWorkbook } = await import('../../src/excel/exceljs-adapter.js');
    expect(loaded()).toEqual([]); // importing the adapter does not load it either
    await loadWorkbook(new Uint8Array(0));
    expect(loaded().length).toBeGreaterThan(0);
  });
});
