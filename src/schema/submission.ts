import * as z from 'zod';
import { CONNECTION_LABELS, PROGRESS_LABELS } from './labels.js';
import { Count, DateText, Id, MonthText, Text, labelled } from './scalars.js';

const Connection = labelled(CONNECTION_LABELS, 'trạng thái kết nối');
const Progress = labelled(PROGRESS_LABELS, 'trạng thái tiến độ');

const Figures = {
  connection: z.optional(Connection),
  total: z.optional(Count),
  online: z.optional(Count),
  onTime: z.optional(Count),
  overdue: z.optional(Count),
  difficulties: z.optional(Text),
};

/** One row of Phụ lục I or II (keyed by the catalog's service id) */
export const ServiceEntry = z.strictObject({
  ...Figures,
  /** sub-rows (items 5 and 6 of QĐ 422), keyed by the part id */
  parts: z.optional(z.record(Id, z.strictObject(Figures))),
});

export const IndicatorEntry = z.strictObject({
  value: z.optional(Count),
  total: z.optional(Count),
  /** the date the figure is counted to ("tính đến ngày …") */
  asOf: z.optional(DateText),
  /** the date counting started, for cumulative figures ("từ ngày 16/8/2023") */
  from: z.optional(DateText),
  parts: z.optional(z.record(Id, Count)),
});

export const ModelEntry = z.strictObject({
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
export const SubmissionFile = z.strictObject({
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

export type Submission = z.output<typeof SubmissionFile>;
export type ServiceEntryOut = z.output<typeof ServiceEntry>;
export type IndicatorEntryOut = z.output<typeof IndicatorEntry>;
export type ModelEntryOut = z.output<typeof ModelEntry>;

/** data/baseline.yaml: last values before a workspace's first month (the same shape, no department) */
export const BaselineFile = z.strictObject({
  month: MonthText,
  services: z.optional(z.record(Id, ServiceEntry)),
  indicators: z.optional(z.record(Id, IndicatorEntry)),
});
export type Baseline = z.output<typeof BaselineFile>;
