import type ExcelJS from 'exceljs';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE, tempWorkspace, type TempWorkspace } from '../helpers/workspace.js';
import { formBytes, formCell, openBook } from '../excel/helpers.js';
import { book, worksheet } from '../excel/odd-workbooks.js';
import { HAS_CALC, resaveXlsx } from '../excel/libreoffice.js';
import { byArea, type Case, type Loc } from './cases.js';
import { cli, expectCase, plainLocation, treeHash, type BuildJson, type Run } from './harness.js';
import { lastRow, partsOf, replaceCell, rezip, sheetPart, text, withPart, withPartBytes } from './workbook-edits.js';

/**
 * The battery of hostile and odd workbooks (tests/robustness/xlsx-cases.ts): each through the built CLI, its exit
 * code, diagnostic, location, time and peak memory asserted, and the month folder (or the whole workspace)
 * unchanged. Valid odd files, placed in the month folder, must give the model the clean form gives.
 */

const SVC = 'Dịch vụ công';
const ROW = 'service:qd06-09';

let form: Uint8Array;
let clean: ExcelJS.Workbook;
let svcPart: string;
let yamlModel: unknown;

/** the address of a field of the form's row, in the clean form (edits keep the layout) */
const at = (field: string, row = ROW) => formCell(clean.getWorksheet(SVC)!, row, field);
const column = (field: string) => at(field).replace(/\d+$/, '');
const onSheet = (rewrite: (xml: string) => string) => withPart(form, svcPart, rewrite);
const cellAs = (field: string, cell: (address: string, style: string) => string) => onSheet((xml) => replaceCell(xml, at(field), (style) => cell(at(field), style)));
const numberText = (v: string) => cellAs('total', (a, s) => `<c r="${a}"${s}><v>${v}</v></c>`);
const inline = (raw: string) => cellAs('total', (a, s) => `<c r="${a}"${s} t="inlineStr"><is><t>${raw}</t></is></c>`);
/** the shared string the row's service name cell shows, rewritten */
function sharedString(rewrite: (item: string) => string): Uint8Array {
  const xml = text(partsOf(form)[svcPart]!);
  const m = new RegExp(`<c r="${at('name')}"[^>]*t="s"[^>]*><v>(\\d+)</v>`).exec(xml);
  if (!m) throw new Error('the name cell does not show a shared string');
  const index = Number(m[1]);
  return withPart(form, 'xl/sharedStrings.xml', (sst) => {
    let k = -1;
    return sst.replace(/<si>([\s\S]*?)<\/si>/g, (whole, inner: string) => (++k === index ? `<si>${rewrite(inner)}</si>` : whole));
  });
}
const rows = (from: number, count: number, row: (r: number) => string) => {
  const out: string[] = [];
  for (let r = from; r < from + count; r++) out.push(row(r));
  return out.join('');
};
/** a sheet's XML made with rows appended, zipped at level 1 (fast; the ratios stay those of a real file) */
function appended(extra: (xml: string) => string): Uint8Array {
  return rezip(form, (e) => {
    if (e.name !== svcPart) return e;
    const xml = text(e.data as Uint8Array);
    return { name: e.name, data: xml.replace('</sheetData>', `${extra(xml)}</sheetData>`) };
  });
}

type Mode = 'import' | 'month';
interface Setup {
  readonly bytes: () => Uint8Array | Promise<Uint8Array>;
  readonly mode?: Mode;
  /** more checks on the run */
  readonly then?: (r: Run) => void;
  /** for accepted files: the workbook whose model this one must give (default: the YAML return's) */
  readonly baseline?: () => Uint8Array;
}

/** the form with its cut-off date (the general sheet's asOf row) set to a date serial */
function withAsOf(bytes: Uint8Array, serial: number): Uint8Array {
  const general = 'Hướng dẫn';
  const cell = formCell(clean.getWorksheet(general)!, 'asOf', 'value');
  return withPart(bytes, sheetPart(bytes, general), (xml) => replaceCell(xml, cell, (style) => `<c r="${cell}"${style}><v>${serial}</v></c>`));
}

/** the YAML file `baocao import` writes for this workbook */
function importedYaml(bytes: Uint8Array): string {
  const w = tempWorkspace(SAMPLE);
  try {
    const input = join(w.dir, 'in.xlsx');
    writeFileSync(input, bytes);
    const r = cli(['import', input, '--data', w.dir, '--month', '2024-09']);
    expect(r.code, r.stderr).toBe(0);
    return readFileSync(join(w.dir, '2024-09', 'so-tu-phap.yaml'), 'utf8');
  } finally {
    w.dispose();
  }
}

/** `baocao model` of the sample with Sở Tư pháp's return as this workbook */
function modelWith(bytes: Uint8Array): unknown {
  const w = tempWorkspace(SAMPLE);
  try {
    rmSync(join(w.dir, '2024-09', 'so-tu-phap.yaml'));
    writeFileSync(join(w.dir, '2024-09', 'so-tu-phap.xlsx'), bytes);
    const r = cli(['model', '--data', w.dir, '--month', '2024-09']);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as unknown;
  } finally {
    w.dispose();
  }
}

/** The list is capped: at most 200 of the case's code, and BC010 counting the others (about `more` of them). */
const capped = (code: string, more: number) => (r: Run) => {
  const all = r.json<BuildJson>().diagnostics;
  expect(all.length).toBeLessThanOrEqual(202);
  expect(all.filter((d) => d.code === code).length).toBe(200);
  const summary = all.find((d) => d.code === 'BC010');
  expect(summary, 'no BC010 counting the rest').toBeDefined();
  const n = Number(/và ([\d.]+) lỗi/.exec(summary!.message)?.[1]?.replace(/\./g, ''));
  expect(n).toBeGreaterThanOrEqual(more);
};

const LEGACY_HEADER = '<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c><c r="B1" t="inlineStr"><is><t>Dịch vụ công trực tuyến</t></is></c><c r="C1" t="inlineStr"><is><t>Tổng hồ sơ</t></is></c><c r="D1" t="inlineStr"><is><t>Trực tuyến</t></is></c></row>';

const SETUPS: Record<string, Setup> = {
  'xlsx.number-comma': {
    bytes: () => numberText('4,637'),
    then: (r) => expect(r.json<BuildJson>().diagnostics[0]!.message).toContain('"4,637"'),
  },
  'xlsx.number-suffix': { bytes: () => numberText('12abc') },
  'xlsx.number-hex': { bytes: () => numberText('0x10') },
  'xlsx.number-inf': { bytes: () => numberText('INF') },
  'xlsx.number-month': { bytes: () => numberText('4,637'), mode: 'month' },
  'xlsx.formula-result': { bytes: () => cellAs('total', (a, s) => `<c r="${a}"${s}><f>4000+681</f><v>2 apples</v></c>`) },
  'xlsx.boolean': { bytes: () => cellAs('total', (a, s) => `<c r="${a}"${s} t="b"><v>yes</v></c>`) },
  'xlsx.date': { bytes: () => cellAs('total', (a, s) => `<c r="${a}"${s} t="d"><v>2024-09-15garbage</v></c>`) },
  'xlsx.shared-index': { bytes: () => cellAs('total', (a, s) => `<c r="${a}"${s} t="s"><v>999999</v></c>`) },
  'xlsx.address-past': {
    bytes: () => cellAs('total', (_a, s) => `<c r="XFD1048577"${s}><v>1</v></c>`),
    then: (r) => expect(r.json<BuildJson>().diagnostics[0]!.message).toContain('1.048.577'),
  },
  'xlsx.address-zero': {
    bytes: () => cellAs('total', (_a, s) => `<c r="A0"${s}><v>1</v></c>`),
    then: (r) => expect(r.json<BuildJson>().diagnostics[0]!.message).toContain('"A0"'),
  },
  'xlsx.doctype-xxe': {
    bytes: () => cellXxe(),
    then: (r) => expect(r.stdout).not.toContain('root:'),
  },
  'xlsx.billion-laughs': {
    bytes: () =>
      withPart(form, 'xl/sharedStrings.xml', (sst) => {
        const lol = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('');
        return sst.replace(/<sst/, `<!DOCTYPE sst [${lol}]><sst`).replace(/<si><t[^>]*>[^<]*<\/t><\/si>/, '<si><t>&lol9;</t></si>');
      }),
    then: (r) => expect(r.json<BuildJson>().diagnostics[0]!.message).toContain('xl/sharedStrings.xml'),
  },
  'xlsx.undeclared-entity': { bytes: () => inline('4&nbsp;637') },
  'xlsx.charref-nul': { bytes: () => inline('46&#0;37') },
  'xlsx.charref-surrogate': { bytes: () => inline('46&#xD800;37') },
  'xlsx.control-char': { bytes: () => sharedString((item) => item.replace(/<\/t>/, '\u0001</t>')) },
  'xlsx.bad-utf8': {
    bytes: () =>
      withPartBytes(inline('46XX37'), svcPart, (b) => {
        const i = b.indexOf('46XX37');
        b[i + 2] = 0xc3;
        b[i + 3] = 0x28;
        return b;
      }),
  },
  'xlsx.bad-utf8-shared': {
    bytes: () =>
      withPartBytes(
        sharedString((item) => item.replace(/<\/t>/, 'QQ</t>')),
        'xl/sharedStrings.xml',
        (b) => {
          const i = b.indexOf('QQ</t>');
          b[i] = 0xff;
          return b;
        },
      ),
  },
  'xlsx.unclosed': { bytes: () => onSheet((xml) => xml.replace('</sheetData>', '')) },
  'xlsx.crc': { bytes: () => rezip(form, (e) => (e.name === svcPart ? { ...e, crc: 0x12345678 } : e)) },
  'xlsx.duplicate-entry': {
    bytes: () => {
      const other = partsOf(numberText('9999'))[svcPart]!;
      return rezip(form, (e) => (e.name === svcPart ? [e, { name: svcPart, data: other }] : e));
    },
  },
  'xlsx.case-entry': { bytes: () => rezip(form, (e) => (e.name === svcPart ? [e, { name: svcPart.toUpperCase(), data: e.data }] : e)) },
  'xlsx.zip-encrypted': { bytes: () => rezip(form, (e) => (e.name === svcPart ? { ...e, flags: 1 } : e)) },
  'xlsx.zip-method': { bytes: () => rezip(form, (e) => (e.name === svcPart ? { ...e, method: 12 } : e)) },
  'xlsx.million-rows': {
    bytes: () => appended((xml) => rows(lastRow(xml) + 3, 1_000_000, (r) => `<row r="${r}"><c r="${column('total')}${r}"><v>5</v></c></row>`)),
    then: capped('BC415', 999_000),
  },
  'xlsx.million-rows-month': {
    bytes: () => appended((xml) => rows(lastRow(xml) + 3, 1_000_000, (r) => `<row r="${r}"><c r="${column('total')}${r}"><v>5</v></c></row>`)),
    mode: 'month',
    then: capped('BC415', 999_000),
  },
  'xlsx.legacy-unknown': {
    bytes: () => book({ sheets: [{ name: 'Phụ lục I', xml: worksheet(LEGACY_HEADER + rows(2, 200_000, (r) => `<row r="${r}"><c r="A${r}"><v>${r - 1}</v></c><c r="B${r}" t="inlineStr"><is><t>Dịch vụ không có ${r}</t></is></c><c r="C${r}"><v>10</v></c><c r="D${r}"><v>5</v></c></row>`)) }] }),
    then: capped('BC431', 199_000),
  },
  'xlsx.cells-12m': {
    bytes: () => {
      let seed = 1;
      const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
      return appended((xml) =>
        rows(lastRow(xml) + 3, 733, (r) => {
          const cells: string[] = [];
          for (let c = 0; c < 16_384; c++) cells.push(rnd() % 600 === 0 ? `<c><v>${rnd() % 100}</v></c>` : '<c><v>1</v></c>');
          return `<row r="${r}">${cells.join('')}</row>`;
        }),
      );
    },
    then: (r) => expect(r.json<BuildJson>().diagnostics[0]!.message).toContain('2.000.000'),
  },
  'xlsx.merges': {
    bytes: () =>
      onSheet((xml) => {
        const ranges = rows(2_000, 150_000, (r) => `<mergeCell ref="X${r}:Y${r}"/>`);
        return /<mergeCells[^>]*>/.test(xml) ? xml.replace(/<mergeCells[^>]*>/, (m) => `${m}${ranges}`) : xml.replace('</sheetData>', `</sheetData><mergeCells>${ranges}</mergeCells>`);
      }),
  },
  'xlsx.strings-3m': {
    bytes: () =>
      withPart(form, 'xl/sharedStrings.xml', (sst) => sst.replace('</sst>', `${rows(0, 3_000_000, (i) => `<si><t>${i.toString(36)}</t></si>`)}</sst>`)),
    then: (r) => expect(r.json<BuildJson>().diagnostics[0]!.message).toContain('xl/sharedStrings.xml'),
  },
  'xlsx.inline-strings': {
    bytes: () => {
      const strings = [...text(partsOf(form)['xl/sharedStrings.xml']!).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]!);
      const files = partsOf(form);
      return rezip(form, (e) => {
        if (!/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) return e;
        const xml = text(files[e.name]!).replace(/<c ([^>]*?)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_, a: string, b: string, k: string) => `<c ${a}t="inlineStr"${b}><is>${strings[Number(k)]}</is></c>`);
        return { name: e.name, data: xml };
      });
    },
    mode: 'month',
  },
  'xlsx.shared-formulas': {
    bytes: () =>
      onSheet((xml) => {
        // each figure of the row becomes a formula of a shared group (=N, moved) with its cached value
        let first = true;
        return xml.replace(new RegExp(`<c r="([A-Z]+)${at('total').replace(/^[A-Z]+/, '')}"((?: s="\\d+")?)><v>(\\d+)</v></c>`, 'g'), (_, col: string, attrs: string, v: string) => {
          const f = first ? `<f t="shared" ref="${col}1:${col}1" si="7">${v}</f>` : '<f t="shared" si="7"/>';
          first = false;
          return `<c r="${col}${at('total').replace(/^[A-Z]+/, '')}"${attrs}>${f}<v>${v}</v></c>`;
        });
      }),
    mode: 'month',
  },
  'xlsx.date1904': {
    // the cut-off date 14/9/2024: serial 45549 in the 1900 system, 45549 − 1462 in the 1904 system
    bytes: () => withAsOf(withPart(form, 'xl/workbook.xml', (wb) => (wb.includes('<workbookPr') ? wb.replace(/<workbookPr/, '<workbookPr date1904="1"') : wb.replace(/(<workbook[^>]*>)/, '$1<workbookPr date1904="1"/>'))), 45549 - 1462),
    baseline: () => withAsOf(form, 45549),
    // the model does not show a return's cut-off date: the YAML an import writes does
    then: () => {
      const system1904 = importedYaml(SETUPS['xlsx.date1904']!.bytes() as Uint8Array);
      expect(/^asOf:.*$/m.exec(system1904)?.[0]).toBe('asOf: 14/9/2024');
      expect(system1904).toBe(importedYaml(withAsOf(form, 45549)));
    },
    mode: 'month',
  },
  'xlsx.strict': {
    bytes: () =>
      rezip(form, (e) => {
        if (!/\.(xml|rels)$/.test(e.name)) return e;
        const xml = text(e.data as Uint8Array)
          .replace(/http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main/g, 'http://purl.oclc.org/ooxml/spreadsheetml/main')
          .replace(/http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships/g, 'http://purl.oclc.org/ooxml/officeDocument/relationships')
          .replace(/<workbook /, '<workbook conformance="strict" ');
        return { name: e.name, data: xml };
      }),
    mode: 'month',
  },
  'xlsx.libreoffice': {
    bytes: () => {
      expect(HAS_CALC, 'LibreOffice Calc is needed (libreoffice-calc-nogui)').toBe(true);
      const ws = tempWorkspace(SAMPLE);
      try {
        const file = join(ws.dir, 'so-tu-phap.xlsx');
        writeFileSync(file, form);
        const saved = resaveXlsx([file]).get('so-tu-phap');
        if (!saved) throw new Error('LibreOffice wrote nothing');
        return new Uint8Array(readFileSync(saved));
      } finally {
        ws.dispose();
      }
    },
    mode: 'month',
  },
};

/** a sheet with a DOCTYPE whose entity a cell uses */
function cellXxe(): Uint8Array {
  return withPart(inline('&xxe;'), svcPart, (xml) => xml.replace(/<worksheet/, '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet'));
}

beforeAll(async () => {
  form = await formBytes('so-tu-phap', true);
  clean = await openBook(form);
  svcPart = sheetPart(form, SVC);
  const m = cli(['model', '--data', SAMPLE, '--month', '2024-09']);
  expect(m.code, m.stderr).toBe(0);
  yamlModel = JSON.parse(m.stdout) as unknown;
}, 60_000);

let ws: TempWorkspace | undefined;
afterEach(() => {
  ws?.dispose();
  ws = undefined;
});

function withoutFiles(model: unknown): unknown {
  const m = structuredClone(model) as { departments: { file?: string }[] };
  for (const d of m.departments) delete d.file;
  return m;
}

function resolve(loc: Loc): Record<string, unknown> {
  const out: Record<string, unknown> = plainLocation(loc);
  if (loc.row && loc.field) out.cell = at(loc.field, loc.row);
  return out;
}

async function runCase(c: Case): Promise<Run> {
  const setup = SETUPS[c.id]!;
  const bytes = await setup.bytes();
  expect(bytes.length, 'a hostile file of at most 10 MB').toBeLessThanOrEqual(10 * 1024 * 1024);
  ws = tempWorkspace(SAMPLE);
  const month = join(ws.dir, '2024-09');
  const measure = c.boundMb !== undefined;
  const log = (r: Run) => {
    // ROBUSTNESS_LOG=1 prints what each case took (docs/robustness.md quotes these)
    if (process.env.ROBUSTNESS_LOG) console.log(`${c.id}: ${Math.round(r.ms)} ms${r.maxRssMb === undefined ? '' : `, ${Math.round(r.maxRssMb)} MB`}, input ${(bytes.length / 1e6).toFixed(1)} MB`);
    return r;
  };
  if ((setup.mode ?? 'import') === 'month') {
    rmSync(join(month, 'so-tu-phap.yaml'));
    writeFileSync(join(month, 'so-tu-phap.xlsx'), bytes);
    const before = treeHash(ws.dir);
    let r: Run;
    if (c.exit === 0) {
      r = log(cli(['model', '--data', ws.dir, '--month', '2024-09'], { measure }));
      expectCase(c, { ...r, json: () => ({ diagnostics: [] }) as never });
      expect(withoutFiles(JSON.parse(r.stdout))).toEqual(withoutFiles(setup.baseline ? modelWith(setup.baseline()) : yamlModel));
    } else {
      r = log(cli(['validate', '--data', ws.dir, '--month', '2024-09', '--json'], { measure }));
      expectCase(c, r, resolve);
    }
    expect(treeHash(ws.dir), 'the workspace changed').toEqual(before);
    return r;
  }
  const input = join(ws.dir, 'in.xlsx');
  writeFileSync(input, bytes);
  const before = treeHash(ws.dir);
  const r = log(cli(['import', input, '--data', ws.dir, '--month', '2024-09', '--json'], { measure }));
  expectCase(c, r, resolve);
  expect(treeHash(ws.dir), 'the workspace changed').toEqual(before);
  return r;
}

describe('xlsx: hostile workbooks refused exactly where they are wrong, odd ones read as the clean form', () => {
  it('has a setup for every case of the table, and a case for every setup', () => {
    expect(Object.keys(SETUPS).sort()).toEqual(byArea('xlsx').map((c) => c.id).sort());
  });

  it.each(byArea('xlsx').map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const r = await runCase(c);
    SETUPS[c.id]!.then?.(r);
  }, 120_000);
});
