import type {
  DepartmentsFileOut,
  IndicatorsFileOut,
  ModelsFileOut,
  SectionsFileOut,
  ServicesFileOut,
} from '../schema/catalog.js';
import type { StatusLabels } from '../schema/submission.js';
import type { ConnectionCount, ProgressCount, VocabulariesFileOut } from '../schema/vocabularies.js';

/** The catalogs of a workspace, normalised: what exists and who owns it. Pure data. */

export interface Department {
  readonly id: string;
  readonly name: string;
}

export interface ServiceDef {
  readonly id: string;
  readonly stt: string;
  readonly name: string;
  readonly owner: string;
  readonly parts: readonly { readonly id: string; readonly name: string }[];
}

export interface ServiceGroupDef {
  readonly id: string;
  readonly title: string;
  readonly services: readonly ServiceDef[];
}

export interface ServiceCatalog {
  readonly id: string;
  readonly nationalTotal: number | null;
  readonly groups: readonly ServiceGroupDef[];
}

export interface ModelDef {
  readonly id: string;
  readonly number: number;
  readonly name: string;
  readonly lead: string;
}

export interface ModelGroupDef {
  readonly id: string;
  readonly title: string;
  readonly models: readonly ModelDef[];
}

export interface IndicatorDef {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly owner: string;
  readonly withTotal: boolean;
  readonly expectChange: boolean;
  readonly parts: readonly { readonly id: string; readonly name: string }[];
}

export interface SectionDef {
  readonly id: string;
  readonly title: string;
  readonly owner: string;
}

/** A status a row can take (catalog/vocabularies.yaml): its id, its printed wording, what it counts as. */
export interface Term<C extends string> {
  readonly id: string;
  readonly label: string;
  readonly counts: C;
}

export interface Vocabulary<C extends string> {
  /** in the file's order: the forms' drop-down lists and the tallies follow it */
  readonly terms: readonly Term<C>[];
  /** id → printed wording, for the label parsing (schema/labels.ts) */
  readonly labels: Readonly<Record<string, string>>;
}

export interface Vocabularies {
  readonly connection: Vocabulary<ConnectionCount>;
  readonly progress: Vocabulary<ProgressCount>;
  /** the two label sets together, for the returns' schema (schema/submission.ts) */
  readonly labels: StatusLabels;
}

export type ItemKind = 'service' | 'model' | 'indicator' | 'section';

export interface Catalog {
  readonly departments: readonly Department[];
  readonly qd06: ServiceCatalog;
  readonly qd422: ServiceCatalog;
  readonly models: readonly ModelGroupDef[];
  readonly indicators: readonly IndicatorDef[];
  readonly sections: readonly SectionDef[];
  readonly vocabularies: Vocabularies;
}

export interface CatalogFiles {
  readonly departments: DepartmentsFileOut;
  readonly qd06: ServicesFileOut;
  readonly qd422: ServicesFileOut;
  readonly models: ModelsFileOut;
  readonly indicators: IndicatorsFileOut;
  readonly sections: SectionsFileOut;
  readonly vocabularies: VocabulariesFileOut;
}

function vocabulary<C extends string>(terms: readonly Term<C>[]): Vocabulary<C> {
  return { terms: terms.map((t) => ({ id: t.id, label: t.label, counts: t.counts })), labels: Object.fromEntries(terms.map((t) => [t.id, t.label])) };
}

export function vocabularies(f: VocabulariesFileOut): Vocabularies {
  const connection = vocabulary(f.connection);
  const progress = vocabulary(f.progress);
  return { connection, progress, labels: { connection: connection.labels, progress: progress.labels } };
}

function services(f: ServicesFileOut): ServiceCatalog {
  const norm = (s: NonNullable<ServicesFileOut['services']>[number]): ServiceDef => ({
    id: s.id,
    stt: s.stt,
    name: s.name,
    owner: s.owner,
    parts: s.parts ?? [],
  });
  const groups = f.groups
    ? f.groups.map((g) => ({ id: g.id, title: g.title, services: g.services.map(norm) }))
    : [{ id: '', title: '', services: (f.services ?? []).map(norm) }];
  return { id: f.id, nationalTotal: f.nationalTotal ?? null, groups };
}

export function assembleCatalog(files: CatalogFiles): Catalog {
  return {
    departments: files.departments.departments.map((d) => ({ id: d.id, name: d.name })),
    qd06: services(files.qd06),
    qd422: services(files.qd422),
    models: files.models.groups.map((g) => ({ id: g.id, title: g.title, models: g.models.map((m) => ({ ...m })) })),
    indicators: files.indicators.indicators.map((i) => ({
      id: i.id,
      name: i.name,
      unit: i.unit,
      owner: i.owner,
      withTotal: i.withTotal === 'yes',
      expectChange: i.expectChange === 'yes',
      parts: i.parts ?? [],
    })),
    sections: files.sections.sections.map((s) => ({ ...s })),
    vocabularies: vocabularies(files.vocabularies),
  };
}

/** Lookup tables over a catalog. */
export interface CatalogIndex {
  readonly department: ReadonlyMap<string, Department>;
  readonly service: ReadonlyMap<string, ServiceDef>;
  readonly model: ReadonlyMap<string, ModelDef>;
  readonly indicator: ReadonlyMap<string, IndicatorDef>;
  readonly section: ReadonlyMap<string, SectionDef>;
}

export function allServices(c: Catalog): ServiceDef[] {
  return [c.qd06, c.qd422].flatMap((t) => t.groups.flatMap((g) => g.services));
}

export function allModels(c: Catalog): ModelDef[] {
  return c.models.flatMap((g) => g.models);
}

/** indexes made, by catalog: a catalog is never changed once assembled, and several steps of a command index it */
const INDEXES = new WeakMap<Catalog, CatalogIndex>();

export function indexCatalog(c: Catalog): CatalogIndex {
  let index = INDEXES.get(c);
  if (!index) {
    index = {
      department: new Map(c.departments.map((d) => [d.id, d])),
      service: new Map(allServices(c).map((s) => [s.id, s])),
      model: new Map(allModels(c).map((m) => [m.id, m])),
      indicator: new Map(c.indicators.map((i) => [i.id, i])),
      section: new Map(c.sections.map((s) => [s.id, s])),
    };
    INDEXES.set(c, index);
  }
  return index;
}

/** Everything a department is expected to report, by kind. */
export function ownedBy(c: Catalog, department: string): Record<ItemKind, string[]> {
  return {
    service: allServices(c).filter((s) => s.owner === department).map((s) => s.id),
    model: allModels(c).filter((m) => m.lead === department).map((m) => m.id),
    indicator: c.indicators.filter((i) => i.owner === department).map((i) => i.id),
    section: c.sections.filter((s) => s.owner === department).map((s) => s.id),
  };
}
