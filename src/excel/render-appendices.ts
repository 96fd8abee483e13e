import { formatCount, formatMonth } from '../format/index.js';
import type { ModelRow, ModelTable, ReportModel, ServiceFigures, ServiceTable } from '../model/report-model.js';
import { LABELS, MODEL_COLUMNS, SERVICE_COLUMNS as C } from '../render/docx/labels.js';
import type { AppendixHeading, ReportTexts } from '../render/template/report-texts.js';
import { writeWorkbook } from './exceljs-adapter.js';
import { SheetBuilder, fitRowHeights, type CellValueSpec, type SheetSpec, type StyleSpec } from './workbook-spec.js';

/**
 * Phụ lục I, II and III as one workbook, a sheet each, for officers who work in Excel: the docx appendices'
 * headings and merged table heads, figures as numbers in vi-VN formats (Excel shows "3.182.603" and "25,87%"
 * under Vietnamese settings), frozen header rows, A4 landscape fitted to the page width with the header rows
 * repeated. Pure and reproducible: the same model gives the same bytes.
 */

export interface AppendicesOptions {
  /** workbook dates and zip entry dates; default: the end of the reporting period, 00:00 UTC */
  readonly createdAt?: Date;
  /** the headings as the templates write them (renderTexts); without them, the built-in wording */
  readonly texts?: Pick<ReportTexts, 'appendices' | 'attachedTo' | 'qd422ServiceColumn'>;
  /** a draft (build --draft): "DỰ THẢO" at the top of every printed page, and in the workbook's title */
  readonly draft?: boolean;
}

const DRAFT = 'DỰ THẢO';

const FONT = { name: 'Times New Roman', size: 12 };
/** counts as the report prints them: "0", "06", "229.046" */
export const COUNT_FORMAT = '[=0]0;[<10]00;#,##0';
const MAX_CELL = 32_767;

const S = {
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

function clip(text: string): string {
  return text.length <= MAX_CELL ? text : text.slice(0, MAX_CELL - 1) + '…';
}

/** a rate cell shows as many decimals as the report prints (25,87% · 98,6% · 100%) */
function rateCell(b: SheetBuilder, row: number, column: number, f: ServiceFigures): void {
  if (f.rate === null) {
    b.set(row, column, null, { ...S.count, numFmt: '0%' });
    return;
  }
  const h = Math.round(f.rate * 10000);
  const numFmt = h % 100 === 0 ? '0%' : h % 10 === 0 ? '0.0%' : '0.00%';
  b.set(row, column, f.rate, { ...S.count, numFmt });
}

function defaults(model: ReportModel): NonNullable<AppendicesOptions['texts']> {
  return {
    appendices: [
      { label: 'Phụ lục I', title: [`TÌNH HÌNH TRIỂN KHAI ${formatCount(model.qd06.counts.services)} DỊCH VỤ CÔNG TRỰC TUYẾN THIẾT YẾU`] },
      { label: 'Phụ lục II', title: ['TÌNH HÌNH TRIỂN KHAI CÁC DỊCH VỤ CÔNG TRỰC TUYẾN THIẾT YẾU'] },
      { label: 'Phụ lục III', title: ['BÁO CÁO KẾT QUẢ TRIỂN KHAI MÔ HÌNH ĐỀ ÁN 06'] },
    ],
    attachedTo: `(Kèm theo Báo cáo số ${model.header.number || '        '}/${model.header.symbol} tháng ${formatMonth(model.month)} của ${model.header.issuerName})`,
    qd422ServiceColumn: [C.service, `(${formatCount(model.qd422.counts.services)}/${formatCount(model.qd422.nationalTotal)} dịch vụ công có triển khai tại địa phương)`],
  };
}

/** "Phụ lục I", the title lines, "(Kèm theo …)", a blank row; returns the next free row */
function heading(b: SheetBuilder, h: AppendixHeading, attachedTo: string, width: number): number {
  let row = 1;
  b.merge(row, 1, row, width, h.label, S.label);
  b.row(row++, { height: 21 });
  for (const line of h.title) {
    b.merge(row, 1, row, width, line, S.title);
    b.row(row++, { height: 19 });
  }
  b.merge(row, 1, row, width, attachedTo, S.attached);
  b.row(row++, { height: 32 });
  return row + 1;
}

const SERVICE_WIDTHS = [6, 42, 14, 11, 11, 9, 11, 9, 40];

function serviceSheet(name: string, table: ServiceTable, h: AppendixHeading, attachedTo: string, serviceHead: readonly string[]): SheetSpec {
  const b = new SheetBuilder();
  const top = heading(b, h, attachedTo, 9);
  const [first = C.service, ...rest] = serviceHead;
  const serviceTitle: CellValueSpec = rest.length ? { rich: [{ text: first, bold: true }, { text: '\n' + rest.join('\n'), italic: true }] } : first;
  b.merge(top, 1, top + 1, 1, C.stt, S.head);
  b.merge(top, 2, top + 1, 2, serviceTitle, S.head);
  b.merge(top, 3, top + 1, 3, C.connection, S.head);
  b.merge(top, 4, top, 6, C.applications, S.head);
  b.merge(top, 7, top, 8, C.processing, S.head);
  b.merge(top, 9, top + 1, 9, C.difficulties, S.head);
  [C.total, C.online, C.rate, C.onTime, C.overdue].forEach((t, i) => b.set(top + 1, 4 + i, t, S.head));
  b.row(top, { height: 48 });
  b.row(top + 1, { height: 48 });
  let row = top + 2;
  const figures = (f: ServiceFigures) => {
    b.set(row, 3, f.connectionLabel || null, S.center);
    b.set(row, 4, f.total, S.count);
    b.set(row, 5, f.online, S.count);
    rateCell(b, row, 6, f);
    b.set(row, 7, f.onTime, S.count);
    b.set(row, 8, f.overdue, S.count);
    b.set(row, 9, f.difficulties ? clip(f.difficulties) : null, S.text);
  };
  for (const g of table.groups) {
    if (g.id !== '' || g.title !== '') {
      b.set(row, 1, g.id, S.groupId);
      b.merge(row, 2, row, 9, g.title, S.group);
      row++;
    }
    for (const r of g.rows) {
      b.set(row, 1, r.stt, S.center);
      b.set(row, 2, r.name, S.text);
      figures(r);
      row++;
      for (const p of r.parts) {
        b.set(row, 1, null, S.center);
        b.set(row, 2, `- ${p.name}`, S.text);
        figures(p);
        row++;
      }
    }
  }
  return sheet(name, b, SERVICE_WIDTHS, top, top + 1);
}

const MODEL_WIDTHS = [6, 24, 60, 30, 28, 16, 30];

function modelCell(r: ModelRow): CellValueSpec {
  return { rich: [{ text: `${LABELS.modelPrefix} ${r.number}:`, bold: true }, { text: ` ${r.name}` }] };
}

function resultsCell(r: ModelRow): CellValueSpec {
  const progress = (r.progress.trim() !== '' ? r.progress : r.statusLabel).trim();
  const results = clip(r.results);
  if (progress === '') return results || null;
  return { rich: [{ text: LABELS.progress, bold: true, italic: true }, { text: ` ${progress}${results ? '\n' : ''}`, italic: true }, ...(results ? [{ text: results }] : [])] };
}

function modelSheet(name: string, table: ModelTable, h: AppendixHeading, attachedTo: string): SheetSpec {
  const b = new SheetBuilder();
  const top = heading(b, h, attachedTo, 7);
  MODEL_COLUMNS.forEach((t, i) => b.set(top, i + 1, t, S.head));
  b.row(top, { height: 96 });
  let row = top + 1;
  for (const g of table.groups) {
    b.set(row, 1, g.id, S.groupId);
    b.merge(row, 2, row, 7, `${g.title} (${formatCount(g.count)} ${LABELS.models})`, S.group);
    row++;
    for (const r of g.rows) {
      b.set(row, 1, r.stt, S.center);
      b.set(row, 2, modelCell(r), S.text);
      b.set(row, 3, resultsCell(r), S.justify);
      b.set(row, 4, r.difficulties ? clip(r.difficulties) : null, S.justify);
      b.set(row, 5, r.effectiveness ? clip(r.effectiveness) : null, S.justify);
      b.set(row, 6, r.funding ? clip(r.funding) : null, S.text);
      b.set(row, 7, r.continuation ? clip(r.continuation) : null, S.text);
      row++;
    }
  }
  return sheet(name, b, MODEL_WIDTHS, top, top);
}

function sheet(name: string, b: SheetBuilder, widths: readonly number[], headerTop: number, headerBottom: number): SheetSpec {
  const spec: SheetSpec = {
    name,
    cells: b.cells,
    rows: b.rows,
    merges: b.merges,
    columns: widths.map((width) => ({ width })),
    frozen: { rows: headerBottom, columns: 0 },
    print: { landscape: true, fitToWidth: true, titleRows: `${headerTop}:${headerBottom}`, margins: { left: 0.6, right: 0.5, top: 0.7, bottom: 0.7 } },
    defaultFont: FONT,
  };
  return { ...spec, rows: fitRowHeights(spec) };
}

/** The three appendices as .xlsx bytes. */
export async function renderAppendicesXlsx(model: ReportModel, options: AppendicesOptions = {}): Promise<Uint8Array> {
  const texts = options.texts ?? defaults(model);
  const [one, two, three] = texts.appendices;
  const date = options.createdAt ?? new Date(`${model.period.to}T00:00:00Z`);
  const sheets = [
    serviceSheet('Phụ lục I', model.qd06, one, texts.attachedTo, [C.service]),
    serviceSheet('Phụ lục II', model.qd422, two, texts.attachedTo, texts.qd422ServiceColumn),
    modelSheet('Phụ lục III', model.models, three, texts.attachedTo),
  ];
  const title = `Phụ lục I, II, III kèm theo Báo cáo kết quả triển khai Đề án 06 tháng ${formatMonth(model.month)}`;
  return writeWorkbook({
    creator: model.header.issuerName,
    date,
    title: options.draft ? `${DRAFT}: ${title}` : title,
    sheets: options.draft ? sheets.map((s) => ({ ...s, ...(s.print ? { print: { ...s.print, header: DRAFT } } : {}) })) : sheets,
  });
}
