import type { Table } from 'docx';
import { formatCount } from '../../format/index.js';
import { formatNumbering } from '../../format/label.js';
import type { TallyField, TallyRow, TallyTableSpec } from '../../model/appendix.js';
import { ALIGN, cellText, gridTable, type GridCell, type GridRow } from './grid-table.js';
import { headingRows } from './table-heading.js';
import { PT } from './text.js';

const size = PT.tableBody;

function cell(field: TallyField, row: TallyRow, stt: string, bold: boolean): GridCell {
  const text = (t: string, align: (typeof ALIGN)[keyof typeof ALIGN]): GridCell => ({ children: cellText(t, { size, align, bold }) });
  switch (field) {
    case 'stt':
      return text(stt, ALIGN.center);
    case 'status':
      return text(row.label, ALIGN.left);
    case 'count':
      return text(formatCount(row.count), ALIGN.right);
    case 'rate':
      return text(row.rateText, ALIGN.right);
  }
}

/** A table of kind "tally": one row per status of the list's vocabulary with its count and share, then the total in bold. */
export function tallyTable(spec: TallyTableSpec, widths: readonly number[], templated: Readonly<Record<string, readonly string[]>>): Table {
  const fields = spec.columns.map((c) => c.field);
  const rows = spec.rows.map((r, i): GridRow => ({ cantSplit: true, cells: fields.map((f) => cell(f, r, formatNumbering(i + 1, spec.numbering), false)) }));
  const total: GridRow = { cantSplit: true, cells: fields.map((f) => cell(f, spec.total, '', true)) };
  return gridTable(widths, [...headingRows(spec.headings, templated, { size: PT.tableHeader }), ...rows, total]);
}
