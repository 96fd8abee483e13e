import type { Table } from 'docx';
import { formatCount, formatNumber } from '../../format/index.js';
import { formatNumbering } from '../../format/label.js';
import type { IndicatorField, IndicatorsTableSpec } from '../../model/appendix.js';
import type { Indicator } from '../../model/report-model.js';
import { ALIGN, cellText, gridTable, type GridCell, type GridRow } from './grid-table.js';
import { headingRows } from './table-heading.js';
import { PT } from './text.js';

const size = PT.tableBody;
const text = (t: string, align: (typeof ALIGN)[keyof typeof ALIGN] = ALIGN.left): GridCell => ({ children: cellText(t, { size, align }) });
const count = (n: number | null): GridCell => text(n === null ? '' : formatCount(n), ALIGN.right);

/** the change from last month with its sign ("+594", "-3", "0"); blank without both months */
function signedChange(n: number | null): string {
  return n === null ? '' : n > 0 ? `+${formatNumber(n)}` : formatNumber(n);
}

function cell(field: IndicatorField, row: Indicator, stt: string): GridCell {
  switch (field) {
    case 'stt':
      return text(stt, ALIGN.center);
    case 'name':
      return text(row.name);
    case 'unit':
      return text(row.unit, ALIGN.center);
    case 'value':
      return count(row.value);
    case 'total':
      return count(row.total);
    case 'rate':
      return text(row.rateText, ALIGN.right);
    case 'previous':
      return count(row.delta.previous);
    case 'change':
      return text(signedChange(row.delta.change), ALIGN.right);
  }
}

/** A table of kind "indicators": one row per indicator of the catalog, its figure, total and rate, last month's and the change. */
export function indicatorsTable(spec: IndicatorsTableSpec, rows: readonly Indicator[], widths: readonly number[], templated: Readonly<Record<string, readonly string[]>>): Table {
  const body = rows.map((r, i): GridRow => ({ cantSplit: true, cells: spec.columns.map((c) => cell(c.field, r, formatNumbering(i + 1, spec.numbering))) }));
  return gridTable(widths, [...headingRows(spec.headings, templated, { size: PT.tableHeader }), ...body]);
}
