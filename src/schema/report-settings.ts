import * as z from 'zod';
import { DateText, Id, RequiredCount, Text } from './scalars.js';

/** data/report.yaml: the fixed parts of page 1, the closing and the reporting period */
export const ReportSettingsFile = z.strictObject({
  province: Text,
  governingBody: Text,
  issuingBody: Text,
  symbol: Text,
  number: z.optional(Text),
  place: Text,
  issueDate: z.optional(DateText),
  issuerName: Text,
  addressee: Text,
  /** the department that writes the secretariat's sections (its file is expected every month) */
  secretariat: Id,
  signer: z.strictObject({ authority: Text, position: Text, name: Text }),
  recipients: z.array(z.union([Text, z.strictObject({ text: Text, footnote: z.optional(Text) })])),
  archive: Text,
  period: z.strictObject({
    /** figures run from the day after the cut-off of the previous month to the cut-off of this month */
    cutoffDay: RequiredCount,
  }),
});

export type ReportSettings = z.output<typeof ReportSettingsFile>;
