import type { Appendix } from '../model/appendix.js';
import type { ReportModel } from '../model/report-model.js';
import { indicatorList, modelList, serviceList } from '../render/appendix-data.js';
import type { AppendixHeading, ReportTexts } from '../render/template/report-texts.js';
import { HEADING_ROW_HEIGHT, headingCells, indicatorRows, modelRows, S, serviceRows, tallyRows } from './appendix-sheets.js';
import { writeWorkbook } from './exceljs-adapter.js';
import { SheetBuilder, fitRowHeights, type SheetSpec } from './workbook-spec.js';

export { COUNT_FORMAT } from './appendix-sheets.js';

/**
 * The appendices of the definition (model.appendices) as one workbook, a sheet each, for officers who work in
 * Excel: the docx appendices' headings and merged table heads, figures as numbers in vi-VN formats (Excel shows
 * "3.182.603" and "25,87%" under Vietnamese settings), frozen header rows, A4 fitted to the page width with the
 * header rows repeated. Pure and reproducible: the same model gives the same bytes.
 */

export interface AppendicesOptions {
  /** workbook dates and zip entry dates; default: the end of the reporting period, 00:00 UTC */
  readonly createdAt?: Date;
  /** the headings as the templates write them (renderTexts) */
  readonly texts: Pick<ReportTexts, 'appendices' | 'headings'>;
  /** a draft (build --draft): "DỰ THẢO" at the top of every printed page, and in the workbook's title */
  readonly draft?: boolean;
}

const DRAFT = 'DỰ THẢO';

const FONT = { name: 'Times New Roman', size: 12 };

/** "Phụ lục I", the title lines, "(Kèm theo …)", a blank row; returns the next free row */
function heading(b: SheetBuilder, h: AppendixHeading, width: number): number {
  let row = 1;
  b.merge(row, 1, row, width, h.label, S.label);
  b.row(row++, { height: 21 });
  for (const line of h.title) {
    b.merge(row, 1, row, width, line, S.title);
    b.row(row++, { height: 19 });
  }
  b.merge(row, 1, row, width, h.attachedTo, S.attached);
  b.row(row++, { height: 32 });
  return row + 1;
}

/**
 * The sheets' names: each appendix's label ("Phụ lục I") as Excel takes a name — at most 31 characters, none of
 * : \ / ? * [ ], not blank — and a number after a name already given.
 */
export function sheetNames(labels: readonly string[]): string[] {
  const taken = new Set<string>();
  return labels.map((label, i) => {
    const base = label.replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 31).trim() || String(i + 1);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - ` (${n})`.length)} (${n})`;
    taken.add(name.toLowerCase());
    return name;
  });
}

function appendixSheet(model: ReportModel, a: Appendix, h: AppendixHeading, name: string, templated: Readonly<Record<string, readonly string[]>>): SheetSpec {
  const t = a.table;
  const b = new SheetBuilder();
  const top = heading(b, h, t.columns.length);
  headingCells(b, top, t.headings, templated);
  const bottom = top + t.headings.length - 1;
  for (let r = top; r <= bottom; r++) b.row(r, { height: HEADING_ROW_HEIGHT[t.kind] });
  const first = bottom + 1;
  if (t.kind === 'services') serviceRows(b, first, t, serviceList(model, t.list));
  else if (t.kind === 'models') modelRows(b, first, t, modelList(model, t.list));
  else if (t.kind === 'tally') tallyRows(b, first, t);
  else indicatorRows(b, first, t, indicatorList(model, t.list));
  const spec: SheetSpec = {
    name,
    cells: b.cells,
    rows: b.rows,
    merges: b.merges,
    columns: t.columns.map((c) => ({ width: c.sheetWidth })),
    frozen: { rows: bottom, columns: 0 },
    print: { landscape: a.orientation === 'landscape', fitToWidth: true, titleRows: `${top}:${bottom}`, margins: { left: 0.6, right: 0.5, top: 0.7, bottom: 0.7 } },
    defaultFont: FONT,
  };
  return { ...spec, rows: fitRowHeights(spec) };
}

/** The appendices as .xlsx bytes. */
export async function renderAppendicesXlsx(model: ReportModel, options: AppendicesOptions): Promise<Uint8Array> {
  const { texts } = options;
  const date = options.createdAt ?? new Date(`${model.period.to}T00:00:00Z`);
  const names = sheetNames(texts.appendices.map((h) => h.label));
  const sheets = model.appendices.appendices.map((a, i) => appendixSheet(model, a, texts.appendices[i]!, names[i]!, texts.headings));
  const title = model.appendices.workbookTitle;
  return writeWorkbook({
    creator: model.header.issuerName,
    date,
    title: options.draft ? `${DRAFT}: ${title}` : title,
    sheets: options.draft ? sheets.map((s) => ({ ...s, ...(s.print ? { print: { ...s.print, header: DRAFT } } : {}) })) : sheets,
  });
}
