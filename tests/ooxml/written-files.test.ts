import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE, tempWorkspace, type TempWorkspace } from '../helpers/workspace.js';
import { cli } from '../robustness/harness.js';
import { checkPackage } from './check.js';

/**
 * Every kind of file the program writes — the report and the draft (.docx), the appendices (.xlsx), every
 * department's form and a filled form (.xlsx) — is valid for Word and Excel: the ISO/IEC 29500 Transitional
 * schemas after markup-compatibility processing, and the checks the applications make beyond them (check.ts).
 * The check must fail on a document whose elements are out of order.
 */

let ws: TempWorkspace;
const written = new Map<string, Uint8Array>();

const files = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(docx|xlsx)$/.test(f)).map((f) => join(dir, f));

beforeAll(() => {
  ws = tempWorkspace(SAMPLE);
  const run = (args: string[]) => {
    const r = cli([...args, '--data', ws.dir, '--month', '2024-09']);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  };
  run(['build', '--out', join(ws.dir, 'out', 'final')]);
  run(['build', '--draft', '--out', join(ws.dir, 'out', 'draft')]);
  run(['forms', '--out', join(ws.dir, 'out', 'forms')]);
  run(['forms', '--filled', '--department', 'so-tu-phap', '--out', join(ws.dir, 'out', 'filled')]);
  for (const kind of ['final', 'draft', 'forms', 'filled']) for (const f of files(join(ws.dir, 'out', kind))) written.set(`${kind}/${f.split('/').pop()}`, new Uint8Array(readFileSync(f)));
  return () => ws.dispose();
}, 120_000);

describe('every file the program writes is valid for Word and Excel', () => {
  it('writes each kind: report, draft, appendices, forms, a filled form', () => {
    const names = [...written.keys()];
    expect(names).toContain('final/bao-cao-de-an-06-2024-09.docx');
    expect(names).toContain('final/phu-luc-de-an-06-2024-09.xlsx');
    expect(names.filter((n) => n.startsWith('draft/') && n.endsWith('.docx'))).toHaveLength(1);
    expect(names.filter((n) => n.startsWith('forms/')).length).toBeGreaterThan(5);
    expect(names).toContain('filled/so-tu-phap.xlsx');
  });

  it('every package: schemas, markup compatibility, package and application checks', () => {
    const found: string[] = [];
    let parts = 0;
    for (const [name, bytes] of written) {
      const r = checkPackage(bytes, name);
      found.push(...r.errors);
      parts += r.validated;
    }
    expect(found).toEqual([]);
    expect(parts).toBeGreaterThan(written.size * 8);
  }, 120_000);
});

describe('the check fails where Word or Excel would', () => {
  const edited = (name: string, part: string, edit: (xml: string) => string): Uint8Array => {
    const files = unzipSync(written.get(name)!);
    const xml = new TextDecoder().decode(files[part]!);
    const next = edit(xml);
    expect(next, 'the edit changed nothing').not.toBe(xml);
    files[part] = strToU8(next);
    return zipSync(files);
  };

  it('a paragraph whose properties come after its first run (element order broken)', () => {
    const bytes = edited('final/bao-cao-de-an-06-2024-09.docx', 'word/document.xml', (xml) => xml.replace(/<w:p>(<w:pPr>(?:(?!<\/w:pPr>).)*<\/w:pPr>)(<w:r>(?:(?!<\/w:r>).)*<\/w:r>)/, '<w:p>$2$1'));
    expect(checkPackage(bytes, 'broken.docx').errors.join('\n')).toMatch(/word\/document\.xml: .*(pPr|not expected)/);
  });

  it('a worksheet whose column widths come after its cells (element order broken)', () => {
    const bytes = edited('filled/so-tu-phap.xlsx', 'xl/worksheets/sheet2.xml', (xml) => {
      const cols = /<cols>[\s\S]*?<\/cols>/.exec(xml)![0];
      return xml.replace(cols, '').replace('</sheetData>', `</sheetData>${cols}`);
    });
    expect(checkPackage(bytes, 'broken.xlsx').errors.join('\n')).toMatch(/xl\/worksheets\/sheet2\.xml: .*cols/);
  });

  it('a separator footnote with a footnoteRef run, a table row off its grid, a reference to no footnote', () => {
    const name = 'final/bao-cao-de-an-06-2024-09.docx';
    const sep = edited(name, 'word/footnotes.xml', (xml) => xml.replace('<w:r><w:separator/>', '<w:r><w:footnoteRef/></w:r><w:r><w:separator/>'));
    expect(checkPackage(sep, 'x.docx').errors.join('\n')).toContain('the separator footnote holds a footnoteRef run');
    const grid = edited(name, 'word/document.xml', (xml) => xml.replace(/<w:gridCol w:w="\d+"\/>/, ''));
    expect(checkPackage(grid, 'x.docx').errors.join('\n')).toMatch(/fills \d+ grid columns of \d+/);
    const ref = edited(name, 'word/document.xml', (xml) => xml.replace('<w:footnoteReference w:id="1"/>', '<w:footnoteReference w:id="77"/>'));
    expect(checkPackage(ref, 'x.docx').errors.join('\n')).toContain('footnoteReference to id 77');
  });

  it('overlapping merges, a wrong shared-string count, a bad sheet name, a validation without its bound', () => {
    const name = 'filled/so-tu-phap.xlsx';
    const merges = edited(name, 'xl/worksheets/sheet2.xml', (xml) => xml.replace(/<mergeCell ref="([A-Z]+\d+):([A-Z]+\d+)"\/>/, '<mergeCell ref="$1:$2"/><mergeCell ref="$1:$2"/>'));
    expect(checkPackage(merges, 'x.xlsx').errors.join('\n')).toContain('overlap');
    const count = edited(name, 'xl/sharedStrings.xml', (xml) => xml.replace(/uniqueCount="\d+"/, 'uniqueCount="1"'));
    expect(checkPackage(count, 'x.xlsx').errors.join('\n')).toContain('uniqueCount 1');
    const sheet = edited(name, 'xl/workbook.xml', (xml) => xml.replace(/(<sheet [^>]*name=")[^"]*"/, '$1Dịch vụ: công"'));
    expect(checkPackage(sheet, 'x.xlsx').errors.join('\n')).toContain('holds a character Excel refuses');
    const dv = edited(name, 'xl/worksheets/sheet2.xml', (xml) =>
      xml.replace(/<dataValidations count="(\d+)">/, (_, n: string) => `<dataValidations count="${Number(n) + 1}"><dataValidation type="whole" operator="between" sqref="A1"><formula1>0</formula1></dataValidation>`),
    );
    expect(checkPackage(dv, 'x.xlsx').errors.join('\n')).toContain('without formula2');
  });

  it('a part with no content type, a relationship to a missing part', () => {
    const name = 'final/phu-luc-de-an-06-2024-09.xlsx';
    const files = unzipSync(written.get(name)!);
    files['xl/extra.bin'] = new Uint8Array([1, 2, 3]);
    expect(checkPackage(zipSync(files), 'x.xlsx').errors.join('\n')).toContain('xl/extra.bin: no content type');
    const rel = edited(name, 'xl/_rels/workbook.xml.rels', (xml) => xml.replace(/Target="worksheets\/sheet1.xml"/, 'Target="worksheets/sheet9.xml"'));
    expect(checkPackage(rel, 'x.xlsx').errors.join('\n')).toContain('which is not in the package');
  });
});
