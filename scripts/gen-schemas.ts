// Writes JSON Schemas of the as-written YAML files (schemas/*.schema.json) from the zod schemas, so that an
// officer editing YAML in VS Code (YAML extension) gets completion and red underlines. Run by `npm run build`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { parse } from 'yaml';
import { vocabularies } from '../src/catalog/catalog.js';
import { submissionSchemas } from '../src/schema/submission.js';
import { AppendicesFile } from '../src/schema/definition.js';
import { VocabulariesFile } from '../src/schema/vocabularies.js';
import { ReportSettingsFile } from '../src/schema/report-settings.js';
import { DepartmentsFile, Qd06ServicesFile, Qd422ServicesFile, ModelsFile, IndicatorsFile, SectionsFile } from '../src/schema/catalog.js';

// the returns' statuses are those of the bundled vocabularies: an editor offers their wordings
const bundled = VocabulariesFile.parse(parse(readFileSync(join(process.cwd(), 'data', 'catalog', 'vocabularies.yaml'), 'utf8'), { schema: 'failsafe' }));
const { SubmissionFile, BaselineFile } = submissionSchemas(vocabularies(bundled).labels);
const out = join(process.cwd(), 'schemas');
mkdirSync(out, { recursive: true });
const schemas: Record<string, z.ZodType> = {
  submission: SubmissionFile,
  baseline: BaselineFile,
  report: ReportSettingsFile,
  departments: DepartmentsFile,
  'services-qd06': Qd06ServicesFile,
  'services-qd422': Qd422ServicesFile,
  models: ModelsFile,
  indicators: IndicatorsFile,
  sections: SectionsFile,
  vocabularies: VocabulariesFile,
  appendices: AppendicesFile,
};
for (const [name, schema] of Object.entries(schemas)) {
  const json = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    // The files are read with YAML's failsafe schema (every scalar a string), but the editor parses
    // `total: 3182603` as a number and an empty `overdue:` as null: accept those where a string is expected.
    override: ({ jsonSchema }) => {
      if (jsonSchema.type === 'string' && !jsonSchema.enum && !jsonSchema.pattern) (jsonSchema as { type: unknown }).type = ['string', 'number', 'null'];
    },
  });
  writeFileSync(join(out, `${name}.schema.json`), JSON.stringify(json, null, 2) + '\n');
}
