import { EXIT, hasErrors } from '../../diagnostics/diagnostic.js';
import { checkMonth } from '../../pipeline/month.js';
import { dataDir, resolveMonth, type CommonOptions } from '../options.js';
import { diagnosticsJson, printJson, printLine } from '../output.js';
import { departmentStatuses } from '../../pipeline/status.js';

/** baocao status: for each department, submitted or missing, with its errors and warnings. */
export async function run(opts: CommonOptions): Promise<number> {
  const dir = dataDir(opts.data);
  const month = await resolveMonth(opts.month, dir);
  const r = await checkMonth(dir.absolute, dir.shown, month);
  if (!r.workspace) {
    if (opts.json) printJson({ command: 'status', month, departments: [], diagnostics: diagnosticsJson(r.diagnostics) });
    else for (const d of r.diagnostics) process.stderr.write(`${d.file ?? ''}: ${d.message}\n`);
    return EXIT.data;
  }
  const rows = await departmentStatuses(r);
  if (opts.json) {
    printJson({ command: 'status', month, departments: rows, diagnostics: diagnosticsJson(r.diagnostics) });
  } else {
    const submitted = rows.filter((x) => x.status === 'submitted').length;
    printLine(`Tình hình gửi báo cáo tháng ${month} (${submitted}/${rows.length} đơn vị đã gửi):`);
    const width = Math.max(...rows.map((x) => x.name.length), 6);
    for (const x of rows) {
      const state = x.status === 'submitted' ? 'đã gửi                  ' : x.pendingReview ? 'CHƯA GỬI (chưa xem lại) ' : 'CHƯA GỬI                ';
      const counts = x.file ? `${x.errors} lỗi, ${x.warnings} cảnh báo` : '';
      const changed = x.lastModified ? `  sửa lần cuối ${x.lastModified.slice(0, 16).replace('T', ' ')}` : '';
      const unchanged = x.unchangedTexts > 0 ? `, ${x.unchangedTexts} đoạn lời văn giống tháng trước` : '';
      printLine(`  ${x.name.padEnd(width)}  ${state}  ${counts}${unchanged}${changed}`);
    }
    const general = r.diagnostics.filter((d) => d.severity === 'error' && !rows.some((x) => x.file && d.file === x.file));
    if (general.length) printLine(`Lỗi chung (danh mục, report.yaml…): ${general.length}; chạy "baocao validate" để xem chi tiết.`);
  }
  return hasErrors(r.diagnostics) ? EXIT.data : EXIT.ok;
}
