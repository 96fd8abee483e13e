import { Document } from 'docx';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { error } from '../../diagnostics/diagnostic.js';
import { parseMarkup } from '../../markup/parse.js';
import type { ReportModel } from '../../model/report-model.js';
import { RENDER_CODES } from '../template/codes.js';
import { renderTexts, TEMPLATE_NAMES, type ReportTexts, type TemplateSources } from '../template/report-texts.js';
import { appendix } from './appendix.js';
import { closing } from './closing.js';
import { firstPage } from './first-page.js';
import { Footnotes } from './footnotes.js';
import { blockParagraphs } from './markup-paragraphs.js';
import { appendixTable } from './appendix-table.js';
import { coreXml, packDocument } from './package.js';
import './docx-speedups.js';
import { appendixSection, bodySection, problemsSection } from './sections.js';
import { draftProblemsPage, type DraftProblem } from './draft-problems.js';
import { documentStyles } from './styles.js';

export type { TemplateSources } from '../template/report-texts.js';
export type { DraftProblem } from './draft-problems.js';

export interface RenderDocxOptions {
  /** a draft: every page marked "DỰ THẢO", and a last section listing the open problems */
  readonly draft?: { readonly problems: readonly DraftProblem[] };
  /** the document's creation time (core properties and zip entries); default: the end of the period, 00:00 UTC */
  readonly createdAt?: Date;
  /** the template texts already rendered from this model and these templates (a build rendering several formats) */
  readonly texts?: ReportTexts;
}

export type RenderDocxResult = { readonly bytes: Uint8Array } | { readonly diagnostics: readonly Diagnostic[] };

/**
 * The report as a .docx: the body (page 1 header, sections I–V, closing) in A4 portrait, then each appendix
 * of the definition in its own section. Pure: the same model, templates and options give the same
 * bytes. Template and footnote problems come back as diagnostics instead of a document.
 */
export async function renderReportDocx(
  model: ReportModel,
  templates: TemplateSources,
  options: RenderDocxOptions = {},
): Promise<RenderDocxResult> {
  let texts = options.texts;
  if (!texts) {
    const rendered = renderTexts(model, templates);
    if ('diagnostics' in rendered) return { diagnostics: rendered.diagnostics };
    texts = rendered.texts;
  }

  const body = parseMarkup(texts.body, { footnoteIds: model.footnotes.map((f) => f.id) });
  if (body.undefinedCalls.length > 0) {
    const file = templates[TEMPLATE_NAMES.body]?.file;
    return {
      diagnostics: body.undefinedCalls.map((id) =>
        error(
          RENDER_CODES.undefinedFootnote,
          `lời văn gọi chú thích "[^${id}]" nhưng không có nội dung chú thích nào mang mã "${id}"`,
          { ...(file ? { file } : {}), path: ['footnotes', id] },
        ),
      ),
    };
  }

  const footnotes = new Footnotes();
  const notes = { footnotes, definitions: body.definitions, modelNotes: model.footnotes };
  const main = [...firstPage(model.header, texts), ...blockParagraphs(body.blocks, notes), ...closing(model.header, footnotes)];

  const title = `BÁO CÁO ${texts.summary.join(' ')}`;
  const draft = options.draft !== undefined;
  const shown = texts;
  const appendices = model.appendices.appendices.map((a, i) =>
    appendixSection(appendix(shown.appendices[i]!, appendixTable(model, a, shown.headings)), a.orientation, draft),
  );
  const document = new Document({
    title,
    creator: model.header.issuerName,
    styles: documentStyles(),
    footnotes: footnotes.options,
    sections: [
      bodySection(main, draft),
      ...appendices,
      ...(options.draft ? [problemsSection(draftProblemsPage(options.draft.problems))] : []),
    ],
  });

  const createdAt = options.createdAt ?? new Date(`${model.period.to}T00:00:00Z`);
  const core = coreXml({ title, creator: model.header.issuerName, createdAt });
  return { bytes: await packDocument(document, [{ path: 'docProps/core.xml', data: core }], createdAt) };
}
