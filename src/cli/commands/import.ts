import { stat } from 'node:fs/promises';
import { EXIT, hasErrors } from '../../diagnostics/diagnostic.js';
import { parseMonth } from '../../format/parse.js';
import { loadWorkspace } from '../../workspace/load.js';
import { writeOutputs } from '../../workspace/write.js';
import { dataDir, usage } from '../options.js';
import { diagnosticsJson, printDiagnostics, printJson, printLine, summarize } from '../output.js';

export interface ImportOptions {
  readonly files: readonly string[];
  readonly month: string;
  readonly json?: boolean;
  readonly data: string;
  readonly dryRun?: boolean;
}

/** baocao import: filled forms and Phụ lục I/II sheets → the departments' YAML files (docs/excel.md). */
export async function run(opts: ImportOptions): Promise<number> {
  const month = parseMonth(opts.month ?? '');
  if (!month) throw usage(`tháng "${opts.month ?? ''}" không hợp lệ: viết dạng YYYY-MM, ví dụ --month 2024-09`);
  if (!opts.files?.length) throw usage('hãy ghi tên ít nhất một tệp .xlsx cần nhập, ví dụ: baocao import so-tu-phap.xlsx --month 2024-09');
  const dir = dataDir(opts.data);
  // the workbooks are read while the workspace loads: their parts inflate on zlib's threads meanwhile
  const { openWorkbook } = await import('../../excel/read-submission.js');
  const files = opts.files.map((f) => {
    const { absolute, shown } = dataDir(f);
    return { absolute, shown, opening: openWorkbook(absolute, shown) };
  });
  const loaded = await loadWorkspace(dir.absolute, dir.shown);
  const ws = loaded.workspace;
  type Refused = { file: string; departments: readonly string[] };
  const finish = (writes: { department: string; shown: string; changed: boolean }[], refused: readonly Refused[], diagnostics: typeof loaded.diagnostics) => {
    if (opts.json) {
      const list = (changed: boolean) => writes.filter((w) => w.changed === changed).map((w) => ({ department: w.department, path: w.shown }));
      printJson({ command: 'import', month, dryRun: Boolean(opts.dryRun), written: list(true), unchanged: list(false), refused, diagnostics: diagnosticsJson(diagnostics) });
    } else printDiagnostics(diagnostics);
  };
  if (!ws) {
    finish([], [], loaded.diagnostics);
    return EXIT.data;
  }
  for (const f of files) {
    if (!(await isFile(f.absolute))) throw usage(`không tìm thấy tệp "${f.shown}"`);
  }
  const { planImport } = await import('../../excel/import.js');
  const r = await planImport(ws, month, files);
  const diagnostics = [...loaded.diagnostics, ...r.diagnostics];
  // a problem of the workspace itself refuses everything; otherwise each file's problems refuse that file only
  const refused: Refused[] = hasErrors(loaded.diagnostics) ? files.map((f) => ({ file: f.shown, departments: [] })) : r.refused;
  const writes = hasErrors(loaded.diagnostics) ? [] : r.writes;
  const listRefused = () => {
    printLine(`Không nhập ${refused.length} tệp có lỗi (xem trên; báo cáo của các đơn vị trong các tệp này giữ nguyên):`);
    for (const x of refused) printLine(`  ✗ ${x.file}${x.departments.length ? ` (${x.departments.join(', ')})` : ''}`);
  };
  if (!writes.length && refused.length) {
    finish([], refused, diagnostics);
    if (!opts.json) {
      printLine(`Không ghi tệp nào (${summarize(diagnostics)}): hãy sửa các lỗi trên rồi nhập lại.`);
      listRefused();
    }
    return EXIT.data;
  }
  if (!opts.dryRun) await writeOutputs(writes.filter((w) => w.changed).map((w) => ({ path: w.path, shown: w.shown, data: w.data })));
  finish(writes, refused, diagnostics);
  if (!opts.json) {
    const verb = opts.dryRun ? 'Sẽ ghi' : 'Đã ghi';
    const changed = writes.filter((w) => w.changed).length;
    const same = writes.length - changed;
    printLine(`${verb} ${changed} tệp tháng ${month}${same ? `, ${same} tệp không thay đổi` : ''}${r.legacyRows ? ` (${r.legacyRows} dòng từ bảng Phụ lục)` : ''}:`);
    for (const w of writes) printLine(`  ${w.created ? '+' : w.changed ? '~' : '='} ${w.shown} (từ ${w.from.join(', ')})`);
    if (refused.length) listRefused();
    if (opts.dryRun) printLine('(chạy thử: chưa ghi gì; bỏ --dry-run để ghi)');
  }
  return refused.length ? EXIT.data : EXIT.ok;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
