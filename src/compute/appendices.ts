import type { Vocabulary } from '../catalog/catalog.js';
import { fillLabel } from '../format/label.js';
import { formatFraction, formatMonth, rate } from '../format/index.js';
import type { AppendicesSpec, Appendix, AppendixTableSpec, HeadingCell, TableColumn, TallyRow } from '../model/appendix.js';
import type { Indicator, ModelTable, ServiceTable } from '../model/report-model.js';
import type { AppendicesFileOut, AppendixTableOut } from '../schema/definition.js';
import type { ProgressCount } from '../schema/vocabularies.js';

/** What the appendices' tables draw their rows from: the month's lists, by the ids the definition names them by. */
export interface AppendixLists {
  readonly services: ReadonlyMap<string, ServiceTable>;
  readonly models: ReadonlyMap<string, { readonly table: ModelTable; readonly vocabulary: Vocabulary<ProgressCount> }>;
  readonly indicators: ReadonlyMap<string, readonly Indicator[]>;
}

interface Leaf<F extends string> {
  readonly field: F;
  readonly heading?: string | undefined;
  readonly headingTemplate?: string | undefined;
  readonly width?: number | undefined;
  readonly sheetWidth: number;
}
type ColumnNode<F extends string> = Leaf<F> | { readonly heading: string; readonly columns: readonly Leaf<F>[] };

/** The definition's column tree → the columns, left to right, and the heading rows with their merged cells. */
export function resolveColumns<F extends string>(tree: readonly ColumnNode<F>[]): { columns: TableColumn<F>[]; headings: HeadingCell[][] } {
  const depth = tree.some((c) => !('field' in c)) ? 2 : 1;
  const columns: TableColumn<F>[] = [];
  const headings: HeadingCell[][] = Array.from({ length: depth }, () => []);
  const head = (c: Leaf<F>, row: number, rowSpan: number): HeadingCell => ({ text: c.heading ?? '', template: c.headingTemplate ?? null, row, column: columns.length, span: 1, rowSpan });
  for (const c of tree) {
    if ('field' in c) {
      headings[0]!.push(head(c, 0, depth));
      columns.push({ field: c.field, width: c.width ?? null, sheetWidth: c.sheetWidth });
      continue;
    }
    headings[0]!.push({ text: c.heading, template: null, row: 0, column: columns.length, span: c.columns.length, rowSpan: 1 });
    for (const leaf of c.columns) {
      headings[1]!.push(head(leaf, 1, 1));
      columns.push({ field: leaf.field, width: leaf.width ?? null, sheetWidth: leaf.sheetWidth });
    }
  }
  return { columns, headings };
}

/** counts of a list per what its statuses count as, and in all */
function countedAs(table: ModelTable, vocabulary: Vocabulary<ProgressCount>): Record<ProgressCount | 'all', number> {
  const out: Record<ProgressCount | 'all', number> = { all: table.counts.models, done: 0, 'in-progress': 0, 'not-started': 0 };
  for (const t of vocabulary.terms) out[t.counts] += table.counts[t.id] ?? 0;
  return out;
}

function tallyRow(label: string, count: number, all: number): TallyRow {
  const r = rate(count, all);
  return { label, count, rate: r, rateText: formatFraction(r) };
}

/** One appendix's table, or null when its list has no row (the appendix is then not printed). */
function table(t: AppendixTableOut, lists: AppendixLists): AppendixTableSpec | null {
  switch (t.kind) {
    case 'services': {
      const list = lists.services.get(t.list);
      if (!list || list.counts.services === 0) return null;
      return { kind: 'services', list: t.list, groupLabel: t.groupLabel ?? '{title}', ...resolveColumns(t.columns) };
    }
    case 'models': {
      const list = lists.models.get(t.list);
      if (!list || list.table.counts.models === 0) return null;
      return {
        kind: 'models',
        list: t.list,
        numbering: t.numbering ?? '1',
        groupLabel: t.groupLabel ?? '{title}',
        rowLabel: t.rowLabel ?? '',
        progressLabel: t.progressLabel ?? '',
        ...resolveColumns(t.columns),
      };
    }
    case 'tally': {
      const list = lists.models.get(t.list);
      if (!list || list.table.counts.models === 0) return null;
      const all = list.table.counts.models;
      const rows = list.vocabulary.terms.map((term) => tallyRow(term.label, list.table.counts[term.id] ?? 0, all));
      const total = tallyRow(fillLabel(t.totalLabel, countedAs(list.table, list.vocabulary)), all, all);
      return { kind: 'tally', list: t.list, numbering: t.numbering ?? '1', rows, total, ...resolveColumns(t.columns) };
    }
    case 'indicators': {
      const list = lists.indicators.get(t.list);
      if (!list || list.length === 0) return null;
      return { kind: 'indicators', list: t.list, numbering: t.numbering ?? '1', ...resolveColumns(t.columns) };
    }
  }
}

/** The definition resolved against the month: the appendices to print, in order. Pure. */
export function appendicesSpec(definition: AppendicesFileOut, lists: AppendixLists, month: string): AppendicesSpec {
  const appendices = definition.appendices.flatMap((a): Appendix[] => {
    const t = table(a.table, lists);
    return t ? [{ id: a.id, title: a.title, attachedTo: a.attachedTo, orientation: a.orientation, table: t }] : [];
  });
  return { workbookTitle: fillLabel(definition.workbookTitle, { month: formatMonth(month) }), appendices };
}
