import { EXIT, hasErrors } from '../../diagnostics/diagnostic.js';
import { diffMonths } from '../../compute/diff.js';
import { previousMonth } from '../../compute/period.js';
import { formatDelta } from '../../format/delta.js';
import { formatNumber } from '../../format/number.js';
import { parseMonth } from '../../format/parse.js';
import { checkMonth } from '../../pipeline/month.js';
import { dataDir, resolveMonth, usage, type CommonOptions } from '../options.js';
import { diagnosticsJson, printDiagnostics, printJson, printLine } from '../output.js';

const FIELD: Record<string, string> = {
  total: 'tổng hồ sơ',
  online: 'trực tuyến',
  onTime: 'đúng hạn',
  overdue: 'quá hạn',
  value: 'giá trị',
  difficulties: 'khó khăn, vướng mắc',
  connection: 'kết nối',
  statusLabel: 'trạng thái',
  progress: 'đánh giá tiến độ',
  results: 'kết quả triển khai',
  effectiveness: 'đánh giá hiệu quả',
  funding: 'kinh phí',
  continuation: 'tiếp tục, nhân rộng',
  items: 'lời văn',
};
const STATUS: Record<string, string> = { changed: 'đã sửa', unchanged: 'giữ nguyên', added: 'mới', removed: 'đã bỏ', 'not-submitted': 'chưa có báo cáo tháng này' };

/** A text as one short line: "Đã kết nối", "Sở Tư pháp đã ban hành …" */
function brief(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (!line) return '(trống)';
  return line.length > 70 ? `"${line.slice(0, 69)}…"` : `"${line}"`;
}

/** baocao diff: what changed between two months, for every row, indicator and model. */
export async function run(opts: CommonOptions & { against?: string; all?: boolean }): Promise<number> {
  const dir = dataDir(opts.data);
  const month = await resolveMonth(opts.month, dir);
  const against = opts.against === undefined ? previousMonth(month) : parseMonth(opts.against);
  if (!against) throw usage(`tháng so sánh "${opts.against}" không hợp lệ: viết dạng YYYY-MM`);
  const [a, b] = await Promise.all([checkMonth(dir.absolute, dir.shown, month), checkMonth(dir.absolute, dir.shown, against)]);
  const problems = [...a.diagnostics, ...b.diagnostics].filter((d) => d.severity === 'error');
  if (!a.model || !b.model || hasErrors(problems)) {
    if (opts.json) printJson({ command: 'diff', month, against, diagnostics: diagnosticsJson(problems) });
    else printDiagnostics(problems);
    return EXIT.data;
  }
  const d = diffMonths(a.model, b.model);
  if (opts.json) {
    printJson({ command: 'diff', ...d, diagnostics: [] });
    return EXIT.ok;
  }
  const moved = d.figures.filter((f) => opts.all || f.delta.direction !== 'unchanged');
  printLine(`So sánh tháng ${month} với tháng ${against}: ${moved.length} số liệu thay đổi.`);
  for (const f of moved) {
    const v = (x: number | null) => (x === null ? '—' : formatNumber(x));
    const how = f.notSubmitted && f.after === null ? 'chưa có báo cáo tháng này' : formatDelta(f.delta);
    printLine(`  ${f.id.padEnd(24)} ${FIELD[f.field] ?? f.field}: ${v(f.before)} → ${v(f.after)} (${how})   ${f.name.slice(0, 60)}`);
  }
  const texts = d.texts.filter((t) => opts.all || t.status !== 'unchanged');
  const same = d.texts.filter((t) => t.status === 'unchanged' && (t.kind === 'model' || t.kind === 'section')).length;
  printLine(`Lời văn và trạng thái: ${texts.length} thay đổi; ${same} ô lời văn (mô hình, mục báo cáo) giữ nguyên như tháng trước.`);
  for (const t of texts) {
    printLine(`  ${t.id.padEnd(24)} ${FIELD[t.field] ?? t.field}: ${STATUS[t.status]}   ${t.name.slice(0, 60)}`);
    if (t.status !== 'unchanged' && t.status !== 'not-submitted') printLine(`  ${''.padEnd(24)}   ${brief(t.before)} → ${brief(t.after)}`);
  }
  return EXIT.ok;
}
