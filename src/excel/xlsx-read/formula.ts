import { columnLetter } from '../workbook-spec.js';

/**
 * Shared formulas: Excel writes the formula once, in the group's first cell, and the others name the group
 * (`<f t="shared" si="0"/>`). A cell's own formula is the first one with its relative references moved by the
 * cell's offset from the first cell, as Excel shows it (and as exceljs's `cell.formula` gives it).
 */

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

function isTokenChar(ch: number): boolean {
  // A-Z a-z 0-9 _ $
  return (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || (ch >= 48 && ch <= 57) || ch === 95 || ch === 36;
}

/** A token such as "B7", "$B$7", "B$7" in formula[start, end), moved by (rows, columns); null when it is not a cell. */
function moved(formula: string, start: number, end: number, rows: number, columns: number): string | null {
  let i = start;
  const colAbs = formula.charCodeAt(i) === 36;
  if (colAbs) i++;
  let col = 0;
  const letters = i;
  for (; i < end; i++) {
    const ch = formula.charCodeAt(i) | 32;
    if (!(ch >= 97 && ch <= 122)) break;
    col = col * 26 + (ch - 96);
  }
  if (i === letters || i - letters > 3) return null;
  const rowAbs = formula.charCodeAt(i) === 36;
  if (rowAbs) i++;
  if (end - i < 1 || end - i > 7 || formula.charCodeAt(i) === 48) return null;
  let row = 0;
  for (; i < end; i++) {
    const d = formula.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return null;
    row = row * 10 + d;
  }
  if (col > MAX_COLUMN) return null; // "TAX2024" is a name, not a cell
  if (!colAbs) col += columns;
  if (!rowAbs) row += rows;
  if (col < 1 || col > MAX_COLUMN || row < 1 || row > MAX_ROW) return '#REF!';
  return `${colAbs ? '$' : ''}${columnLetter(col)}${rowAbs ? '$' : ''}${row}`;
}

/** The formula of a cell `rows` below and `columns` right of the cell whose formula is `formula`. */
export function slideFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  const out: string[] = [];
  // formula[last…i) is copied as it is when the next reference is moved
  let last = 0;
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula.charCodeAt(i);
    if (ch === 34 || ch === 39) {
      // a "string literal" or a 'quoted sheet name', with doubled quotes inside: kept as it is
      let j = i + 1;
      for (;;) {
        const q = formula.indexOf(ch === 34 ? '"' : "'", j);
        if (q < 0) {
          j = n;
          break;
        }
        if (formula.charCodeAt(q + 1) === ch) j = q + 2;
        else {
          j = q + 1;
          break;
        }
      }
      i = j;
      continue;
    }
    if (!isTokenChar(ch)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isTokenChar(formula.charCodeAt(j))) j++;
    // a function name ("LOG10(") is not a reference
    if (formula.charCodeAt(j) !== 40) {
      const to = moved(formula, i, j, rows, columns);
      if (to !== null) {
        out.push(formula.slice(last, i), to);
        last = j;
      }
    }
    i = j;
  }
  if (last === 0) return formula;
  out.push(formula.slice(last));
  return out.join('');
}
