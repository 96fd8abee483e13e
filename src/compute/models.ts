import type { Department, ModelGroupDef } from '../catalog/catalog.js';
import { PROGRESS_STATUSES, type ModelTable, type ProgressStatus } from '../model/report-model.js';
import { PROGRESS_LABELS } from '../schema/labels.js';
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
        statusLabel: status ? PROGRESS_LABELS[status] : '',
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
  const byStatus = Object.fromEntries(PROGRESS_STATUSES.map((s) => [s, all.filter((r) => r.status === s).length])) as Record<ProgressStatus, number>;
  return { groups: out, counts: { models: all.length, ...byStatus } };
}
