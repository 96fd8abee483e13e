import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { error } from '../../diagnostics/diagnostic.js';
import type { ReportModel } from '../../model/report-model.js';
import { RENDER_CODES } from './codes.js';
import { createEnvironment } from './environment.js';
import { runTemplate, type TemplateSource } from './run.js';

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

export function renderTexts(
  model: ReportModel,
  sources: TemplateSources,
): { readonly texts: ReportTexts } | { readonly diagnostics: readonly Diagnostic[] } {
  const env = createEnvironment();
  const context = model;
  const diagnostics: Diagnostic[] = [];

  const run = (name: string): string => {
    const source = Object.hasOwn(sources, name) ? sources[name] : undefined;
    if (!source) {
      diagnostics.push(error(RENDER_CODES.missingTemplate, `thiếu tệp mẫu "${name}.hbs"`, { file: `${name}.hbs` }));
      return '';
    }
    const result = runTemplate(env, source, context);
    if ('diagnostics' in result) {
      diagnostics.push(...result.diagnostics);
      return '';
    }
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
  return diagnostics.length > 0 ? { diagnostics } : { texts };
}
