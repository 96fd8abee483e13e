import { EXIT, hasErrors } from '../../diagnostics/diagnostic.js';
import { checkMonth } from '../../pipeline/month.js';
import { terminalProgress } from '../progress.js';
import { dataDir, resolveMonth, type CommonOptions } from '../options.js';
import { diagnosticsJson, printDiagnostics, printJson, printLine, summarize } from '../output.js';

/** baocao validate: reads and checks every return of a month; changes nothing. */
export async function run(opts: CommonOptions): Promise<number> {
  const dir = dataDir(opts.data);
  const month = await resolveMonth(opts.month, dir);
  const progress = terminalProgress(opts.json);
  const r = await checkMonth(dir.absolute, dir.shown, month, progress);
  progress.end();
  const failed = hasErrors(r.diagnostics);
  const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
  if (opts.json) {
    printJson({
      command: 'validate',
      month,
      ok: !failed,
      errors,
      warnings: r.diagnostics.length - errors,
      files: r.files,
      missing: r.missing.map((d) => d.id),
      diagnostics: diagnosticsJson(r.diagnostics),
    });
  } else {
    printDiagnostics(r.diagnostics);
    printLine(`Tháng ${month}: đã kiểm tra ${r.files.length} tệp, ${r.submissions.length} đơn vị đã gửi, ${r.missing.length} đơn vị chưa gửi; ${summarize(r.diagnostics)}.`);
    printLine(failed ? 'Có lỗi: hãy sửa các lỗi trên rồi chạy lại.' : 'Số liệu hợp lệ.');
  }
  return failed ? EXIT.data : EXIT.ok;
}
