import type { Department, ModelGroupDef, Vocabulary } from '../catalog/catalog.js';
import type { ModelTable } from '../model/report-model.js';
import type { ProgressCount } from '../schema/vocabularies.js';
import { printedLabel } from '../schema/labels.js';
import type { ModelEntryOut } from '../schema/submission.js';

export interface ReportedModel {
  readonly entry: ModelEntryOut;
  readonly department: string;
}

/** Phụ lục III: the catalog's groups and models with what their leads reported; STT runs over all groups. */
export function modelTable(
  groups: readonly ModelGroupDef[],
  reported: ReadonlyMap<string, ReportedModel>,
  departments: ReadonlyMap<string, Department>,
  statuses: Vocabulary<ProgressCount>,
): ModelTable {
  let stt = 0;
  const out = groups.map((g) => {
    const rows = g.models.map((m) => {
      const r = reported.get(m.id);
      const e = r?.entry;
      const status = e?.status ?? null;
      return {
        id: m.id,
        number: m.number,
        stt: ++stt,
        name: m.name,
        lead: m.lead,
        leadName: departments.get(m.lead)?.name ?? m.lead,
        status,
        statusLabel: printedLabel(statuses.labels, status),
        progress: e?.progress ?? '',
        results: e?.results ?? '',
        difficulties: e?.difficulties ?? '',
        effectiveness: e?.effectiveness ?? '',
        funding: e?.funding ?? '',
        continuation: e?.continuation ?? '',
        reportedBy: r?.department ?? null,
      };
    });
    return { id: g.id, title: g.title, count: rows.length, rows };
  });
  const all = out.flatMap((g) => g.rows);
  const byStatus = Object.fromEntries(statuses.terms.map((t) => [t.id, all.filter((r) => r.status === t.id).length]));
  return { groups: out, counts: { models: all.length, ...byStatus } };
}
