import type { Table } from 'docx';
import { formatCount } from '../../format/index.js';
import { fillLabel } from '../../format/label.js';
import type { ServiceField, ServicesTableSpec } from '../../model/appendix.js';
import type { ServiceFigures, ServiceGroup, ServiceTable } from '../../model/report-model.js';
import { ALIGN, cellText, gridTable, type GridCell, type GridRow } from './grid-table.js';
import { headingRows } from './table-heading.js';
import { PT } from './text.js';

const size = PT.tableBody;
const text = (t: string, align: (typeof ALIGN)[keyof typeof ALIGN] = ALIGN.left, bold = false): GridCell => ({
  children: cellText(t, { size, align, bold }),
});
/** Counts as the appendices print them: vi-VN groups, a leading zero below 10 ("06"); blank when not reported */
const count = (n: number | null): GridCell => text(n === null ? '' : formatCount(n), ALIGN.right);

/**
 * Minimum height of each heading row. LibreOffice lays out a repeated header row by its own content, not that
 * of the cells merged down from it, and would clip a long heading merged over two rows (the connection
 * column's) on the following pages; rows of this height hold its five lines.
 */
const HEADER_ROW_HEIGHT = 700;

/** A row's cell in a column: its number and name, or one of its figures. */
function cell(field: ServiceField, row: { readonly stt: string; readonly name: string }, f: ServiceFigures): GridCell {
  switch (field) {
    case 'stt':
      return text(row.stt, ALIGN.center);
    case 'name':
      return text(row.name);
    case 'status':
      return text(f.connectionLabel, ALIGN.center);
    case 'total':
      return count(f.total);
    case 'online':
      return count(f.online);
    case 'rate':
      return text(f.rateText, ALIGN.right);
    case 'onTime':
      return count(f.onTime);
    case 'overdue':
      return count(f.overdue);
    case 'difficulties':
      return text(f.difficulties);
  }
}

function groupRows(spec: ServicesTableSpec, group: ServiceGroup): GridRow[] {
  const fields = spec.columns.map((c) => c.field);
  const rows: GridRow[] = [];
  if (group.id !== '' || group.title !== '') {
    const label = fillLabel(spec.groupLabel, { id: group.id, title: group.title, count: group.rows.length });
    rows.push({
      cantSplit: true,
      keepNext: true,
      cells: [text(group.id, ALIGN.center, true), { ...text(label, ALIGN.left, true), span: fields.length - 1 }],
    });
  }
  for (const row of group.rows) {
    rows.push({ cantSplit: true, cells: fields.map((f) => cell(f, row, row)) });
    // a part: no number of its own, its name as a dash item under the row's
    for (const part of row.parts) rows.push({ cantSplit: true, cells: fields.map((f) => (f === 'stt' ? text('') : cell(f, { stt: '', name: `- ${part.name}` }, part))) });
  }
  return rows;
}

/** A table of kind "services": the definition's heading rows (merged), then group rows, service rows and their parts. */
export function serviceTable(spec: ServicesTableSpec, table: ServiceTable, widths: readonly number[], templated: Readonly<Record<string, readonly string[]>>): Table {
  const head = headingRows(spec.headings, templated, { size: PT.tableHeader, minHeight: HEADER_ROW_HEIGHT });
  return gridTable(widths, [...head, ...table.groups.flatMap((g) => groupRows(spec, g))]);
}
