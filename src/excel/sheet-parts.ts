import type { ColumnDef } from './form-layout.js';
import { columnLetter, type SheetBuilder, type StyleSpec, type ValidationSpec } from './workbook-spec.js';

/** Styles and small helpers shared by the form sheets. */

export const COUNT_FORMAT = '#,##0';

export const STYLE = {
  title: { font: { bold: true, size: 14 }, horizontal: 'left', vertical: 'middle' },
  subtitle: { font: { italic: true, size: 11 }, horizontal: 'left', vertical: 'top', wrap: true },
  header: { font: { bold: true, size: 11 }, horizontal: 'center', vertical: 'middle', wrap: true, border: true, fill: 'DDEBF7' },
  subheader: { font: { bold: true, size: 10 }, horizontal: 'center', vertical: 'middle', wrap: true, border: true, fill: 'DDEBF7' },
  heading: { font: { bold: true, size: 11 }, horizontal: 'left', vertical: 'middle', wrap: true, border: true, fill: 'E2EFDA' },
  catalog: { font: { size: 11 }, vertical: 'top', wrap: true, border: true, fill: 'F2F2F2' },
  input: { font: { size: 11 }, vertical: 'top', wrap: true, border: true, fill: 'FFF8D6', locked: false },
  inputCount: { font: { size: 11 }, vertical: 'top', horizontal: 'right', border: true, fill: 'FFF8D6', numFmt: COUNT_FORMAT, locked: false },
  inputDate: { font: { size: 11 }, vertical: 'top', horizontal: 'center', border: true, fill: 'FFF8D6', numFmt: 'dd/mm/yyyy', locked: false },
  previous: { font: { size: 10, italic: true, color: '595959' }, vertical: 'top', wrap: true, border: true, fill: 'EDEDED' },
  previousCount: { font: { size: 10, italic: true, color: '595959' }, vertical: 'top', horizontal: 'right', border: true, fill: 'EDEDED', numFmt: COUNT_FORMAT },
  computed: { font: { size: 10, italic: true, color: '595959' }, vertical: 'top', horizontal: 'right', border: true, fill: 'EDEDED', numFmt: '0.00%' },
  blank: { border: true, fill: 'EDEDED' },
  hidden: { font: { size: 8, color: '808080' } },
  text: { font: { size: 11 }, vertical: 'top', wrap: true },
} as const satisfies Record<string, StyleSpec>;

/** Row 1 (hidden): the column keys; A1: the sheet's marker. */
export function keyRow(b: SheetBuilder, columns: readonly ColumnDef[], marker: string): void {
  b.set(1, 1, marker, STYLE.hidden);
  columns.forEach((c, i) => {
    if (i > 0) b.set(1, i + 1, c.key, STYLE.hidden);
  });
  b.row(1, { hidden: true });
}

/**
 * Header rows 4–5: a column with a `sub` shares its header with its neighbours of the same header
 * (merged across on row 4, sub-headers on row 5); the others span both rows. Each header carries its note.
 */
export function headerRows(b: SheetBuilder, columns: readonly ColumnDef[], labels: { current: string; previous: string }): void {
  let i = 0;
  while (i < columns.length) {
    const c = columns[i]!;
    const col = i + 1;
    if (c.role === 'key' || c.role === 'present') {
      i++;
      continue;
    }
    if (c.sub) {
      let j = i;
      while (j + 1 < columns.length && columns[j + 1]!.header === c.header && columns[j + 1]!.sub) j++;
      b.merge(4, col, 4, j + 1, c.header, STYLE.header);
      for (let k = i; k <= j; k++) {
        const sc = columns[k]!;
        b.set(5, k + 1, sc.role === 'previous' ? labels.previous : labels.current, STYLE.subheader, sc.note);
      }
      if (c.note) b.set(4, col, c.header, STYLE.header, c.note);
      i = j + 1;
    } else {
      b.merge(4, col, 5, col, c.header, STYLE.header);
      if (c.note) b.set(4, col, c.header, STYLE.header, c.note);
      i++;
    }
  }
  b.row(4, { height: 45 });
  b.row(5, { height: 28 });
}

/** Consecutive row numbers → "E6:E9", "E12:E12" ranges of one column. */
export function ranges(column: number, rows: readonly number[]): string[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const out: string[] = [];
  let start = sorted[0];
  let prev = start;
  for (const r of [...sorted.slice(1), undefined]) {
    if (r !== undefined && prev !== undefined && r === prev + 1) {
      prev = r;
      continue;
    }
    if (start !== undefined && prev !== undefined) out.push(`${columnLetter(column)}${start}:${columnLetter(column)}${prev}`);
    start = r;
    prev = r;
  }
  return out;
}

export function validateColumn(b: SheetBuilder, column: number, rows: readonly number[], rule: ValidationSpec): void {
  for (const range of ranges(column, rows)) b.validate(range, rule);
}

/** Excel limits an input prompt to 255 characters. */
export function prompt(text: string | undefined): string | undefined {
  if (!text) return undefined;
  return text.length <= 250 ? text : text.slice(0, 249) + '…';
}
