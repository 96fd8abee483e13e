import {
  AlignmentType,
  HeightRule,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { THIN_BORDERS } from './layout-kit.js';
import { lines, run, type RunFormat } from './text.js';

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

export const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

/** One cell of a grid table; it spans `span` columns (default 1) and `rowSpan` rows. */
export interface GridCell {
  readonly children: readonly Paragraph[];
  readonly span?: number;
  readonly rowSpan?: number;
  /** the grid column the cell starts at, when columns before it are covered by cells merged from above */
  readonly column?: number;
  readonly middle?: boolean;
}

export interface GridRow {
  readonly cells: readonly GridCell[];
  /** repeated at the top of each page */
  readonly header?: boolean;
  readonly cantSplit?: boolean;
  /** keeps the row on the page of the next one (group rows) */
  readonly keepNext?: boolean;
  /** minimum height in twips */
  readonly minHeight?: number;
}

/** Paragraphs of a cell: one per line of the text; an empty cell still holds one empty paragraph. */
export function cellText(text: string, format: RunFormat & { readonly align?: Alignment; readonly after?: number } = {}): Paragraph[] {
  return lines(text).map(
    (l) =>
      new Paragraph({
        alignment: format.align ?? AlignmentType.LEFT,
        spacing: { before: 0, after: format.after ?? 0, line: 240 },
        children: [run(l, format)],
      }),
  );
}

/**
 * A bordered table with a fixed grid: explicit column widths in twips (they fill the text width exactly),
 * fixed layout, and each cell's width the sum of the columns it spans.
 */
export function gridTable(widths: readonly number[], rows: readonly GridRow[]): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    borders: THIN_BORDERS,
    margins: { top: 40, bottom: 40, left: 85, right: 85 },
    rows: rows.map((row) => {
      let column = 0;
      const children = row.cells.map((cell) => {
        column = cell.column ?? column;
        const span = cell.span ?? 1;
        const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
        column += span;
        return new TableCell({
          width: { size: width, type: WidthType.DXA },
          verticalAlign: cell.middle ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
          ...(span > 1 ? { columnSpan: span } : {}),
          ...(cell.rowSpan && cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
          children: cell.children.length > 0 ? [...cell.children] : [new Paragraph({})],
        });
      });
      return new TableRow({
        children,
        ...(row.header ? { tableHeader: true } : {}),
        ...(row.cantSplit ? { cantSplit: true } : {}),
        ...(row.keepNext ? { keepNext: true } : {}),
        ...(row.minHeight ? { height: { value: row.minHeight, rule: HeightRule.ATLEAST } } : {}),
      });
    }),
  });
}
