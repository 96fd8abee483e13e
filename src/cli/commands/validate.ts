import { EXIT, hasErrors } from '../../diagnostics/diagnostic.js';
import { checkMonth } from '../../pipeline/month.js';
import { terminalProgress } from '../progress.js';
import { prepareTexts } from '../../pipeline/render-outputs.js';
import { citationDiagnostics } from '../../pipeline/citations.js';
import { templatesDir } from '../templates-dir.js';
import { dataDir, resolveMonth, type CommonOptions } from '../options.js';
import { diagnosticsJson, printDiagnostics, printJson, printLine, summarize } from '../output.js';

/** baocao validate: reads and checks every return of a month; changes nothing. */
export async function run(opts: CommonOptions): Promise<number> {
  const dir = dataDir(opts.data);
  const month = await resolveMonth(opts.month, dir);
  const progress = terminalProgress(opts.json);
  const checked = await checkMonth(dir.absolute, dir.shown, month, progress);
  // the values the report's sentences cite, as `build` would find them missing
  const prepared = checked.model ? await prepareTexts(checked.model, await templatesDir(undefined, dir.absolute)) : undefined;
  // a template that cannot run on this workspace is build's error; validate, which checks the data, tells it as a warning
  const cited = !prepared || !checked.model ? [] : 'diagnostics' in prepared ? prepared.diagnostics.map((d) => ({ ...d, severity: 'warning' as const, message: `không kiểm tra được số liệu mà báo cáo trích dẫn: ${d.message}` })) : citationDiagnostics(checked, checked.model, prepared.citations);
  const r = { ...checked, diagnostics: [...checked.diagnostics, ...cited] };
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
