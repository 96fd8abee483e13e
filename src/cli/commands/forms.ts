import { resolve } from 'node:path';
import { EXIT, hasErrors } from '../../diagnostics/diagnostic.js';
import { parseMonth } from '../../format/parse.js';
import { loadWorkspace } from '../../workspace/load.js';
import { writeOutputs } from '../../workspace/write.js';
import { dataDir, usage } from '../options.js';
import { diagnosticsJson, printDiagnostics, printJson, printLine, summarize } from '../output.js';

export interface FormsOptions {
  readonly month: string;
  readonly department?: string;
  readonly out?: string;
  readonly filled?: boolean;
  readonly json?: boolean;
  readonly data: string;
}

/** baocao forms: writes one Excel form per department (docs/excel.md). */
export async function run(opts: FormsOptions): Promise<number> {
  const month = parseMonth(opts.month ?? '');
  if (!month) throw usage(`tháng "${opts.month ?? ''}" không hợp lệ: viết dạng YYYY-MM, ví dụ --month 2024-09`);
  const dir = dataDir(opts.data);
  const out = dataDir(opts.out ?? `out/bieu-mau/${month}`);
  const loaded = await loadWorkspace(dir.absolute, dir.shown);
  const ws = loaded.workspace;
  const finish = (outputs: { department: string; shown: string }[], diagnostics: typeof loaded.diagnostics) => {
    if (opts.json) printJson({ command: 'forms', month, outputs: outputs.map((o) => ({ department: o.department, path: o.shown })), diagnostics: diagnosticsJson(diagnostics) });
    else printDiagnostics(diagnostics);
  };
  if (!ws) {
    finish([], loaded.diagnostics);
    return EXIT.data;
  }
  if (opts.department !== undefined && !ws.catalog.departments.some((d) => d.id === opts.department)) {
    throw usage(`đơn vị "${opts.department}" không có trong danh mục (các mã: ${ws.catalog.departments.map((d) => d.id).join(', ')})`);
  }
  const { makeForms } = await import('../../excel/make-forms.js');
  const r = await makeForms({ ws, month, ...(opts.department ? { department: opts.department } : {}), filled: Boolean(opts.filled), outDir: out.absolute, outShown: out.shown });
  const diagnostics = [...loaded.diagnostics, ...r.diagnostics];
  if (hasErrors(diagnostics)) {
    finish([], diagnostics);
    if (!opts.json) printLine(`Không tạo biểu mẫu nào (${summarize(diagnostics)}).`);
    return EXIT.data;
  }
  await writeOutputs(r.outputs.map((o) => ({ path: o.path, shown: o.shown, data: o.bytes })));
  finish(r.outputs, diagnostics);
  if (!opts.json) {
    printLine(`Đã tạo ${r.outputs.length} biểu mẫu tháng ${month}${opts.filled ? ' (có số liệu hiện có)' : ''} trong ${out.shown}:`);
    for (const o of r.outputs) printLine(`  + ${o.shown}`);
  }
  return EXIT.ok;
}
