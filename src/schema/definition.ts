import * as z from 'zod';
import { Id, RequiredCount, Text } from './scalars.js';

/**
 * data/report/appendices.yaml: the report's shape — which appendices, in which order, and what each one's table
 * is. A table is of one of a closed set of kinds the program computes (`kind`); everything printed in it
 * (headings, group and row labels, numbering, widths) is written here. Each kind names its rows' list by id.
 */

/** a template of templates/ by its file name without ".hbs" */
const TemplateName = Id.meta({ description: 'tên tệp mẫu trong templates/, không có đuôi ".hbs"' });

/** "1" · "1." · "I" · "I." · "a" · "a)": how a running row number is printed */
export const NUMBERING_STYLES = ['1', '1.', 'I', 'I.', 'a', 'a)'] as const;
const Numbering = z.enum(NUMBERING_STYLES);

/** A column: its field, its heading (or the template writing it), its widths. */
function leaf<const F extends readonly [string, ...string[]]>(fields: F) {
  return z.strictObject({
    field: z.enum(fields),
    /** printed in bold; a multi-line heading's further lines come from `headingTemplate` */
    heading: z.optional(Text),
    /** a template whose first line is the heading (bold) and the further lines a note (italic) */
    headingTemplate: z.optional(TemplateName),
    /** width in the .docx, in twips (1 mm = 56,69 twips); one column of a table may leave it out: it takes the rest */
    width: z.optional(RequiredCount),
    /** width in the .xlsx, in Excel's character units */
    sheetWidth: RequiredCount,
  });
}

/** The columns of a table: a column, or a heading over several columns (a merged heading row above theirs). */
function columns<const F extends readonly [string, ...string[]]>(fields: F) {
  const column = leaf(fields);
  return z.array(z.union([column, z.strictObject({ heading: Text, columns: z.array(column).min(1) })])).min(1);
}

export const SERVICE_FIELDS = ['stt', 'name', 'status', 'total', 'online', 'rate', 'onTime', 'overdue', 'difficulties'] as const;
export const MODEL_FIELDS = ['stt', 'model', 'results', 'status', 'lead', 'difficulties', 'effectiveness', 'funding', 'continuation'] as const;
export const TALLY_FIELDS = ['stt', 'status', 'count', 'rate'] as const;
export const INDICATOR_FIELDS = ['stt', 'name', 'unit', 'value', 'total', 'rate', 'previous', 'change'] as const;

/** Rows from a service list (catalog/services-*.yaml), in its groups. */
const ServicesTable = z.strictObject({
  kind: z.literal('services'),
  /** the list's id ("qd06", "qd422": the `id` of a catalog/services-*.yaml) */
  list: Id,
  /** the group row's label: {id}, {title}, {count} (services of the group; {count:02} with a leading zero) */
  groupLabel: z.optional(Text),
  columns: columns(SERVICE_FIELDS),
});

/** Rows from a list of items with a status and texts (catalog/models.yaml), in its groups. */
const ModelsTable = z.strictObject({
  kind: z.literal('models'),
  /** "models": catalog/models.yaml */
  list: Id,
  numbering: z.optional(Numbering),
  /** "{title} ({count:02} MÔ HÌNH)" */
  groupLabel: z.optional(Text),
  /** printed in bold before the name in the `model` column: "Mô hình {number}:" */
  rowLabel: z.optional(Text),
  /** printed in bold italics before the progress sentence in the `results` column: "Đánh giá tiến độ:" */
  progressLabel: z.optional(Text),
  columns: columns(MODEL_FIELDS),
});

/** Counts of a list's items per status of its vocabulary, and a total row. */
const TallyTable = z.strictObject({
  kind: z.literal('tally'),
  list: Id,
  numbering: z.optional(Numbering),
  /** the total row's label: {all} items, and per what a status counts as, e.g. "{done}/{all} mô hình hoàn thành" */
  totalLabel: Text,
  columns: columns(TALLY_FIELDS),
});

/** The figures of a list of indicators (catalog/indicators.yaml), one row each, with last month's and the change. */
const IndicatorsTable = z.strictObject({
  kind: z.literal('indicators'),
  /** "indicators" */
  list: Id,
  numbering: z.optional(Numbering),
  columns: columns(INDICATOR_FIELDS),
});

export const AppendixTable = z.discriminatedUnion('kind', [ServicesTable, ModelsTable, TallyTable, IndicatorsTable]);

export const AppendicesFile = z.strictObject({
  /** the .xlsx's title; {month} is the report's month ("9/2024") */
  workbookTitle: Text,
  appendices: z
    .array(
      z.strictObject({
        id: Id,
        /** the template writing "Phụ lục …" and the title lines */
        title: TemplateName,
        /** the template writing the "(Kèm theo Báo cáo …)" line */
        attachedTo: TemplateName,
        orientation: z.enum(['landscape', 'portrait']),
        table: AppendixTable,
      }),
    )
    .min(1),
});

export type AppendicesFileOut = z.output<typeof AppendicesFile>;
export type AppendixTableOut = z.output<typeof AppendixTable>;
