import ExcelJS from 'exceljs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { loadWorkspace, type Workspace } from '../../src/workspace/load.js';
import { makeForms } from '../../src/excel/make-forms.js';
import { readZipDirectory, dataOffset } from '../../src/excel/zip.js';
import { SAMPLE } from '../helpers/workspace.js';

/** Workbooks for the Excel tests are generated here, with exceljs, the way an officer's Excel would save them. */

const cache = new Map<string, Promise<Workspace>>();

export function workspace(dir: string = SAMPLE): Promise<Workspace> {
  let p = cache.get(dir);
  if (!p) {
    p = loadWorkspace(dir, 'data').then((r) => {
      if (!r.workspace) throw new Error(JSON.stringify(r.diagnostics, null, 2));
      return r.workspace;
    });
    cache.set(dir, p);
  }
  return p;
}

export async function formBytes(department: string, filled = false, month = '2024-09', ws?: Workspace): Promise<Uint8Array> {
  const w = ws ?? (await workspace());
  const r = await makeForms({ ws: w, month, department, filled, outDir: '/tmp/unused', outShown: 'out' });
  const out = r.outputs[0];
  if (!out) throw new Error(JSON.stringify(r.diagnostics, null, 2));
  return out.bytes;
}

export async function openBook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

export async function saveBook(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Edits a workbook as an officer would, and saves it. */
export async function edit(bytes: Uint8Array, change: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<Uint8Array> {
  const wb = await openBook(bytes);
  await change(wb);
  return saveBook(wb);
}

/** The address of a form cell by row key (hidden column A) and field key (hidden row 1). */
export function formCell(ws: ExcelJS.Worksheet, rowKey: string, field: string): string {
  let row = 0;
  let col = 0;
  ws.eachRow((r, n) => {
    if (String(r.getCell(1).value ?? '') === rowKey && !row) row = n;
  });
  ws.getRow(1).eachCell((c, n) => {
    if (String(c.value ?? '') === field) col = n;
  });
  if (!row || !col) throw new Error(`no cell ${rowKey} / ${field} in ${ws.name}`);
  return ws.getCell(row, col).address;
}

export class TempDir {
  readonly dir = mkdtempSync(join(tmpdir(), 'baocao-xlsx-'));
  write(name: string, bytes: Uint8Array | string): string {
    const p = join(this.dir, name);
    writeFileSync(p, bytes);
    return p;
  }
  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** name → size and mtime of every file under a folder, to prove nothing was written */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const st = statSync(p);
        out[p] = `${st.size}:${st.mtimeMs}:${readFileSync(p).toString('base64').length}`;
      }
    }
  };
  walk(dir);
  return out;
}

/** The inflated text of one part of an .xlsx (e.g. "xl/worksheets/sheet2.xml"). */
export function zipPart(bytes: Uint8Array, name: string): string {
  const e = readZipDirectory(bytes).entries.find((x) => x.name === name);
  if (!e) throw new Error(`no ${name}`);
  const start = dataOffset(bytes, e);
  const data = bytes.subarray(start, start + e.compressedSize);
  return (e.method === 0 ? Buffer.from(data) : inflateRawSync(data)).toString('utf8');
}

export function zipNames(bytes: Uint8Array): string[] {
  return readZipDirectory(bytes).entries.map((e) => e.name);
}
