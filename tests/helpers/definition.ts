import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { vocabularies } from '../../src/catalog/catalog.js';
import { appendicesSpec } from '../../src/compute/appendices.js';
import type { AppendicesSpec } from '../../src/model/appendix.js';
import type { ModelTable, ReportModel, ServiceTable } from '../../src/model/report-model.js';
import { renderTexts, type ReportTexts } from '../../src/render/template/report-texts.js';
import { loadTemplates } from '../../src/render/templates-load.js';
import { AppendicesFile, type AppendicesFileOut } from '../../src/schema/definition.js';
import { VocabulariesFile } from '../../src/schema/vocabularies.js';
import { submissionSchemas } from '../../src/schema/submission.js';
import { ROOT } from './workspace.js';

/** A file of the bundled workspace read as the program reads it (YAML failsafe) and parsed by its schema. */
function bundled<T>(rel: string, schema: { parse(v: unknown): T }): T {
  return schema.parse(parse(readFileSync(join(ROOT, 'data', rel), 'utf8'), { schema: 'failsafe' }));
}

export const BUNDLED_DEFINITION: AppendicesFileOut = bundled('report/appendices.yaml', AppendicesFile);
export const BUNDLED_VOCABULARIES = vocabularies(bundled('catalog/vocabularies.yaml', VocabulariesFile));

/** The bundled definition resolved against hand-made lists (the fixtures' models). */
export function bundledAppendices(month: string, qd06: ServiceTable, qd422: ServiceTable, models: ModelTable): AppendicesSpec {
  return appendicesSpec(
    BUNDLED_DEFINITION,
    {
      services: new Map([[qd06.id, qd06], [qd422.id, qd422]]),
      models: new Map([['models', { table: models, vocabulary: BUNDLED_VOCABULARIES.progress }]]),
      indicators: new Map(),
    },
    month,
  );
}

/** The shipped templates' texts for a model, as `build` gives them to the renderers. */
export async function shippedTexts(model: ReportModel): Promise<ReportTexts> {
  const r = renderTexts(model, await loadTemplates());
  if ('diagnostics' in r) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.texts;
}

/** The bundled statuses' wordings by id, and the returns' schemas made with them. */
export const BUNDLED_LABELS = BUNDLED_VOCABULARIES.labels;
export const { SubmissionFile } = submissionSchemas(BUNDLED_LABELS);
