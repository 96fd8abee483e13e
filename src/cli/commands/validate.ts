import { EXIT, hasErrors } from '../../diagnostics/diagnostic.js';
import { checkMonth } from '../../pipeline/month.js';
import { terminalProgress } from '../progress.js';
import { prepareTexts } from '../../pipeline/render-outputs.js';
import { citationDiagnostics } from '../../pipeline/citations.js';
import { templatesDir } from '../templates-dir.js';
import { checkWorkspace, templateWarnings } from '../../pipeline/workspace-check.js';
import { dataDir, monthOrNone, type CommonOptions, type DataDir } from '../options.js';
import { diagnosticsJson, printDiagnostics, printJson, printLine, summarize } from '../output.js';

/** baocao validate: reads and checks every return of a month; changes nothing. */
export async function run(opts: CommonOptions): Promise<number> {
  const dir = dataDir(opts.data);
  const month = await monthOrNone(opts.month, dir);
  const templates = await templatesDir(undefined, dir.absolute);
  if (month === undefined) return workspaceOnly(opts, dir, templates);
  const progress = terminalProgress(opts.json);
  const checked = await checkMonth(dir.absolute, dir.shown, month, progress);
  // the values the report's sentences cite, as `build` would find them missing
  const prepared = checked.model ? await prepareTexts(checked.model, templates) : undefined;
  // a template that cannot run on this workspace is build's error; validate, which checks the data, tells it as a warning
  const cited = !prepared || !checked.model ? [] : 'diagnostics' in prepared ? prepared.diagnostics.map((d) => ({ ...d, severity: 'warning' as const, message: `không kiểm tra được số liệu mà báo cáo trích dẫn: ${d.message}` })) : citationDiagnostics(checked, checked.model, prepared.citations);
  const r = { ...checked, diagnostics: [...checked.diagnostics, ...cited, ...(await templateWarnings(templates, checked.workspace?.definition))] };
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

/** A workspace without any month folder yet (a new one): its report.yaml, catalogs and templates are checked. */
async function workspaceOnly(opts: CommonOptions, dir: DataDir, templates: string): Promise<number> {
  const diagnostics = await checkWorkspace(dir.absolute, dir.shown, templates);
  const failed = hasErrors(diagnostics);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (opts.json) {
    printJson({ command: 'validate', month: null, ok: !failed, errors, warnings: diagnostics.length - errors, files: [], missing: [], diagnostics: diagnosticsJson(diagnostics) });
  } else {
    printDiagnostics(diagnostics);
    printLine(`"${dir.shown}" chưa có thư mục tháng nào: đã kiểm tra report.yaml, danh mục và mẫu văn bản; ${summarize(diagnostics)}.`);
    printLine(failed ? 'Có lỗi: hãy sửa các lỗi trên rồi chạy lại.' : `Hợp lệ. Tạo tháng đầu tiên bằng "baocao open --data ${dir.shown} --month YYYY-MM".`);
  }
  return failed ? EXIT.data : EXIT.ok;
}
