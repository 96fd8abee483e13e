import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { error } from '../../diagnostics/diagnostic.js';
import type { ReportModel } from '../../model/report-model.js';
import type { AppendicesFileOut } from '../../schema/definition.js';
import { RENDER_CODES } from './codes.js';
import { createEnvironment } from './environment.js';
import { runTemplate, type TemplateSource } from './run.js';
import { citationSink, GAP_MARK, sentenceAround, type CitationGap, type MissedComparison } from './citations.js';

/** Template files by name (file name without ".hbs"); reading them is the caller's business. */
export type TemplateSources = Readonly<Record<string, TemplateSource>>;

/** The templates every report needs, and what each one writes (docs/markup.md); the appendices' are named by the definition. */
export const TEMPLATE_NAMES = {
  body: 'bao-cao',
  summary: 'trich-yeu',
  number: 'so-ky-hieu',
  placeDate: 'dia-danh-ngay',
} as const;

/** The templates the report definition names: each appendix's title and "kèm theo" line, the column headings written by a template. */
export function definitionTemplates(definition: AppendicesFileOut): string[] {
  const names = definition.appendices.flatMap((a) => [
    a.title,
    a.attachedTo,
    ...a.table.columns.flatMap((c) => ('field' in c ? [c] : c.columns)).flatMap((c) => (c.headingTemplate ? [c.headingTemplate] : [])),
  ]);
  return [...new Set(names)];
}

/** Every template file name (without ".hbs") the report reads. */
export function templateNamesRead(definition: AppendicesFileOut): string[] {
  return [...new Set([...Object.values(TEMPLATE_NAMES), ...definitionTemplates(definition)])];
}

export interface AppendixHeading {
  /** "Phụ lục I" */
  readonly label: string;
  /** the title, one entry per printed line */
  readonly title: readonly string[];
  /** the "(Kèm theo Báo cáo …)" line */
  readonly attachedTo: string;
}

/** Every text of the report that comes from a template, ready to lay out. */
export interface ReportTexts {
  /** body markup (docs/markup.md) */
  readonly body: string;
  readonly summary: readonly string[];
  readonly number: string;
  readonly placeDate: string;
  /** the head of each appendix printed (model.appendices), in order */
  readonly appendices: readonly AppendixHeading[];
  /** the lines of each column heading written by a template, by template name */
  readonly headings: Readonly<Record<string, readonly string[]>>;
}

/** A value a template cites that the month does not have, with the template and the sentence it stands in. */
export interface CitedGap extends CitationGap {
  /** the template file, as diagnostics name it */
  readonly template: string;
  /** the sentence as printed, the gap shown as "…" */
  readonly sentence: string;
}

export interface CitedComparison extends MissedComparison {
  readonly template: string;
}

export interface Citations {
  readonly gaps: readonly CitedGap[];
  readonly missedComparisons: readonly CitedComparison[];
}

export function renderTexts(
  model: ReportModel,
  sources: TemplateSources,
): { readonly texts: ReportTexts; readonly citations: Citations } | { readonly diagnostics: readonly Diagnostic[] } {
  const env = createEnvironment();
  const context = model;
  const diagnostics: Diagnostic[] = [];
  const gaps: CitedGap[] = [];
  const missedComparisons: CitedComparison[] = [];

  const run = (name: string): string => {
    const source = Object.hasOwn(sources, name) ? sources[name] : undefined;
    if (!source) {
      diagnostics.push(error(RENDER_CODES.missingTemplate, `thiếu tệp mẫu "${name}.hbs"`, { file: `${name}.hbs` }));
      return '';
    }
    const sink = citationSink();
    const result = runTemplate(env, source, context, sink);
    if ('diagnostics' in result) {
      diagnostics.push(...result.diagnostics);
      return '';
    }
    // the markers stand in the text in the order the helpers printed them
    const found = [...result.text.matchAll(GAP_MARK)];
    sink.gaps.forEach((g, i) => {
      const at = found[i];
      const sentence = at && at[0] === g.marker ? sentenceAround(result.text, at.index, at[0].length) : '';
      gaps.push({ ...g, template: source.file, sentence });
    });
    for (const m of sink.missedComparisons) missedComparisons.push({ ...m, template: source.file });
    return result.text;
  };
  const lines = (name: string, atLeast: number, what: string): string[] => {
    const text = run(name);
    const out = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    const source = sources[name];
    if (out.length < atLeast && source && !diagnostics.some((d) => d.file === source.file)) {
      diagnostics.push(
        error(RENDER_CODES.templateShape, `mẫu cần ít nhất ${atLeast} dòng (${what}), nhận ${out.length}`, {
          file: source.file,
        }),
      );
    }
    return out;
  };
  const body = run(TEMPLATE_NAMES.body);
  const summary = lines(TEMPLATE_NAMES.summary, 1, 'trích yếu');
  const number = lines(TEMPLATE_NAMES.number, 1, 'số, ký hiệu').join(' ');
  const placeDate = lines(TEMPLATE_NAMES.placeDate, 1, 'địa danh, ngày tháng').join(' ');
  // each template once, however many appendices share it: the "kèm theo" lines, the column headings, the titles
  const printed = model.appendices.appendices;
  const once = new Map<string, string[]>();
  const each = (names: readonly string[], atLeast: number, what: string) => {
    for (const name of names) if (!once.has(name)) once.set(name, lines(name, atLeast, what));
  };
  const headingTemplates = printed.flatMap((a) => a.table.headings.flat()).flatMap((h) => (h.template ? [h.template] : []));
  each(printed.map((a) => a.attachedTo), 1, 'dòng "Kèm theo …"');
  each(headingTemplates, 1, 'tiêu đề cột');
  each(printed.map((a) => a.title), 2, 'dòng đầu "Phụ lục …", sau đó tên phụ lục');
  const appendices = printed.map((a): AppendixHeading => {
    const [label = '', ...title] = once.get(a.title)!;
    return { label, title, attachedTo: once.get(a.attachedTo)!.join(' ') };
  });
  const texts: ReportTexts = {
    body,
    summary,
    number,
    placeDate,
    appendices,
    headings: Object.fromEntries(headingTemplates.map((name) => [name, once.get(name)!])),
  };
  return diagnostics.length > 0 ? { diagnostics } : { texts, citations: { gaps, missedComparisons } };
}
