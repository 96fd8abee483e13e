import type { HeadingCell } from '../../model/appendix.js';
import { headingLines } from '../appendix-data.js';
import { ALIGN, cellText, type GridCell, type GridRow } from './grid-table.js';

/**
 * The heading rows of an appendix's table, repeated on every page: each cell bold and centred, a template's
 * further lines in italics under its first, cells merged across and down as the definition groups the columns.
 */
export function headingRows(
  headings: readonly (readonly HeadingCell[])[],
  templated: Readonly<Record<string, readonly string[]>>,
  format: { readonly size: number; readonly minHeight?: number },
): GridRow[] {
  return headings.map((row) => ({
    header: true,
    cantSplit: true,
    ...(format.minHeight ? { minHeight: format.minHeight } : {}),
    cells: row.map((h): GridCell => {
      const [first = '', ...rest] = headingLines(h, templated);
      return {
        children: [
          ...cellText(first, { bold: true, size: format.size, align: ALIGN.center }),
          ...cellText(rest.join('\n'), { italic: true, size: format.size, align: ALIGN.center }),
        ],
        middle: true,
        column: h.column,
        span: h.span,
        rowSpan: h.rowSpan,
      };
    }),
  }));
}
