import type { ReportModel, ServiceFigures } from '../model/report-model.js';
import { monthOverMonth } from './delta.js';
import type { Delta } from '../model/report-model.js';

/** What changed between two months, row by row: figures with their change, texts changed or not. */

export interface FigureChange {
  readonly kind: 'qd06' | 'qd422' | 'indicator';
  readonly id: string;
  readonly name: string;
  readonly field: string;
  readonly before: number | null;
  readonly after: number | null;
  readonly delta: Delta;
  /** the department that reports it has not sent this month's return (not a figure taken away) */
  readonly notSubmitted: boolean;
}

/** A text or a status (connection, progress), old → new. */
export interface TextChange {
  readonly kind: 'qd06' | 'qd422' | 'model' | 'section';
  readonly id: string;
  readonly name: string;
  readonly field: string;
  readonly status: 'changed' | 'unchanged' | 'added' | 'removed' | 'not-submitted';
  readonly before: string;
  readonly after: string;
}

export interface MonthDiff {
  readonly month: string;
  readonly against: string;
  readonly figures: readonly FigureChange[];
  readonly texts: readonly TextChange[];
}

const FIGURES = ['total', 'online', 'onTime', 'overdue'] as const;

function textStatus(before: string, after: string, notSubmitted = false): TextChange['status'] {
  if (before === after) return 'unchanged';
  if (notSubmitted && !after) return 'not-submitted';
  if (!before) return 'added';
  if (!after) return 'removed';
  return 'changed';
}

function serviceRows(m: ReportModel, kind: 'qd06' | 'qd422') {
  return m[kind].groups.flatMap((g) =>
    g.rows.flatMap((r) => [
      { id: r.id, name: r.name, f: r as ServiceFigures, owner: r.owner, reported: r.reportedBy !== null },
      ...r.parts.map((p) => ({ id: p.id, name: `${r.name} – ${p.name}`, f: p as ServiceFigures, owner: r.owner, reported: r.reportedBy !== null })),
    ]),
  );
}

export function diffMonths(current: ReportModel, against: ReportModel): MonthDiff {
  const figures: FigureChange[] = [];
  const texts: TextChange[] = [];
  const sent = new Set(current.departments.filter((d) => d.submitted).map((d) => d.id));
  // a row is missing this month because its department has not answered, not because anything was taken away
  const unsent = (owner: string, reported: boolean) => !reported && !sent.has(owner);
  const text = (t: Omit<TextChange, 'status'>, notSubmitted: boolean) => texts.push({ ...t, status: textStatus(t.before, t.after, notSubmitted) });
  for (const kind of ['qd06', 'qd422'] as const) {
    const old = new Map(serviceRows(against, kind).map((r) => [r.id, r.f]));
    for (const r of serviceRows(current, kind)) {
      const o = old.get(r.id);
      const notSubmitted = unsent(r.owner, r.reported);
      for (const field of FIGURES) {
        const after = r.f[field];
        const before = o ? o[field] : null;
        if (after === null && before === null) continue;
        figures.push({ kind, id: r.id, name: r.name, field, before, after, delta: monthOverMonth(after, before, against.month), notSubmitted });
      }
      text({ kind, id: r.id, name: r.name, field: 'connection', before: o?.connectionLabel ?? '', after: r.f.connectionLabel }, notSubmitted);
      text({ kind, id: r.id, name: r.name, field: 'difficulties', before: o?.difficulties ?? '', after: r.f.difficulties }, notSubmitted);
    }
  }
  for (const ind of Object.values(current.indicators)) {
    const o = against.indicators[ind.id];
    const notSubmitted = unsent(ind.owner, ind.reportedBy !== null);
    for (const field of ['value', 'total'] as const) {
      if (ind[field] === null && (o?.[field] ?? null) === null) continue;
      figures.push({ kind: 'indicator', id: ind.id, name: ind.name, field, before: o?.[field] ?? null, after: ind[field], delta: monthOverMonth(ind[field], o?.[field], against.month), notSubmitted });
    }
  }
  const oldModels = new Map(against.models.groups.flatMap((g) => g.rows).map((r) => [r.id, r]));
  for (const r of current.models.groups.flatMap((g) => g.rows)) {
    const o = oldModels.get(r.id);
    const notSubmitted = unsent(r.lead, r.reportedBy !== null);
    for (const field of ['statusLabel', 'progress', 'results', 'difficulties', 'effectiveness', 'funding', 'continuation'] as const) {
      text({ kind: 'model', id: r.id, name: `Mô hình ${r.number}: ${r.name}`, field, before: o?.[field] ?? '', after: r[field] }, notSubmitted);
    }
  }
  for (const s of Object.values(current.sections)) {
    const before = (against.sections[s.id]?.items ?? []).join('\n\n');
    text({ kind: 'section', id: s.id, name: s.title, field: 'items', before, after: s.items.join('\n\n') }, unsent(s.owner, s.reportedBy !== null));
  }
  return { month: current.month, against: against.month, figures, texts };
}
