import { indexCatalog, type Catalog } from '../catalog/catalog.js';
import type { Footnote, ReportHeader, ReportModel, Section } from '../model/report-model.js';
import type { ReportSettings } from '../schema/report-settings.js';
import type { Submission } from '../schema/submission.js';
import type { PreviousValues } from '../workspace/month.js';
import type { AppendicesFileOut } from '../schema/definition.js';
import { appendicesSpec } from './appendices.js';
import { indicator, type ReportedIndicator } from './indicators.js';
import { modelTable, type ReportedModel } from './models.js';
import { nextMonth, previousMonth, reportingPeriod } from './period.js';
import { serviceTable, type ReportedService } from './services.js';

export interface ModelInput {
  readonly month: string;
  readonly settings: ReportSettings;
  readonly catalog: Catalog;
  readonly submissions: readonly { readonly file: string; readonly submission: Submission }[];
  readonly previous: PreviousValues | null;
  /** data/report/appendices.yaml */
  readonly definition: AppendicesFileOut;
}

function monthParts(month: string) {
  const [y, m] = month.split('-').map(Number);
  return { month, year: y ?? 0, monthNumber: m ?? 0 };
}

/**
 * Who reported each item: the owner's claim wins; another department's claim (already an error) is only
 * used when the owner said nothing, so that a draft still shows the figure.
 */
function claims<T>(
  subs: ModelInput['submissions'],
  pick: (s: Submission) => Readonly<Record<string, T>> | undefined,
  ownerOf: (id: string) => string | undefined,
): Map<string, { entry: T; department: string }> {
  const out = new Map<string, { entry: T; department: string }>();
  for (const pass of ['owner', 'other'] as const) {
    for (const { submission: s } of subs) {
      for (const [id, entry] of Object.entries(pick(s) ?? {})) {
        const isOwner = ownerOf(id) === s.department;
        if ((pass === 'owner') === isOwner && !out.has(id)) out.set(id, { entry, department: s.department });
      }
    }
  }
  return out;
}

function header(s: ReportSettings): ReportHeader {
  return {
    province: s.province,
    governingBody: s.governingBody,
    issuingBody: s.issuingBody,
    symbol: s.symbol,
    number: s.number ?? '',
    place: s.place,
    issueDate: s.issueDate ?? null,
    issuerName: s.issuerName,
    addressee: s.addressee,
    signer: s.signer,
    recipients: s.recipients.map((r) => (typeof r === 'string' ? { text: r } : r.footnote ? { text: r.text, footnote: r.footnote } : { text: r.text })),
    archive: s.archive,
  };
}

/** All the month's returns → the one model every renderer reads. Pure. */
export function buildReportModel(input: ModelInput): ReportModel {
  const { catalog, submissions, previous, month } = input;
  const index = indexCatalog(catalog);
  const prevMonth = previous?.month ?? null;
  const services = claims<ReportedService['entry']>(submissions, (s) => s.services, (id) => index.service.get(id)?.owner);
  const indicators = claims<ReportedIndicator['entry']>(submissions, (s) => s.indicators, (id) => index.indicator.get(id)?.owner);
  const models = claims<ReportedModel['entry']>(submissions, (s) => s.models, (id) => index.model.get(id)?.lead);
  const sections = claims<readonly string[]>(submissions, (s) => s.sections, (id) => index.section.get(id)?.owner);

  const footnotes: Footnote[] = [];
  for (const { submission } of submissions) {
    for (const [id, text] of Object.entries(submission.footnotes ?? {})) {
      if (!footnotes.some((f) => f.id === id)) footnotes.push({ id, text });
    }
  }
  const byFile = new Map(submissions.map((s) => [s.submission.department, s.file]));
  const previousParts = prevMonth ? monthParts(prevMonth) : monthParts(previousMonth(month));
  const period = reportingPeriod(month, input.settings.period.cutoffDay);
  const qd06 = serviceTable(catalog.qd06, services, previous?.services ?? null, prevMonth, catalog.vocabularies.connection);
  const qd422 = qd422Table(catalog, services, previous, prevMonth);
  const indicatorValues = Object.fromEntries(
    catalog.indicators.map((def) => {
      const reported = indicators.get(def.id);
      // a figure without its own "as of" date is as of the return's date, else the period's last day (docs/data-format.md)
      const asOf = reported ? (submissions.find((s) => s.submission.department === reported.department)?.submission.asOf ?? period.to) : null;
      return [def.id, indicator(def, reported, previous?.indicators[def.id], prevMonth, asOf)];
    }),
  );
  const modelRows = modelTable(catalog.models, models, index.department, catalog.vocabularies.progress);
  const lists = {
    services: new Map([[qd06.id, qd06], [qd422.id, qd422]]),
    models: new Map([['models', { table: modelRows, vocabulary: catalog.vocabularies.progress }]]),
    indicators: new Map([['indicators', Object.values(indicatorValues)]]),
  };

  return {
    schemaVersion: 1,
    ...monthParts(month),
    next: monthParts(nextMonth(month)),
    previous: { ...previousParts, source: previous?.source ?? 'none' },
    period,
    header: header(input.settings),
    qd06,
    qd422,
    models: modelRows,
    indicators: indicatorValues,
    sections: Object.fromEntries(
      catalog.sections.map((def): [string, Section] => {
        const r = sections.get(def.id);
        return [def.id, { id: def.id, title: def.title, owner: def.owner, items: r?.entry ?? [], reportedBy: r?.department ?? null }];
      }),
    ),
    footnotes,
    departments: catalog.departments.map((d) => ({ id: d.id, name: d.name, submitted: byFile.has(d.id), file: byFile.get(d.id) ?? null })),
    appendices: appendicesSpec(input.definition, lists, month),
  };
}

function qd422Table(
  catalog: Catalog,
  services: ReadonlyMap<string, ReportedService>,
  previous: PreviousValues | null,
  prevMonth: string | null,
): ReportModel['qd422'] {
  const table = serviceTable(catalog.qd422, services, previous?.services ?? null, prevMonth, catalog.vocabularies.connection);
  const nationalTotal = catalog.qd422.nationalTotal ?? table.counts.services;
  return { ...table, nationalTotal, ministryLevel: Math.max(0, nationalTotal - table.counts.services) };
}
