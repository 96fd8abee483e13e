import { Paragraph, type Table } from 'docx';
import { fillLabel, formatNumbering } from '../../format/label.js';
import type { ModelField, ModelsTableSpec } from '../../model/appendix.js';
import type { ModelGroup, ModelRow, ModelTable } from '../../model/report-model.js';
import { ALIGN, cellText, gridTable, type GridCell, type GridRow } from './grid-table.js';
import { headingRows } from './table-heading.js';
import { PT, run } from './text.js';

const size = PT.modelTable;
/** a little air between the paragraphs of the long cells */
const after = 40;

const text = (t: string, align: (typeof ALIGN)[keyof typeof ALIGN] = ALIGN.left, bold = false): GridCell => ({
  children: cellText(t, { size, align, bold, after }),
});

/** the row's label (the definition's `rowLabel`, filled) in bold, then its name */
function modelCell(spec: ModelsTableSpec, row: ModelRow): GridCell {
  return {
    children: [
      new Paragraph({
        spacing: { before: 0, after, line: 240 },
        children: [run(fillLabel(spec.rowLabel, { number: row.number, id: row.id }), { bold: true, size }), run(` ${row.name}`, { size })],
      }),
    ],
  };
}

/** The progress label (`progressLabel`) in bold italics and the progress sentence first, then the results, one paragraph per line. */
function resultsCell(spec: ModelsTableSpec, row: ModelRow): GridCell {
  const progress = row.progress.trim() !== '' ? row.progress : row.statusLabel;
  const head =
    progress.trim() === ''
      ? []
      : [
          new Paragraph({
            alignment: ALIGN.justify,
            spacing: { before: 0, after, line: 240 },
            children: [run(spec.progressLabel, { bold: true, italic: true, size }), run(` ${progress.trim()}`, { italic: true, size })],
          }),
        ];
  return { children: [...head, ...cellText(row.results, { size, align: ALIGN.justify, after })] };
}

function cell(spec: ModelsTableSpec, field: ModelField, row: ModelRow): GridCell {
  switch (field) {
    case 'stt':
      return text(formatNumbering(row.stt, spec.numbering), ALIGN.center);
    case 'model':
      return modelCell(spec, row);
    case 'results':
      return resultsCell(spec, row);
    case 'status':
      return text(row.statusLabel);
    case 'lead':
      return text(row.leadName);
    case 'difficulties':
    case 'effectiveness':
    case 'funding':
    case 'continuation':
      return text(row[field]);
  }
}

function groupRows(spec: ModelsTableSpec, group: ModelGroup): GridRow[] {
  const title = fillLabel(spec.groupLabel, { id: group.id, title: group.title, count: group.count });
  return [
    { cantSplit: true, keepNext: true, cells: [text(group.id, ALIGN.center, true), { ...text(title, ALIGN.left, true), span: spec.columns.length - 1 }] },
    ...group.rows.map((row): GridRow => ({ cells: spec.columns.map((c) => cell(spec, c.field, row)) })),
  ];
}

/** A table of kind "models": the heading row(s), group rows with their counted label, rows numbered across groups. */
export function modelTable(spec: ModelsTableSpec, table: ModelTable, widths: readonly number[], templated: Readonly<Record<string, readonly string[]>>): Table {
  // Model rows may split across pages: their cells often run longer than a page.
  return gridTable(widths, [...headingRows(spec.headings, templated, { size }), ...table.groups.flatMap((g) => groupRows(spec, g))]);
}
