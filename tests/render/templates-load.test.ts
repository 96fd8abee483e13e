import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEMPLATE_NAMES } from '../../src/render/template/report-texts.js';
import { defaultTemplatesDir, loadTemplates } from '../../src/render/templates-load.js';

const dir = mkdtempSync(join(tmpdir(), 'baocao-templates-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadTemplates', () => {
  it('reads every .hbs of a folder, keyed by name, with the path diagnostics print', async () => {
    writeFileSync(join(dir, 'a.hbs'), 'Xin {{chao}}');
    writeFileSync(join(dir, 'ghi-chu.txt'), 'không phải mẫu');
    expect(await loadTemplates(dir)).toEqual({ a: { file: join(dir, 'a.hbs'), text: 'Xin {{chao}}' } });
  });

  it('finds the shipped templates, all those the report needs', async () => {
    const shipped = await loadTemplates();
    const needed = [
      TEMPLATE_NAMES.body,
      TEMPLATE_NAMES.summary,
      TEMPLATE_NAMES.number,
      TEMPLATE_NAMES.placeDate,
      TEMPLATE_NAMES.attachedTo,
      TEMPLATE_NAMES.qd422ServiceColumn,
      ...TEMPLATE_NAMES.appendices,
    ];
    expect(Object.keys(shipped).sort()).toEqual([...needed].sort());
    // named from the working folder (the tests run in the package's), not by the machine's full path
    expect(shipped[TEMPLATE_NAMES.body]?.file).toBe(relative(process.cwd(), join(defaultTemplatesDir(), 'bao-cao.hbs')));
    expect(shipped[TEMPLATE_NAMES.body]?.file).toBe(join('templates', 'bao-cao.hbs'));
  });
});
