import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
} from 'docx';

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
export const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
} as const;

const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
export const THIN_BORDERS = {
  top: LINE,
  bottom: LINE,
  left: LINE,
  right: LINE,
  insideHorizontal: LINE,
  insideVertical: LINE,
} as const;

/**
 * A short solid rule, centred in `within` twips: under the motto, the issuing body and the summary
 * (Nghị định 30/2020, ô 1, 2 and 5a). It is the bottom border of an empty paragraph 3 pt high, so it
 * sits just below the descenders of the line above.
 */
export function rule(width: number, within: number, after = 0): Paragraph {
  const side = Math.max(0, Math.round((within - width) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    spacing: { before: 0, after, line: 60, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 0 } },
    children: [],
  });
}

/** Side margins of the cells of the borderless layout tables */
export const LAYOUT_CELL_MARGIN = 57;

/**
 * A borderless table laying out blocks side by side (the header of page 1, the closing): fixed layout,
 * explicit widths in twips, since LibreOffice does not honour automatic widths.
 */
export function layoutTable(widths: readonly number[], rows: readonly (readonly Paragraph[])[][]): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    margins: { top: 0, bottom: 0, left: LAYOUT_CELL_MARGIN, right: LAYOUT_CELL_MARGIN },
    rows: rows.map(
      (cells) =>
        new TableRow({
          cantSplit: true,
          children: cells.map(
            (children, i) =>
              new TableCell({
                width: { size: widths[i] ?? 0, type: WidthType.DXA },
                verticalAlign: VerticalAlignTable.TOP,
                children: children.length > 0 ? [...children] : [new Paragraph({})],
              }),
          ),
        }),
    ),
  });
}
