import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEMPLATE_NAMES, templateNamesRead } from '../../src/render/template/report-texts.js';
import { BUNDLED_DEFINITION } from '../helpers/definition.js';
import { defaultTemplatesDir, loadTemplates, unusedTemplates } from '../../src/render/templates-load.js';

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
      // named by the bundled definition (data/report/appendices.yaml)
      'kem-theo',
      'cot-dich-vu-qd422',
      'phu-luc-1',
      'phu-luc-2',
      'phu-luc-3',
    ];
    expect(templateNamesRead(BUNDLED_DEFINITION).sort()).toEqual([...needed].sort());
    expect(Object.keys(shipped).sort()).toEqual([...needed].sort());
    // named from the working folder (the tests run in the package's), not by the machine's full path
    expect(shipped[TEMPLATE_NAMES.body]?.file).toBe(relative(process.cwd(), join(defaultTemplatesDir(), 'bao-cao.hbs')));
    expect(shipped[TEMPLATE_NAMES.body]?.file).toBe(join('templates', 'bao-cao.hbs'));
  });
});

describe('unusedTemplates', () => {
  it('finds nothing unused among the shipped templates', async () => {
    expect(await unusedTemplates(BUNDLED_DEFINITION)).toEqual([]);
  });

  it('warns of each file of a templates folder the report does not read, with the file (BC609)', async () => {
    const own = mkdtempSync(join(tmpdir(), 'baocao-own-templates-'));
    try {
      for (const name of templateNamesRead(BUNDLED_DEFINITION)) writeFileSync(join(own, `${name}.hbs`), 'x');
      writeFileSync(join(own, 'phu-luc-4.hbs'), 'Phụ lục IV');
      writeFileSync(join(own, 'bao-cao.hbs.txt'), 'x');
      writeFileSync(join(own, '.DS_Store'), '');
      mkdirSync(join(own, 'cu'));
      const found = await unusedTemplates(BUNDLED_DEFINITION, own);
      expect(found.map((d) => [d.severity, d.code, d.file])).toEqual([
        ['warning', 'BC609', join(own, 'bao-cao.hbs.txt')],
        ['warning', 'BC609', join(own, 'cu')],
        ['warning', 'BC609', join(own, 'phu-luc-4.hbs')],
      ]);
      expect(found[2]?.message).toContain('mẫu "phu-luc-4.hbs" không được dùng');
      expect(found[2]?.message).toContain('phu-luc-3.hbs');
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });
});
