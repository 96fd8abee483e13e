import * as z from 'zod';
import { Id, Text } from './scalars.js';

/** What a connection status counts as in the counts of a service table (connected, not connected) */
export const CONNECTION_COUNTS = ['connected', 'not-connected'] as const;
/** What a progress status counts as in a tally (done, in progress, not started) */
export const PROGRESS_COUNTS = ['done', 'in-progress', 'not-started'] as const;

function terms<const C extends readonly [string, ...string[]]>(counts: C) {
  return z
    .array(
      z.strictObject({
        /** the id returns may write and the files keep */
        id: Id,
        /** the wording the report and the forms print; returns may write it in any case, with or without diacritics */
        label: Text,
        counts: z.enum(counts),
      }),
    )
    .min(1);
}

/**
 * data/catalog/vocabularies.yaml: the statuses a service's connection and a model's progress can take, in the
 * order the forms' drop-down lists show them, each with its printed wording and what it counts as.
 */
export const VocabulariesFile = z.strictObject({
  connection: terms(CONNECTION_COUNTS),
  progress: terms(PROGRESS_COUNTS),
});

export type VocabulariesFileOut = z.output<typeof VocabulariesFile>;
export type ConnectionCount = (typeof CONNECTION_COUNTS)[number];
export type ProgressCount = (typeof PROGRESS_COUNTS)[number];
