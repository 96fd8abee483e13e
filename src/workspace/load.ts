import { join } from 'node:path';
import { stat } from 'node:fs/promises';
import type * as z from 'zod';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { CODES } from '../diagnostics/codes.js';
import { readYamlLazily } from '../readers/yaml-lazy.js';
import { validatePartly, yamlLocator, type Locator } from '../readers/validate-shape.js';
import { decodeText, readTextBytes } from './files.js';
import { cacheSlot, digestOf } from './data-cache.js';
import { fastSourceMap } from '../readers/yaml-fast.js';
import type { Path, SourceMap } from '../readers/yaml-types.js';
import {
  DepartmentsFile,
  IndicatorsFile,
  ModelsFile,
  SectionsFile,
  Qd06ServicesFile,
  Qd422ServicesFile,
} from '../schema/catalog.js';
import { VocabulariesFile } from '../schema/vocabularies.js';
import { ReportSettingsFile, type ReportSettings } from '../schema/report-settings.js';
import { assembleCatalog, type Catalog } from '../catalog/catalog.js';
import { checkCatalog } from '../rules/catalog-rules.js';
import { checkDefinition } from '../rules/definition-rules.js';
import { AppendicesFile, type AppendicesFileOut } from '../schema/definition.js';

/** The report definition's file, in the workspace (docs/report-definition.md) */
export const DEFINITION_FILE = 'report/appendices.yaml';

export interface Workspace {
  /** absolute path of the data folder */
  readonly dir: string;
  /** how the folder is named in messages (as the user gave it) */
  readonly shown: string;
  readonly settings: ReportSettings;
  readonly catalog: Catalog;
  /** data/report/appendices.yaml: the appendices and their tables */
  readonly definition: AppendicesFileOut;
}

export interface Loaded<T> {
  readonly value: T;
  readonly file: string;
  readonly locator: Locator;
  /** with a `role`: the file's bytes (for their digest) */
  readonly bytes?: Uint8Array;
}

/**
 * Reads, parses and validates one YAML file of the workspace against a schema. With a `role`, a large file's
 * validated value is kept in the data cache (src/workspace/data-cache.ts) and taken from it while its bytes stay
 * the same; its positions are then read only if a later check asks for one.
 */
export async function loadYamlFile<S extends z.ZodType>(
  absolute: string,
  shown: string,
  schema: S,
  role?: string,
): Promise<{ loaded?: Loaded<z.output<S>>; partial?: { loaded: Loaded<z.output<S>>; dropped: readonly Path[] }; diagnostics: Diagnostic[] }> {
  const bytes = await readTextBytes(absolute, shown);
  if (!bytes.ok) return { diagnostics: [bytes.diagnostic] };
  const slot = role ? cacheSlot(role, bytes.bytes) : undefined;
  const kept = role ? bytes.bytes : undefined;
  if (slot?.hit !== undefined) {
    return { loaded: { value: slot.hit as z.output<S>, file: shown, locator: yamlLocator(shown, mapOnDemand(bytes.bytes)), bytes: kept }, diagnostics: [] };
  }
  const read = decodeText(bytes.bytes, shown);
  if (!read.ok) return { diagnostics: [read.diagnostic] };
  const parsed = await readYamlLazily(shown, read.text);
  if (parsed.diagnostics.length > 0) return { diagnostics: parsed.diagnostics };
  const locator = yamlLocator(shown, parsed.map);
  const v = validatePartly(schema, parsed.value, locator);
  // a file with problems: what of it validates, for the cross-checks to report on in the same run
  if (!v.ok) return { diagnostics: v.diagnostics, ...(v.partial !== undefined ? { partial: { loaded: { value: v.partial, file: shown, locator }, dropped: v.dropped } } : {}) };
  // only what the fast reader reads is kept: its positions can be found again without the yaml package
  if (slot && parsed.fast) slot.keep(v.value);
  return { loaded: { value: v.value, file: shown, locator, bytes: kept }, diagnostics: [] };
}

/** The source map of a plain YAML file read earlier (its cache entry says so): its text decoded on the first question. */
function mapOnDemand(bytes: Uint8Array): SourceMap {
  let map: SourceMap | undefined;
  const get = () => (map ??= fastSourceMap(new TextDecoder().decode(bytes)));
  return { locate: (path) => get().locate(path), locateKey: (path) => get().locateKey(path) };
}

export const CATALOG_FILES = {
  departments: ['catalog/departments.yaml', DepartmentsFile],
  qd06: ['catalog/services-qd06.yaml', Qd06ServicesFile],
  qd422: ['catalog/services-qd422.yaml', Qd422ServicesFile],
  models: ['catalog/models.yaml', ModelsFile],
  indicators: ['catalog/indicators.yaml', IndicatorsFile],
  sections: ['catalog/sections.yaml', SectionsFile],
  vocabularies: ['catalog/vocabularies.yaml', VocabulariesFile],
} as const;

export async function loadWorkspace(dir: string, shown: string): Promise<{ workspace?: Workspace; diagnostics: Diagnostic[] }> {
  try {
    const st = await stat(dir);
    if (!st.isDirectory()) throw new Error('not a directory');
  } catch {
    return {
      diagnostics: [
        error(CODES.workspaceMissing, `không tìm thấy thư mục dữ liệu "${shown}" (chọn thư mục khác bằng --data DIR, hoặc tạo mới bằng "baocao init")`, { file: shown }),
      ],
    };
  }
  const rel = (p: string) => join(shown, p);
  const diagnostics: Diagnostic[] = [];
  const [settings, definition] = await Promise.all([
    loadYamlFile(join(dir, 'report.yaml'), rel('report.yaml'), ReportSettingsFile),
    loadYamlFile(join(dir, DEFINITION_FILE), rel(DEFINITION_FILE), AppendicesFile),
  ]);
  diagnostics.push(...settings.diagnostics, ...definition.diagnostics);

  const entries = Object.entries(CATALOG_FILES) as [keyof typeof CATALOG_FILES, (typeof CATALOG_FILES)[keyof typeof CATALOG_FILES]][];
  const results = await Promise.all(entries.map(([key, [file, schema]]) => loadYamlFile(join(dir, file), rel(file), schema as z.ZodType, `catalog-${key}`)));
  const files: Record<string, Loaded<unknown>> = {};
  entries.forEach(([key], i) => {
    const r = results[i]!;
    diagnostics.push(...r.diagnostics);
    if (r.loaded) files[key] = r.loaded;
  });
  if (diagnostics.length > 0 || !settings.loaded || !definition.loaded) return { diagnostics };

  const catalogFiles = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, v.value])) as unknown as Parameters<typeof assembleCatalog>[0];
  const catalog = assembleCatalog(catalogFiles);
  const locators = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, v.locator])) as Record<keyof typeof CATALOG_FILES, Locator>;
  const secretariat = settings.loaded.value.secretariat;
  // the checks across the files depend on their bytes and the secretariat alone: a large catalog found clean is
  // not checked again while those stay the same (findings are never cached)
  const checked = cacheSlot(
    'catalog-check',
    () => Buffer.from(JSON.stringify([secretariat, entries.map(([key]) => digestOf(files[key]!.bytes!))]), 'utf8'),
    entries.reduce((sum, [key]) => sum + files[key]!.bytes!.length, 0),
  );
  if (checked.hit !== true) {
    const found = checkCatalog(catalogFiles, locators, secretariat, settings.loaded.locator);
    diagnostics.push(...found);
    if (found.length === 0) checked.keep(true);
  }
  diagnostics.push(...checkDefinition(definition.loaded.value, definition.loaded.locator, catalog));
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  return { workspace: { dir, shown, settings: settings.loaded.value, catalog, definition: definition.loaded.value }, diagnostics };
}
