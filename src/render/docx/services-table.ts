import type { Table } from 'docx';
import { formatCount } from '../../format/index.js';
import type { ServiceFigures, ServiceGroup, ServiceTable } from '../../model/report-model.js';
import { fillWidths, LANDSCAPE_TEXT_WIDTH } from './geometry.js';
import { ALIGN, cellText, gridTable, type GridCell, type GridRow } from './grid-table.js';
import { SERVICE_COLUMNS as C } from './labels.js';
import { PT } from './text.js';

/**
 * Columns of Phụ lục I and II, in twips: STT, service, connection, total, online, rate, on time, overdue,
 * difficulties (the rest of the 262 mm landscape text width).
 */
export const SERVICE_TABLE_COLUMNS = fillWidths(LANDSCAPE_TEXT_WIDTH, [720, 3600, 1400, 1150, 1150, 1000, 1150, 950]);

const size = PT.tableBody;
const head = (text: string, extra: Partial<GridCell> = {}): GridCell => ({
  children: cellText(text, { bold: true, size: PT.tableHeader, align: ALIGN.center }),
  middle: true,
  ...extra,
});
const text = (t: string, align: (typeof ALIGN)[keyof typeof ALIGN] = ALIGN.left, bold = false): GridCell => ({
  children: cellText(t, { size, align, bold }),
});
/** Counts as the appendices print them: vi-VN groups, a leading zero below 10 ("06"); blank when not reported */
const count = (n: number | null): GridCell => text(n === null ? '' : formatCount(n), ALIGN.right);

/**
 * Minimum height of each of the two header rows. LibreOffice lays out a repeated header row by its own
 * content, not that of the cells merged down from it, and would clip "Kết nối với Cổng DVC quốc gia (…)"
 * on the following pages; two rows of this height hold its five lines.
 */
const HEADER_ROW_HEIGHT = 700;

function headerRows(serviceHead: readonly string[]): GridRow[] {
  const [first = C.service, ...rest] = serviceHead;
  const serviceCell: GridCell = {
    children: [
      ...cellText(first, { bold: true, size: PT.tableHeader, align: ALIGN.center }),
      ...cellText(rest.join('\n'), { italic: true, size: PT.tableHeader, align: ALIGN.center }),
    ],
    middle: true,
    rowSpan: 2,
  };
  return [
    {
      header: true,
      cantSplit: true,
      minHeight: HEADER_ROW_HEIGHT,
      cells: [
        head(C.stt, { rowSpan: 2 }),
        serviceCell,
        head(C.connection, { rowSpan: 2 }),
        head(C.applications, { span: 3 }),
        head(C.processing, { span: 2 }),
        head(C.difficulties, { rowSpan: 2 }),
      ],
    },
    {
      header: true,
      cantSplit: true,
      minHeight: HEADER_ROW_HEIGHT,
      cells: [
        head(C.total, { column: 3 }),
        head(C.online),
        head(C.rate),
        head(C.onTime),
        head(C.overdue),
      ],
    },
  ];
}

function figureCells(f: ServiceFigures): GridCell[] {
  return [
    text(f.connectionLabel, ALIGN.center),
    count(f.total),
    count(f.online),
    text(f.rateText, ALIGN.right),
    count(f.onTime),
    count(f.overdue),
    text(f.difficulties),
  ];
}

function groupRows(group: ServiceGroup): GridRow[] {
  const rows: GridRow[] = [];
  if (group.id !== '' || group.title !== '') {
    rows.push({
      cantSplit: true,
      keepNext: true,
      cells: [text(group.id, ALIGN.center, true), { ...text(group.title, ALIGN.left, true), span: 8 }],
    });
  }
  for (const row of group.rows) {
    rows.push({ cantSplit: true, cells: [text(row.stt, ALIGN.center), text(row.name), ...figureCells(row)] });
    for (const part of row.parts) {
      rows.push({ cantSplit: true, cells: [text(''), text(`- ${part.name}`), ...figureCells(part)] });
    }
  }
  return rows;
}

/** Phụ lục I or II: two header rows (merged), then group rows, service rows and their parts. */
export function serviceTable(table: ServiceTable, serviceHead: readonly string[]): Table {
  return gridTable(SERVICE_TABLE_COLUMNS, [...headerRows(serviceHead), ...table.groups.flatMap(groupRows)]);
}
