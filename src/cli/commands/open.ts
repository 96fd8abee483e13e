import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { EXIT, error } from '../../diagnostics/diagnostic.js';
import { CODES } from '../../diagnostics/codes.js';
import { carryForward } from '../../compute/carry-forward.js';
import { previousMonth } from '../../compute/period.js';
import { formatMonth } from '../../format/date.js';
import { loadWorkspace, type Workspace } from '../../workspace/load.js';
import { reportingPeriod } from '../../compute/period.js';
import { staleTextFindings } from '../../rules/stale-texts.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Submission } from '../../schema/submission.js';
import { listMonths, readMonth } from '../../workspace/month.js';
import { reviewHeader } from '../../workspace/review-header.js';
import { submissionYaml } from '../../workspace/submission-yaml.js';
import { writeOutputs, type OutputFile } from '../../workspace/write.js';
import { dataDir, usage, type CommonOptions } from '../options.js';
import { diagnosticsJson, printDiagnostics, printJson, printLine } from '../output.js';
import { parseMonth } from '../../format/parse.js';

async function staleInCreated(ws: Workspace, month: string, created: ReadonlySet<string>, previous: readonly Submission[], prev: string): Promise<Diagnostic[]> {
  const fresh = await readMonth(ws, month);
  const mine = fresh.submissions.filter((s) => created.has(s.file));
  return staleTextFindings(mine, previous, prev, month, reportingPeriod(month, ws.settings.period.cutoffDay));
}

/** Sub-folder of a month for the Excel forms sent to departments (not read as returns). */
export const FORMS_FOLDER = 'bieu-mau';

/** baocao open: creates a month's folder from the previous month — texts carried forward for review, figures emptied. */
export async function run(opts: CommonOptions): Promise<number> {
  const dir = dataDir(opts.data);
  if (!opts.month) throw usage('hãy ghi rõ tháng cần mở: --month YYYY-MM');
  const month = parseMonth(opts.month);
  if (!month) throw usage(`tháng "${opts.month}" không hợp lệ: viết dạng YYYY-MM`);
  const loaded = await loadWorkspace(dir.absolute, dir.shown);
  const ws = loaded.workspace;
  if (!ws) {
    if (opts.json) printJson({ command: 'open', month, created: [], diagnostics: diagnosticsJson(loaded.diagnostics) });
    else printDiagnostics(loaded.diagnostics);
    return EXIT.data;
  }
  const prev = previousMonth(month);
  const months = await listMonths(ws);
  const before = months.includes(prev) ? await readMonth(ws, prev) : null;
  const existing = months.includes(month) ? await readdir(join(ws.dir, month)) : [];
  const created: OutputFile[] = [];
  const skipped: string[] = [];
  for (const d of ws.catalog.departments) {
    const name = `${d.id}.yaml`;
    if (existing.some((f) => f === name || f === `${d.id}.yml` || f === `${d.id}.xlsx`)) {
      skipped.push(join(ws.shown, month, name));
      continue;
    }
    const previous = before?.submissions.find((s) => s.submission.department === d.id)?.submission;
    const note = reviewHeader(d.name, month, previous !== undefined).join('\n');
    created.push({ path: join(ws.dir, month, name), shown: join(ws.shown, month, name), data: submissionYaml(carryForward(ws.catalog, d.id, month, previous), note) });
  }
  const problems = before ? before.diagnostics.filter((x) => x.severity === 'error') : [];
  if (problems.length) {
    const diagnostics = [error(CODES.fileUnreadable, `tháng ${prev} còn lỗi: hãy sửa trước khi mở tháng ${month}`, { file: join(ws.shown, prev) }), ...problems];
    if (opts.json) printJson({ command: 'open', month, created: [], diagnostics: diagnosticsJson(diagnostics) });
    else printDiagnostics(diagnostics);
    return EXIT.data;
  }
  // each department's Excel form beside its file, in a sub-folder the month's reading skips
  const formsDir = join(month, FORMS_FOLDER);
  const { makeForms } = await import('../../excel/make-forms.js');
  const newDepartments = new Set(created.map((c) => basename(c.path, '.yaml')));
  const forms = newDepartments.size
    ? await makeForms({ ws, month, filled: false, outDir: join(ws.dir, formsDir), outShown: join(ws.shown, formsDir) })
    : { outputs: [], diagnostics: [] };
  if (forms.diagnostics.some((d) => d.severity === 'error')) {
    if (opts.json) printJson({ command: 'open', month, created: [], diagnostics: diagnosticsJson(forms.diagnostics) });
    else printDiagnostics(forms.diagnostics);
    return EXIT.data;
  }
  const formFiles: OutputFile[] = forms.outputs
    .filter((f) => newDepartments.has(f.department))
    .map((f) => ({ path: f.path, shown: f.shown, data: f.bytes }));
  await writeOutputs([...created, ...formFiles]);
  // the texts carried word for word that still name last month's period: told now, with their lines
  const stale = before ? await staleInCreated(ws, month, new Set(created.map((c) => c.shown)), before.submissions.map((s) => s.submission), prev) : [];
  if (opts.json) {
    printJson({ command: 'open', month, from: before ? prev : null, created: created.map((c) => c.shown), forms: formFiles.map((f) => f.shown), skipped, diagnostics: diagnosticsJson(stale) });
  } else {
    printDiagnostics(stale);
    printLine(`Đã mở tháng ${month}${before ? ` từ tháng ${prev}` : ''}: tạo ${created.length} tệp${skipped.length ? `, giữ nguyên ${skipped.length} tệp đã có` : ''}.`);
    for (const c of created) printLine(`  + ${c.shown}`);
    if (formFiles.length) printLine(`Biểu mẫu Excel gửi các đơn vị (${formFiles.length} tệp): ${join(ws.shown, formsDir)}`);
    for (const s of skipped) printLine(`  = ${s} (đã có, không ghi đè)`);
    if (stale.length) printLine(`${stale.length} đoạn lời văn chép từ tháng ${formatMonth(prev)} còn nhắc tháng, ngày của kỳ trước (xem cảnh báo ở trên).`);
  }
  return EXIT.ok;
}
