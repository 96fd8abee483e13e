import * as z from 'zod';
import { Count, DateText, Id, MonthText, Text, labelled } from './scalars.js';

/** The printed wording of each status, by id, of the workspace's vocabularies (catalog/vocabularies.yaml). */
export interface StatusLabels {
  readonly connection: Readonly<Record<string, string>>;
  readonly progress: Readonly<Record<string, string>>;
}

/**
 * The schemas of a return and of the baseline, for the statuses of a vocabulary: a return may write a status by
 * its id or its wording (case and diacritics aside). Made once per vocabulary.
 */
function schemas(labels: StatusLabels) {
  const Connection = labelled(labels.connection, 'trạng thái kết nối');
  const Progress = labelled(labels.progress, 'trạng thái tiến độ');
  const Figures = {
    connection: z.optional(Connection),
    total: z.optional(Count),
    online: z.optional(Count),
    onTime: z.optional(Count),
    overdue: z.optional(Count),
    difficulties: z.optional(Text),
  };

  /** One row of Phụ lục I or II (keyed by the catalog's service id) */
  const ServiceEntry = z.strictObject({
    ...Figures,
    /** sub-rows (items 5 and 6 of QĐ 422), keyed by the part id */
    parts: z.optional(z.record(Id, z.strictObject(Figures))),
  });

  const IndicatorEntry = z.strictObject({
    value: z.optional(Count),
    total: z.optional(Count),
    /** the date the figure is counted to ("tính đến ngày …") */
    asOf: z.optional(DateText),
    /** the date counting started, for cumulative figures ("từ ngày 16/8/2023") */
    from: z.optional(DateText),
    parts: z.optional(z.record(Id, Count)),
  });

  const ModelEntry = z.strictObject({
    status: z.optional(Progress),
    /** the "Đánh giá tiến độ" sentence */
    progress: z.optional(Text),
    results: z.optional(Text),
    difficulties: z.optional(Text),
    effectiveness: z.optional(Text),
    funding: z.optional(Text),
    continuation: z.optional(Text),
  });

  /**
   * data/YYYY-MM/<department>.yaml: a department's return for a month, as written. (The legacy sheet reader builds
   * this schema's output straight from cells, with the scalars' own functions — countOf, labelOf, cleanText — and
   * tests/excel/legacy-direct.test.ts holds what it builds to what this schema parses: a change to the services'
   * fields or scalars here must be made there too.)
   */
  const SubmissionFile = z.strictObject({
    department: Id,
    month: MonthText,
    /** written by `baocao open`: while present the return counts as not yet submitted (delete the line when done) */
    review: z.optional(Text),
    /** the date the figures are counted to, when it is not the period's cut-off */
    asOf: z.optional(DateText),
    services: z.optional(z.record(Id, ServiceEntry)),
    indicators: z.optional(z.record(Id, IndicatorEntry)),
    models: z.optional(z.record(Id, ModelEntry)),
    /** narrative blocks for the body, keyed by section id (data/catalog/sections.yaml) */
    sections: z.optional(z.record(Id, z.array(Text))),
    /** footnotes referenced as [^id] in the narrative */
    footnotes: z.optional(z.record(Id, Text)),
  });

  /** data/baseline.yaml: last values before a workspace's first month (the same shape, no department) */
  const BaselineFile = z.strictObject({
    month: MonthText,
    services: z.optional(z.record(Id, ServiceEntry)),
    indicators: z.optional(z.record(Id, IndicatorEntry)),
  });
  return { ServiceEntry, IndicatorEntry, ModelEntry, SubmissionFile, BaselineFile };
}

export type SubmissionSchemas = ReturnType<typeof schemas>;

const MADE = new WeakMap<StatusLabels, SubmissionSchemas>();

export function submissionSchemas(labels: StatusLabels): SubmissionSchemas {
  let made = MADE.get(labels);
  if (!made) MADE.set(labels, (made = schemas(labels)));
  return made;
}

export type Submission = z.output<SubmissionSchemas['SubmissionFile']>;
export type ServiceEntryOut = z.output<SubmissionSchemas['ServiceEntry']>;
export type IndicatorEntryOut = z.output<SubmissionSchemas['IndicatorEntry']>;
export type ModelEntryOut = z.output<SubmissionSchemas['ModelEntry']>;
export type Baseline = z.output<SubmissionSchemas['BaselineFile']>;
