import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ReportModel } from '../model/report-model.js';
import type { DraftProblem } from '../render/docx/draft-problems.js';
import type { Citations, ReportTexts, TemplateSources } from '../render/template/report-texts.js';

export const FORMATS = ['docx', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

export interface DraftInfo {
  /** open problems listed on the draft's last page */
  readonly problems: readonly DraftProblem[];
}

export interface RenderRequest {
  readonly model: ReportModel;
  readonly formats: readonly Format[];
  readonly templatesDir: string;
  readonly createdAt: Date;
  readonly draft: DraftInfo | null;
}

export interface PreparedTexts {
  readonly templates: TemplateSources;
  readonly texts: ReportTexts;
  /** what the templates cite and the month does not have */
  readonly citations: Citations;
}

/** The report's texts from its templates: what `build` lays out and what `validate` checks for gaps. */
export async function prepareTexts(model: ReportModel, templatesDir: string): Promise<PreparedTexts | { diagnostics: readonly Diagnostic[] }> {
  const [{ loadTemplates }, { renderTexts }] = await Promise.all([import('../render/templates-load.js'), import('../render/template/report-texts.js')]);
  const templates = await loadTemplates(templatesDir);
  const r = renderTexts(model, templates);
  if ('diagnostics' in r) return { diagnostics: r.diagnostics };
  return { templates, texts: r.texts, citations: r.citations };
}

/** Renders the requested outputs in memory; nothing is written here. Each renderer loads only when asked for. */
export async function renderOutputs(req: RenderRequest, prepared?: PreparedTexts): Promise<{ files: { format: Format; bytes: Uint8Array }[] } | { diagnostics: readonly Diagnostic[] }> {
  const made = prepared ?? (await prepareTexts(req.model, req.templatesDir));
  if ('diagnostics' in made) return { diagnostics: made.diagnostics };
  const { templates } = made;
  const texts = { texts: made.texts };
  const files: { format: Format; bytes: Uint8Array }[] = [];
  if (req.formats.includes('docx')) {
    const { renderReportDocx } = await import('../render/docx/render.js');
    const r = await renderReportDocx(req.model, templates, { createdAt: req.createdAt, texts: texts.texts, ...(req.draft ? { draft: req.draft } : {}) });
    if ('diagnostics' in r) return { diagnostics: r.diagnostics };
    files.push({ format: 'docx', bytes: r.bytes });
  }
  if (req.formats.includes('xlsx')) {
    const { renderAppendicesXlsx } = await import('../excel/render-appendices.js');
    files.push({ format: 'xlsx', bytes: await renderAppendicesXlsx(req.model, { createdAt: req.createdAt, texts: texts.texts, draft: req.draft !== null }) });
  }
  return { files };
}
