import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { error } from '../../diagnostics/diagnostic.js';
import type { ReportModel } from '../../model/report-model.js';
import { RENDER_CODES } from './codes.js';
import { createEnvironment } from './environment.js';
import { runTemplate, type TemplateSource } from './run.js';
import { citationSink, GAP_MARK, sentenceAround, type CitationGap, type MissedComparison } from './citations.js';

/** Template files by name (file name without ".hbs"); reading them is the caller's business. */
export type TemplateSources = Readonly<Record<string, TemplateSource>>;

/** The templates a report needs, and what each one writes (docs/markup.md). */
export const TEMPLATE_NAMES = {
  body: 'bao-cao',
  summary: 'trich-yeu',
  number: 'so-ky-hieu',
  placeDate: 'dia-danh-ngay',
  attachedTo: 'kem-theo',
  qd422ServiceColumn: 'cot-dich-vu-qd422',
  appendices: ['phu-luc-1', 'phu-luc-2', 'phu-luc-3'],
} as const;

/** Every template file name (without ".hbs") the report reads. */
export function templateNamesRead(): string[] {
  return Object.values(TEMPLATE_NAMES).flatMap((v): string[] => (typeof v === 'string' ? [v] : [...v]));
}

export interface AppendixHeading {
  /** "Phụ lục I" */
  readonly label: string;
  /** the title, one entry per printed line */
  readonly title: readonly string[];
}

/** Every text of the report that comes from a template, ready to lay out. */
export interface ReportTexts {
  /** body markup (docs/markup.md) */
  readonly body: string;
  readonly summary: readonly string[];
  readonly number: string;
  readonly placeDate: string;
  readonly attachedTo: string;
  readonly qd422ServiceColumn: readonly string[];
  readonly appendices: readonly [AppendixHeading, AppendixHeading, AppendixHeading];
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
  const appendix = (name: string): AppendixHeading => {
    const [label = '', ...title] = lines(name, 2, 'dòng đầu "Phụ lục …", sau đó tên phụ lục');
    return { label, title };
  };

  const texts: ReportTexts = {
    body: run(TEMPLATE_NAMES.body),
    summary: lines(TEMPLATE_NAMES.summary, 1, 'trích yếu'),
    number: lines(TEMPLATE_NAMES.number, 1, 'số, ký hiệu').join(' '),
    placeDate: lines(TEMPLATE_NAMES.placeDate, 1, 'địa danh, ngày tháng').join(' '),
    attachedTo: lines(TEMPLATE_NAMES.attachedTo, 1, 'dòng "Kèm theo …"').join(' '),
    qd422ServiceColumn: lines(TEMPLATE_NAMES.qd422ServiceColumn, 1, 'tiêu đề cột'),
    appendices: [
      appendix(TEMPLATE_NAMES.appendices[0]),
      appendix(TEMPLATE_NAMES.appendices[1]),
      appendix(TEMPLATE_NAMES.appendices[2]),
    ],
  };
  return diagnostics.length > 0 ? { diagnostics } : { texts, citations: { gaps, missedComparisons } };
}
