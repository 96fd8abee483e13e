import { Paragraph, type Table } from 'docx';
import { formatCount } from '../../format/index.js';
import type { ModelGroup, ModelRow, ModelTable } from '../../model/report-model.js';
import { fillWidths, LANDSCAPE_TEXT_WIDTH } from './geometry.js';
import { ALIGN, cellText, gridTable, type GridCell, type GridRow } from './grid-table.js';
import { LABELS, MODEL_COLUMNS } from './labels.js';
import { PT, run } from './text.js';

/**
 * Columns of Phụ lục III, in twips: STT, model, results, difficulties, effectiveness, funding, and
 * "continue and replicate?" (the rest of the 262 mm landscape text width).
 */
export const MODEL_TABLE_COLUMNS = fillWidths(LANDSCAPE_TEXT_WIDTH, [720, 2000, 4500, 2300, 2100, 1300]);

const size = PT.modelTable;
/** a little air between the paragraphs of the long cells */
const after = 40;

const text = (t: string, align: (typeof ALIGN)[keyof typeof ALIGN] = ALIGN.left, bold = false): GridCell => ({
  children: cellText(t, { size, align, bold, after }),
});

function modelCell(row: ModelRow): GridCell {
  return {
    children: [
      new Paragraph({
        spacing: { before: 0, after, line: 240 },
        children: [run(`${LABELS.modelPrefix} ${row.number}:`, { bold: true, size }), run(` ${row.name}`, { size })],
      }),
    ],
  };
}

/** "Đánh giá tiến độ: …" first, then the results, one paragraph per line. */
function resultsCell(row: ModelRow): GridCell {
  const progress = row.progress.trim() !== '' ? row.progress : row.statusLabel;
  const head =
    progress.trim() === ''
      ? []
      : [
          new Paragraph({
            alignment: ALIGN.justify,
            spacing: { before: 0, after, line: 240 },
            children: [run(LABELS.progress, { bold: true, italic: true, size }), run(` ${progress.trim()}`, { italic: true, size })],
          }),
        ];
  return { children: [...head, ...cellText(row.results, { size, align: ALIGN.justify, after })] };
}

function groupRows(group: ModelGroup): GridRow[] {
  const title = `${group.title} (${formatCount(group.count)} ${LABELS.models})`;
  return [
    { cantSplit: true, keepNext: true, cells: [text(group.id, ALIGN.center, true), { ...text(title, ALIGN.left, true), span: 6 }] },
    ...group.rows.map(
      (row): GridRow => ({
        cells: [
          text(String(row.stt), ALIGN.center),
          modelCell(row),
          resultsCell(row),
          text(row.difficulties),
          text(row.effectiveness),
          text(row.funding),
          text(row.continuation),
        ],
      }),
    ),
  ];
}

/** Phụ lục III: one header row, group rows "I | NHÓM … (03 MÔ HÌNH)", model rows numbered across groups. */
export function modelTable(table: ModelTable): Table {
  const header: GridRow = {
    header: true,
    cantSplit: true,
    cells: MODEL_COLUMNS.map((h) => ({
      children: cellText(h, { bold: true, size, align: ALIGN.center }),
      middle: true,
    })),
  };
  // Model rows may split across pages: their cells often run longer than a page.
  return gridTable(MODEL_TABLE_COLUMNS, [header, ...table.groups.flatMap(groupRows)]);
}
