import { join } from 'node:path';
import { EXIT, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { CODES } from '../../diagnostics/codes.js';
import { checkMonth } from '../../pipeline/month.js';
import { buildDate } from '../../pipeline/build-date.js';
import { draftProblems } from '../../pipeline/draft-problems.js';
import { terminalProgress } from '../progress.js';
import type { Progress } from '../../pipeline/progress.js';
import { writeOutputs, type OutputFile } from '../../workspace/write.js';
import { checkWorkspace, templateWarnings } from '../../pipeline/workspace-check.js';
import { dataDir, monthOrNone, noMonth, usage, type CommonOptions, type DataDir } from '../options.js';
import { diagnosticsJson, printDiagnostics, printJson, printLine, summarize } from '../output.js';
import { prepareTexts, renderOutputs, FORMATS, type Format } from '../../pipeline/render-outputs.js';
import { citationDiagnostics } from '../../pipeline/citations.js';
import { templatesDir } from '../templates-dir.js';

export interface BuildOptions extends CommonOptions {
  readonly out?: string;
  readonly format?: string;
  readonly draft?: boolean;
  readonly pdf?: boolean;
  readonly templates?: string;
}

function formats(opt: string | undefined): Format[] {
  const list = (opt ?? FORMATS.join(',')).split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const bad = list.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (bad.length || list.length === 0) throw usage(`định dạng "${bad.join(',') || opt}" không có: chọn trong ${FORMATS.join(', ')} (ví dụ --format docx,xlsx)`);
  return [...new Set(list)] as Format[];
}

/** baocao build: the month's report (.docx) and appendices (.xlsx); data errors stop it unless --draft. */
export async function run(opts: BuildOptions): Promise<number> {
  const dir = dataDir(opts.data);
  const wanted = formats(opts.format);
  const month = await monthOrNone(opts.month, dir);
  if (month === undefined) return noMonthYet(opts, dir);
  const progress = terminalProgress(opts.json);
  try {
    return await buildMonth(opts, dir, wanted, month, opts.draft === true, progress);
  } finally {
    progress.end();
  }
}

/** No month folder yet: the workspace's own problems (a new one's fields to fill) are told first, else that a month is needed. */
async function noMonthYet(opts: BuildOptions, dir: DataDir): Promise<number> {
  const diagnostics = await checkWorkspace(dir.absolute, dir.shown, await templatesDir(opts.templates, dir.absolute));
  if (!diagnostics.some((d) => d.severity === 'error')) throw noMonth(dir);
  if (opts.json) printJson({ command: 'build', month: null, draft: opts.draft === true, outputs: [], diagnostics: diagnosticsJson(diagnostics) });
  else {
    printDiagnostics(diagnostics);
    printLine(`Chưa lập được báo cáo: ${summarize(diagnostics)}. Sửa các lỗi trên; "${dir.shown}" cũng chưa có thư mục tháng nào (ghi rõ --month YYYY-MM).`);
  }
  return EXIT.data;
}

async function buildMonth(opts: BuildOptions, dir: ReturnType<typeof dataDir>, wanted: Format[], month: string, draft: boolean, progress: Progress): Promise<number> {
  const r = await checkMonth(dir.absolute, dir.shown, month, progress);
  const report = (outputs: { format: string; path: string }[], diagnostics: readonly Diagnostic[]) => {
    if (opts.json) printJson({ command: 'build', month, draft, outputs, diagnostics: diagnosticsJson(diagnostics) });
    else printDiagnostics(diagnostics);
  };
  const templates = await templatesDir(opts.templates, dir.absolute);
  const unused = await templateWarnings(templates, r.workspace?.definition);
  // what the templates cite and the month lacks: read before anything is decided, so that it is told in one run
  const prepared = r.model ? await prepareTexts(r.model, templates) : undefined;
  if (prepared && 'diagnostics' in prepared) {
    report([], [...r.diagnostics.filter((d) => d.severity === 'error'), ...prepared.diagnostics, ...unused]);
    return EXIT.data;
  }
  const diagnostics = [...(prepared && r.model ? [...r.diagnostics, ...citationDiagnostics(r, r.model, prepared.citations)] : r.diagnostics), ...unused];
  // without --draft a missing return is as blocking as an error
  const blocking: Diagnostic[] = [
    ...diagnostics.filter((d) => d.severity === 'error'),
    ...(draft ? [] : diagnostics.filter((d) => d.code === CODES.missingDepartment).map((d) => ({ ...d, severity: 'error' as const }))),
  ];
  if (!r.model || !prepared || (!draft && blocking.length > 0)) {
    const shown = blocking.length ? [...blocking, ...diagnostics.filter((d) => d.severity === 'warning' && d.code !== CODES.missingDepartment)] : diagnostics;
    report([], shown);
    if (!opts.json) printLine(`Chưa lập được báo cáo tháng ${month}: ${summarize(shown)}. Sửa các lỗi trên, hoặc dùng --draft để in bản dự thảo.`);
    return EXIT.data;
  }
  const out = dataDir(opts.out ?? join('out', month));
  progress.step(`Lập ${wanted.join(', ')}`);
  const rendered = await renderOutputs(
    {
      model: r.model,
      formats: wanted,
      templatesDir: templates,
      createdAt: buildDate(r.model, process.env.SOURCE_DATE_EPOCH),
      draft: draft ? { problems: draftProblems(r, diagnostics) } : null,
    },
    prepared,
  );
  if ('diagnostics' in rendered) {
    report([], rendered.diagnostics);
    return EXIT.data;
  }
  const stem = `${draft ? 'du-thao-' : ''}bao-cao-de-an-06-${month}`;
  const files: OutputFile[] = rendered.files.map((f) => {
    const name = f.format === 'xlsx' ? `${draft ? 'du-thao-' : ''}phu-luc-de-an-06-${month}.xlsx` : `${stem}.${f.format}`;
    return { path: join(out.absolute, name), shown: join(out.shown, name), data: f.bytes };
  });
  if (opts.pdf) {
    progress.step('Chuyển sang PDF (LibreOffice)');
    const docx = rendered.files.find((f) => f.format === 'docx');
    if (!docx) throw usage('--pdf cần định dạng docx (--format docx hoặc bỏ --format)');
    const { docxToPdf } = await import('../../pipeline/pdf.js');
    files.push({ path: join(out.absolute, `${stem}.pdf`), shown: join(out.shown, `${stem}.pdf`), data: await docxToPdf(docx.bytes) });
  }
  progress.step('Ghi tệp');
  await writeOutputs(files);
  progress.end();
  const outputs = files.map((f) => ({ format: f.path.slice(f.path.lastIndexOf('.') + 1), path: f.shown }));
  const notes = diagnostics.filter((d) => d.severity === 'warning' || draft);
  if (opts.json) {
    report(outputs, notes);
  } else {
    printDiagnostics(notes);
    printLine(`${draft ? 'Đã lập bản DỰ THẢO' : 'Đã lập báo cáo'} tháng ${month}${notes.length ? ` (${summarize(notes)})` : ''}:`);
    for (const f of outputs) printLine(`  ${f.path}`);
  }
  return EXIT.ok;
}
