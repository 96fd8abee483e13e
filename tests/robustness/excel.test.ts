import type ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SAMPLE, tempWorkspace, type TempWorkspace } from '../helpers/workspace.js';
import { edit, formBytes, formCell, openBook } from '../excel/helpers.js';
import { CONTENT_TYPES, makeZip, oleFile } from '../excel/zip-builder.js';
import { byArea, FORM, SVC, type Case, type Loc } from './cases.js';
import { cli, expectCase, plainLocation, treeHash, type Run } from './harness.js';
import { sheetPart, withPart } from './workbook-edits.js';

/**
 * Broken and hostile workbooks through the CLI on a copy of the sample (data/): Sở Tư pháp's return as an
 * Excel form in the month folder instead of its YAML file (checked with `build`, which must write nothing, or
 * with `model` when accepted: the model must be the one its YAML gives), or given to `import`.
 */

const MB = 1024 * 1024;
const LEGACY = join(ROOT, 'fixtures', 'excel', 'legacy-phu-luc-1.xlsx');
const ROW = 'service:qd06-09';

type Mode = 'month' | 'import' | 'import-dry';
interface Setup {
  readonly bytes: () => Promise<Uint8Array>;
  readonly mode?: Mode;
  /** file name in the month folder (default so-tu-phap.xlsx) */
  readonly name?: string;
  /** for accepted returns: a check on the model, instead of equality with the YAML return's model */
  readonly model?: (m: ModelJson) => void;
}

interface ModelJson {
  qd06: { groups: { rows: { id: string; total: number | null; online: number | null }[] }[] };
}

let form: Uint8Array;
let yamlModel: unknown;

const svc = (wb: ExcelJS.Workbook) => wb.getWorksheet(SVC)!;
const cellOf = (wb: ExcelJS.Workbook, field: string, row = ROW) => svc(wb).getCell(formCell(svc(wb), row, field));
const change = (f: (wb: ExcelJS.Workbook) => void) => () => edit(form, f);
const total4681 = (m: ModelJson) => expect(m.qd06.groups.flatMap((g) => g.rows).find((r) => r.id === 'qd06-09')!.total).toBe(4681);

/** Inserts a column as Excel does: merged ranges across it grow (exceljs' spliceColumns leaves them behind). */
function insertColumn(ws: ExcelJS.Worksheet, at: number, values: ExcelJS.CellValue[]): void {
  ws.unprotect();
  const merges = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges);
  const ranges = merges.map((m) => ws.getCell(m).master.address).map((a) => (ws as unknown as { _merges: Record<string, { range: string }> })._merges[a]!.range);
  for (const r of ranges) ws.unMergeCells(r);
  ws.spliceColumns(at, 0, values);
  for (const r of ranges) {
    const [a, b] = r.split(':').map((x) => ws.getCell(x!).fullAddress);
    const shift = (col: number) => (col >= at ? col + 1 : col);
    ws.mergeCells(a!.row, shift(a!.col), b!.row, b!.col >= at ? b!.col + 1 : b!.col);
  }
}

/** A model without the paths of the departments' files (an .xlsx instead of a .yaml, another folder). */
function withoutFiles(model: unknown): unknown {
  const m = structuredClone(model) as { departments: { file?: string }[] };
  for (const d of m.departments) delete d.file;
  return m;
}

function appendRow(bytes: Uint8Array, rowXml: string): Uint8Array {
  return withPart(bytes, sheetPart(bytes, SVC), (xml) => xml.replace('</sheetData>', `${rowXml}</sheetData>`));
}

const SETUPS: Record<string, Setup> = {
  'xl.decimal-text': { bytes: change((wb) => (cellOf(wb, 'total').value = '12,5')) },
  'xl.decimal-number': { bytes: change((wb) => (cellOf(wb, 'total').value = 12.5)) },
  'xl.div0': { bytes: change((wb) => (cellOf(wb, 'online').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue)) },
  'xl.formula-no-result': { bytes: change((wb) => (cellOf(wb, 'total').value = { formula: 'SUM(Z1:Z3)' } as ExcelJS.CellFormulaValue)) },
  'xl.formula-result': { bytes: change((wb) => (cellOf(wb, 'total').value = { formula: '4000+681', result: 4681 } as ExcelJS.CellFormulaValue)), model: total4681 },
  'xl.merged': {
    bytes: change((wb) => {
      svc(wb).unprotect();
      svc(wb).mergeCells(`${formCell(svc(wb), ROW, 'total')}:${formCell(svc(wb), ROW, 'online')}`);
    }),
  },
  'xl.rich-text': { bytes: change((wb) => (cellOf(wb, 'total').value = { richText: [{ text: '46' }, { text: '81', font: { bold: true } }] })), model: total4681 },
  'xl.date': {
    bytes: change((wb) => {
      const c = cellOf(wb, 'onTime');
      c.value = new Date(Date.UTC(2024, 8, 15));
      c.style = { ...c.style, numFmt: 'd/m/yyyy' };
    }),
  },
  'xl.boolean': { bytes: change((wb) => (cellOf(wb, 'overdue').value = true)) },
  'xl.size-cap': { bytes: async () => Buffer.concat([Buffer.from(form), Buffer.alloc(21 * MB)]) },
  'xl.50mb': {
    bytes: async () => {
      const files = unzipSync(form);
      const picture = new Uint8Array(50 * MB);
      for (let i = 0; i < picture.length; i += 4096) picture[i] = (i * 2654435761) >>> 24; // not compressible to nothing
      return zipSync({ ...files, 'xl/media/image1.png': [picture, { level: 0 }] });
    },
  },
  'xl.not-zip': { bytes: async () => strToU8('STT;Dịch vụ công;Tổng\n1;Đăng ký khai sinh;4681\n') },
  'xl.xls-renamed': { bytes: async () => oleFile(['Workbook', 'SummaryInformation']) },
  'xl.xls': { bytes: async () => oleFile(['Workbook', 'SummaryInformation']), name: 'so-tu-phap.xls' },
  'xl.encrypted': { bytes: async () => oleFile(['EncryptionInfo', 'EncryptedPackage']) },
  'xl.zip-bomb-ratio': {
    bytes: async () =>
      makeZip([
        { name: '[Content_Types].xml', data: CONTENT_TYPES },
        { name: 'xl/workbook.xml', data: '<workbook/>' },
        { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(200 * MB) },
      ]),
  },
  'xl.zip-bomb-lying': {
    bytes: async () =>
      makeZip([
        { name: '[Content_Types].xml', data: CONTENT_TYPES },
        { name: 'xl/workbook.xml', data: '<workbook/>' },
        { name: 'xl/sharedStrings.xml', data: new Uint8Array(4 * MB), declaredSize: 1000 },
      ]),
  },
  'xl.truncated': { bytes: async () => form.subarray(0, Math.floor(form.length / 2)) },
  'xl.ods': {
    bytes: async () =>
      makeZip([
        { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 0 },
        { name: 'content.xml', data: '<office:document-content/>' },
      ]),
  },
  'xl.hidden-sheet': { bytes: change((wb) => (svc(wb).state = 'hidden')) },
  'xl.renamed-sheet': { bytes: change((wb) => (svc(wb).name = 'DVC tháng 9')) },
  'xl.column-added': { bytes: change((wb) => insertColumn(svc(wb), 8, ['Ghi chú'])) },
  'xl.column-moved': {
    bytes: change((wb) => {
      const s = svc(wb);
      s.unprotect();
      const from = s.getCell(formCell(s, ROW, 'difficulties')).fullAddress.col;
      const values = s.getColumn(from).values as ExcelJS.CellValue[];
      s.spliceColumns(from, 1);
      s.spliceColumns(4, 0, values.slice(1));
    }),
  },
  'xl.column-removed': {
    bytes: change((wb) => {
      const s = svc(wb);
      s.unprotect();
      s.spliceColumns(s.getCell(formCell(s, ROW, 'total')).fullAddress.col, 1);
    }),
  },
  'xl.header-moved-down': {
    bytes: change((wb) => {
      svc(wb).unprotect();
      svc(wb).spliceRows(1, 0, [], []);
    }),
  },
  'xl.row-below-table': {
    bytes: change((wb) => {
      const s = svc(wb);
      const c = s.getCell(formCell(s, ROW, 'total')).fullAddress.col;
      s.getCell(s.rowCount + 3, c).value = 1234;
    }),
  },
  'xl.row-past-limit': { bytes: async () => appendRow(form, '<row r="1000000000"><c r="H1000000000"><v>5</v></c></row>') },
  'xl.column-past-limit': { bytes: async () => appendRow(form, '<row r="90"><c r="ZZZZZZ90"><v>5</v></c></row>') },
  'xl.dimension-lie': { bytes: async () => withPart(form, sheetPart(form, SVC), (xml) => xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')) },
  'xl.last-row': { bytes: change((wb) => (svc(wb).getCell(1_048_576, 1).value = ROW)) },
  'xl.import-div0': { bytes: change((wb) => (cellOf(wb, 'online').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue)), mode: 'import' },
  'xl.legacy-header-down': { bytes: async () => edit(new Uint8Array(readFileSync(LEGACY)), (wb) => void wb.worksheets[0]!.spliceRows(1, 0, [], [], [], [], [])), mode: 'import-dry' },
  'xl.legacy-header-far': { bytes: async () => edit(new Uint8Array(readFileSync(LEGACY)), (wb) => void wb.worksheets[0]!.spliceRows(1, 0, ...Array.from({ length: 60 }, () => []))), mode: 'import' },
  'xl.legacy-hidden': {
    bytes: async () =>
      edit(new Uint8Array(readFileSync(LEGACY)), (wb) => {
        wb.addWorksheet('Ghi chú').getCell('A1').value = 'Bảng số liệu ở trang bên';
        wb.worksheets[0]!.state = 'hidden';
      }),
    mode: 'import',
  },
};

beforeAll(async () => {
  form = await formBytes('so-tu-phap', true);
  const m = cli(['model', '--data', SAMPLE, '--month', '2024-09']);
  expect(m.code, m.stderr).toBe(0);
  yamlModel = JSON.parse(m.stdout) as unknown;
}, 60_000);

let ws: TempWorkspace | undefined;
afterEach(() => {
  ws?.dispose();
  ws = undefined;
});

/** The cell a symbolic location names, in the workbook the test wrote. */
async function resolver(bytes: Uint8Array): Promise<(loc: Loc) => Record<string, unknown>> {
  let book: ExcelJS.Workbook | undefined;
  try {
    book = await openBook(bytes);
  } catch {
    book = undefined;
  }
  return (loc) => {
    const out: Record<string, unknown> = plainLocation(loc);
    if (loc.row && loc.field && book) out.cell = formCell(book.getWorksheet(loc.sheet!)!, loc.row, loc.field);
    return out;
  };
}

async function runCase(c: Case): Promise<Run> {
  const setup = SETUPS[c.id]!;
  const bytes = await setup.bytes();
  const mode = setup.mode ?? 'month';
  ws = tempWorkspace(SAMPLE);
  const month = join(ws.dir, '2024-09');
  let r: Run;
  if (mode === 'month') {
    rmSync(join(month, 'so-tu-phap.yaml'));
    writeFileSync(join(month, setup.name ?? 'so-tu-phap.xlsx'), bytes);
    const before = treeHash(ws.dir);
    if (c.exit === 0) {
      r = cli(['model', '--data', ws.dir, '--month', '2024-09']);
      expectCase(c, { ...r, json: () => ({ diagnostics: [] }) as never });
      const model = JSON.parse(r.stdout) as ModelJson;
      if (setup.model) setup.model(model);
      else expect(withoutFiles(model)).toEqual(withoutFiles(yamlModel));
    } else {
      r = cli(['build', '--data', ws.dir, '--month', '2024-09', '--out', join(ws.dir, 'out'), '--json']);
      expectCase(c, r, await resolver(bytes));
      expect(r.json().outputs ?? []).toEqual([]);
    }
    expect(treeHash(ws.dir), 'the workspace changed').toEqual(before);
    return r;
  }
  const input = join(ws.dir, 'in.xlsx');
  writeFileSync(input, bytes);
  const before = treeHash(month);
  r = cli(['import', input, '--data', ws.dir, '--month', '2024-09', '--json', ...(mode === 'import-dry' ? ['--dry-run'] : [])]);
  expectCase(c, r, await resolver(bytes));
  expect(treeHash(month), 'the month folder changed').toEqual(before);
  return r;
}

describe('Excel: every bad workbook gets a located error; nothing is written', () => {
  it('has a setup for every case of the table, and a case for every setup', () => {
    expect(Object.keys(SETUPS).sort()).toEqual(byArea('Excel').map((c) => c.id).sort());
  });

  it.each(byArea('Excel').map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const r = await runCase(c);
    if (c.id === 'xl.legacy-header-down') {
      const plain = cli(['import', LEGACY, '--data', SAMPLE, '--month', '2024-09', '--json', '--dry-run']);
      const departments = (x: Run) => {
        const j = x.json<{ written: { department: string }[]; unchanged: { department: string }[] }>();
        return [...j.written, ...j.unchanged].map((w) => w.department).sort();
      };
      expect(departments(r)).toEqual(departments(plain));
      expect(departments(r).length).toBeGreaterThan(3);
    }
    if (c.id === 'xl.row-past-limit') {
      const messages = r.json<{ diagnostics: { message: string }[] }>().diagnostics.map((d) => d.message);
      expect(messages).toContainEqual(expect.stringContaining('có dòng 1.000.000.000, quá giới hạn 1.048.576 dòng của Excel'));
    }
  }, 60_000);
});
