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
}

export interface TextChange {
  readonly kind: 'qd06' | 'qd422' | 'model' | 'section';
  readonly id: string;
  readonly name: string;
  readonly field: string;
  readonly status: 'changed' | 'unchanged' | 'added' | 'removed';
}

export interface MonthDiff {
  readonly month: string;
  readonly against: string;
  readonly figures: readonly FigureChange[];
  readonly texts: readonly TextChange[];
}

const FIGURES = ['total', 'online', 'onTime', 'overdue'] as const;

function textStatus(before: string, after: string): TextChange['status'] {
  if (before === after) return 'unchanged';
  if (!before) return 'added';
  if (!after) return 'removed';
  return 'changed';
}

function serviceRows(m: ReportModel, kind: 'qd06' | 'qd422') {
  return m[kind].groups.flatMap((g) =>
    g.rows.flatMap((r) => [
      { id: r.id, name: r.name, f: r as ServiceFigures },
      ...r.parts.map((p) => ({ id: p.id, name: `${r.name} – ${p.name}`, f: p as ServiceFigures })),
    ]),
  );
}

export function diffMonths(current: ReportModel, against: ReportModel): MonthDiff {
  const figures: FigureChange[] = [];
  const texts: TextChange[] = [];
  for (const kind of ['qd06', 'qd422'] as const) {
    const old = new Map(serviceRows(against, kind).map((r) => [r.id, r.f]));
    for (const r of serviceRows(current, kind)) {
      const o = old.get(r.id);
      for (const field of FIGURES) {
        const after = r.f[field];
        const before = o ? o[field] : null;
        if (after === null && before === null) continue;
        figures.push({ kind, id: r.id, name: r.name, field, before, after, delta: monthOverMonth(after, before, against.month) });
      }
      texts.push({ kind, id: r.id, name: r.name, field: 'difficulties', status: textStatus(o?.difficulties ?? '', r.f.difficulties) });
    }
  }
  for (const ind of Object.values(current.indicators)) {
    const o = against.indicators[ind.id];
    for (const field of ['value', 'total'] as const) {
      if (ind[field] === null && (o?.[field] ?? null) === null) continue;
      figures.push({ kind: 'indicator', id: ind.id, name: ind.name, field, before: o?.[field] ?? null, after: ind[field], delta: monthOverMonth(ind[field], o?.[field], against.month) });
    }
  }
  const oldModels = new Map(against.models.groups.flatMap((g) => g.rows).map((r) => [r.id, r]));
  for (const r of current.models.groups.flatMap((g) => g.rows)) {
    const o = oldModels.get(r.id);
    for (const field of ['statusLabel', 'progress', 'results', 'difficulties', 'effectiveness', 'funding', 'continuation'] as const) {
      texts.push({ kind: 'model', id: r.id, name: `Mô hình ${r.number}: ${r.name}`, field, status: textStatus(o?.[field] ?? '', r[field]) });
    }
  }
  for (const s of Object.values(current.sections)) {
    const before = (against.sections[s.id]?.items ?? []).join('\n\n');
    texts.push({ kind: 'section', id: s.id, name: s.title, field: 'items', status: textStatus(before, s.items.join('\n\n')) });
  }
  return { month: current.month, against: against.month, figures, texts };
}
