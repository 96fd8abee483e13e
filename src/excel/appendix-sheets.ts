import { fillLabel, formatNumbering } from '../format/label.js';
import type { HeadingCell, IndicatorField, IndicatorsTableSpec, ModelField, ModelsTableSpec, ServiceField, ServicesTableSpec, TallyField, TallyTableSpec } from '../model/appendix.js';
import type { Indicator, ModelRow, ModelTable, ServiceFigures, ServiceTable } from '../model/report-model.js';
import { headingLines } from '../render/appendix-data.js';
import type { CellValueSpec, SheetBuilder, StyleSpec } from './workbook-spec.js';

/** The tables of the appendices' sheets, cell by cell, as the definition lays them out (render-appendices.ts). */

/** counts as the report prints them: "0", "06", "229.046" */
export const COUNT_FORMAT = '[=0]0;[<10]00;#,##0';
const MAX_CELL = 32_767;

export const S = {
  label: { font: { bold: true, size: 14 }, horizontal: 'center', vertical: 'middle' },
  title: { font: { bold: true, size: 13 }, horizontal: 'center', vertical: 'middle', wrap: true },
  attached: { font: { italic: true, size: 12 }, horizontal: 'center', vertical: 'middle', wrap: true },
  head: { font: { bold: true, size: 11 }, horizontal: 'center', vertical: 'middle', wrap: true, border: true },
  group: { font: { bold: true, size: 11 }, horizontal: 'left', vertical: 'middle', wrap: true, border: true },
  groupId: { font: { bold: true, size: 11 }, horizontal: 'center', vertical: 'middle', border: true },
  text: { font: { size: 11 }, horizontal: 'left', vertical: 'top', wrap: true, border: true },
  center: { font: { size: 11 }, horizontal: 'center', vertical: 'top', wrap: true, border: true },
  count: { font: { size: 11 }, horizontal: 'right', vertical: 'top', border: true, numFmt: COUNT_FORMAT },
  justify: { font: { size: 11 }, horizontal: 'justify', vertical: 'top', wrap: true, border: true },
} as const satisfies Record<string, StyleSpec>;

/** Height of each heading row, by table kind (points) */
export const HEADING_ROW_HEIGHT = { services: 48, models: 96, tally: 48, indicators: 48 } as const;

function clip(text: string): string {
  return text.length <= MAX_CELL ? text : text.slice(0, MAX_CELL - 1) + '…';
}
const textOrNull = (t: string): string | null => (t ? clip(t) : null);

/** a rate cell shows as many decimals as the report prints (25,87% · 98,6% · 100%) */
function rateCell(b: SheetBuilder, row: number, column: number, rate: number | null, style: StyleSpec = S.count): void {
  if (rate === null) {
    b.set(row, column, null, { ...style, numFmt: '0%' });
    return;
  }
  const h = Math.round(rate * 10000);
  const numFmt = h % 100 === 0 ? '0%' : h % 10 === 0 ? '0.0%' : '0.00%';
  b.set(row, column, rate, { ...style, numFmt });
}

/** The heading rows from `top`, merged as the definition groups them; a template's further lines in italics. */
export function headingCells(b: SheetBuilder, top: number, headings: readonly (readonly HeadingCell[])[], templated: Readonly<Record<string, readonly string[]>>): void {
  for (const row of headings) {
    for (const h of row) {
      const [first = '', ...rest] = headingLines(h, templated);
      const value: CellValueSpec = rest.length ? { rich: [{ text: first, bold: true }, { text: '\n' + rest.join('\n'), italic: true }] } : first;
      const [r, c] = [top + h.row, h.column + 1];
      if (h.span === 1 && h.rowSpan === 1) b.set(r, c, value, S.head);
      else b.merge(r, c, r + h.rowSpan - 1, c + h.span - 1, value, S.head);
    }
  }
}

function serviceCell(b: SheetBuilder, row: number, column: number, field: ServiceField, names: { stt: string | null; name: string }, f: ServiceFigures): void {
  switch (field) {
    case 'stt':
      return b.set(row, column, names.stt, S.center);
    case 'name':
      return b.set(row, column, names.name, S.text);
    case 'status':
      return b.set(row, column, f.connectionLabel || null, S.center);
    case 'rate':
      return rateCell(b, row, column, f.rate);
    case 'difficulties':
      return b.set(row, column, textOrNull(f.difficulties), S.text);
    case 'total':
    case 'online':
    case 'onTime':
    case 'overdue':
      return b.set(row, column, f[field], S.count);
  }
}

/** Rows of a "services" table from `top`; returns the next free row. */
export function serviceRows(b: SheetBuilder, top: number, spec: ServicesTableSpec, table: ServiceTable): number {
  const fields = spec.columns.map((c) => c.field);
  let row = top;
  for (const g of table.groups) {
    if (g.id !== '' || g.title !== '') {
      b.set(row, 1, g.id, S.groupId);
      b.merge(row, 2, row, fields.length, fillLabel(spec.groupLabel, { id: g.id, title: g.title, count: g.rows.length }), S.group);
      row++;
    }
    for (const r of g.rows) {
      fields.forEach((f, i) => serviceCell(b, row, i + 1, f, r, r));
      row++;
      for (const p of r.parts) {
        fields.forEach((f, i) => serviceCell(b, row, i + 1, f, { stt: null, name: `- ${p.name}` }, p));
        row++;
      }
    }
  }
  return row;
}

function modelCell(spec: ModelsTableSpec, r: ModelRow): CellValueSpec {
  return { rich: [{ text: fillLabel(spec.rowLabel, { number: r.number, id: r.id }), bold: true }, { text: ` ${r.name}` }] };
}

function resultsCell(spec: ModelsTableSpec, r: ModelRow): CellValueSpec {
  const progress = (r.progress.trim() !== '' ? r.progress : r.statusLabel).trim();
  const results = clip(r.results);
  if (progress === '') return results || null;
  return { rich: [{ text: spec.progressLabel, bold: true, italic: true }, { text: ` ${progress}${results ? '\n' : ''}`, italic: true }, ...(results ? [{ text: results }] : [])] };
}

function modelField(b: SheetBuilder, row: number, column: number, spec: ModelsTableSpec, field: ModelField, r: ModelRow): void {
  switch (field) {
    case 'stt':
      // the plain style keeps the number a number
      return b.set(row, column, spec.numbering === '1' ? r.stt : formatNumbering(r.stt, spec.numbering), S.center);
    case 'model':
      return b.set(row, column, modelCell(spec, r), S.text);
    case 'results':
      return b.set(row, column, resultsCell(spec, r), S.justify);
    case 'status':
      return b.set(row, column, r.statusLabel || null, S.text);
    case 'lead':
      return b.set(row, column, r.leadName, S.text);
    case 'difficulties':
    case 'effectiveness':
      return b.set(row, column, textOrNull(r[field]), S.justify);
    case 'funding':
    case 'continuation':
      return b.set(row, column, textOrNull(r[field]), S.text);
  }
}

/** Rows of a "models" table from `top`; returns the next free row. */
export function modelRows(b: SheetBuilder, top: number, spec: ModelsTableSpec, table: ModelTable): number {
  let row = top;
  for (const g of table.groups) {
    b.set(row, 1, g.id, S.groupId);
    b.merge(row, 2, row, spec.columns.length, fillLabel(spec.groupLabel, { id: g.id, title: g.title, count: g.count }), S.group);
    row++;
    for (const r of g.rows) {
      spec.columns.forEach((c, i) => modelField(b, row, i + 1, spec, c.field, r));
      row++;
    }
  }
  return row;
}

/** Rows of a "tally" table from `top`, the total row last in bold; returns the next free row. */
export function tallyRows(b: SheetBuilder, top: number, spec: TallyTableSpec): number {
  const bold = (s: StyleSpec): StyleSpec => ({ ...s, font: { ...s.font, bold: true } });
  const put = (row: number, field: TallyField, column: number, r: (typeof spec.rows)[number], stt: string | null, total: boolean) => {
    const style = (s: StyleSpec) => (total ? bold(s) : s);
    switch (field) {
      case 'stt':
        return b.set(row, column, stt, style(S.center));
      case 'status':
        return b.set(row, column, r.label, style(S.text));
      case 'count':
        return b.set(row, column, r.count, style(S.count));
      case 'rate':
        return rateCell(b, row, column, r.rate, style(S.count));
    }
  };
  let row = top;
  spec.rows.forEach((r, i) => {
    spec.columns.forEach((c, ci) => put(row, c.field, ci + 1, r, formatNumbering(i + 1, spec.numbering), false));
    row++;
  });
  spec.columns.forEach((c, ci) => put(row, c.field, ci + 1, spec.total, null, true));
  return row + 1;
}

function indicatorCell(b: SheetBuilder, row: number, column: number, field: IndicatorField, r: Indicator, stt: string): void {
  switch (field) {
    case 'stt':
      return b.set(row, column, stt, S.center);
    case 'name':
      return b.set(row, column, r.name, S.text);
    case 'unit':
      return b.set(row, column, r.unit, S.center);
    case 'value':
    case 'total':
      return b.set(row, column, r[field], S.count);
    case 'rate':
      return rateCell(b, row, column, r.rate);
    case 'previous':
      return b.set(row, column, r.delta.previous, S.count);
    case 'change':
      // a signed count: "+594", "-3"
      return b.set(row, column, r.delta.change, { ...S.count, numFmt: '+#,##0;-#,##0;0' });
  }
}

/** Rows of an "indicators" table from `top`; returns the next free row. */
export function indicatorRows(b: SheetBuilder, top: number, spec: IndicatorsTableSpec, rows: readonly Indicator[]): number {
  rows.forEach((r, i) => spec.columns.forEach((c, ci) => indicatorCell(b, top + i, ci + 1, c.field, r, formatNumbering(i + 1, spec.numbering))));
  return top + rows.length;
}
