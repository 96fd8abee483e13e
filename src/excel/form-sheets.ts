import { indexCatalog, type ServiceCatalog } from '../catalog/catalog.js';
import { formatMonth } from '../format/date.js';
import { rate } from '../format/number.js';
import { printedLabel } from '../schema/labels.js';
import type { ServiceEntryOut } from '../schema/submission.js';
import { INDICATOR_COLUMNS, MODEL_COLUMNS, ROW, SERVICE_COLUMNS, SHEET_MARK, columnOf, FIRST_DATA_ROW, type ColumnDef } from './form-layout.js';
import { cellText, type FormContext } from './form-context.js';
import { STYLE, headerRows, keyRow, prompt, validateColumn } from './sheet-parts.js';
import { address, type SheetBuilder, type SheetSpec, type StyleSpec } from './workbook-spec.js';

/** The data sheets of a form: services (Phụ lục I/II rows), indicators, models. */

type Extra = Partial<SheetSpec>;
type Figures = Omit<ServiceEntryOut, 'parts'>;

const COUNT_RULE = (note: string | undefined) => ({ kind: 'whole', min: 0, prompt: prompt(note), error: 'Chỉ nhập số nguyên lớn hơn hoặc bằng 0 (ví dụ 229046), không nhập chữ, số âm hay số thập phân.' }) as const;

function titleRows(b: SheetBuilder, ctx: FormContext, columns: readonly ColumnDef[], title: string): void {
  const last = columns.length;
  b.merge(2, 3, 2, last, `${title} — ${ctx.department.name} — tháng ${formatMonth(ctx.month)}`, STYLE.title);
  const prev = ctx.previous ? `tháng ${formatMonth(ctx.previous.month)}` : 'tháng trước (chưa có số liệu)';
  b.merge(3, 3, 3, last, `Kỳ báo cáo từ ${short(ctx.period.from)} đến ${short(ctx.period.to)}. Ô nền vàng: nhập số liệu tháng ${formatMonth(ctx.month)}. Ô nền xám: danh mục và số liệu ${prev} để đối chiếu (đã khóa).`, STYLE.subtitle);
  b.row(2, { height: 24 });
  b.row(3, { height: 30 });
}

/** The top of a data sheet (its key row, title rows and column heads), and the writer of its rows. */
function startDataSheet(b: SheetBuilder, ctx: FormContext, cols: readonly ColumnDef[], mark: string, title: string): RowWriter {
  keyRow(b, cols, mark);
  titleRows(b, ctx, cols, title);
  headerRows(b, cols, ctx.labels);
  return new RowWriter(b, cols);
}

function short(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}/${m}/${y}`;
}

/** Writes one row's cells by column key; inputs collect their row for validation ranges. */
class RowWriter {
  readonly inputRows = new Map<string, number[]>();
  constructor(
    private readonly b: SheetBuilder,
    private readonly columns: readonly ColumnDef[],
  ) {}

  col(key: string): number {
    return columnOf(this.columns, key);
  }

  put(row: number, key: string, value: string | number | null | { date: string } | { formula: string; result?: number | string }, style: StyleSpec): void {
    this.b.set(row, this.col(key), value, style);
    if (style === STYLE.input || style === STYLE.inputCount || style === STYLE.inputDate) {
      const list = this.inputRows.get(key) ?? [];
      list.push(row);
      this.inputRows.set(key, list);
    }
  }

  /** the row key, the presence mark and grey cells for every column not written */
  finish(row: number, rowKey: string, present: boolean): void {
    this.b.set(row, 1, rowKey, STYLE.hidden);
    this.b.set(row, 2, present ? 1 : null, STYLE.hidden);
    this.columns.forEach((c, i) => {
      if (i < 2) return;
      if (!this.b.cells.get(row)?.has(i + 1)) this.b.set(row, i + 1, null, STYLE.blank);
    });
  }

  heading(row: number, text: string): void {
    this.b.merge(row, 3, row, this.columns.length, text, STYLE.heading);
    this.b.set(row, 1, 'heading', STYLE.hidden);
  }
}

function num(v: number | null | undefined): number | null {
  return v === null || v === undefined ? null : v;
}

/** `cur`: this month's figures (--filled); `text`: the row's status and difficulties (`FormInput.texts`) */
function serviceCells(w: RowWriter, row: number, ctx: FormContext, cur: Figures | undefined, text: Figures | undefined, prev: Figures | undefined, where: string): void {
  const labels = ctx.catalog.vocabularies.labels.connection;
  w.put(row, 'connection', printedLabel(labels, text?.connection) || null, STYLE.input);
  w.put(row, 'connection.prev', printedLabel(labels, prev?.connection) || null, STYLE.previous);
  for (const k of ['total', 'online', 'onTime', 'overdue'] as const) {
    w.put(row, k, num(cur?.[k]), STYLE.inputCount);
    w.put(row, `${k}.prev`, num(prev?.[k]), STYLE.previousCount);
  }
  const t = address(row, w.col('total'));
  const o = address(row, w.col('online'));
  const r = rate(cur?.online ?? null, cur?.total ?? null);
  w.put(row, 'rate', { formula: `IF(AND(ISNUMBER(${t}),ISNUMBER(${o}),N(${t})>0),${o}/${t},"")`, ...(r === null ? {} : { result: r }) }, STYLE.computed);
  w.put(row, 'difficulties', cellText(ctx, text?.difficulties, `${where} › difficulties`), STYLE.input);
}

function tableTitle(cat: ServiceCatalog, which: 'I' | 'II'): string {
  const n = cat.groups.reduce((a, g) => a + g.services.length, 0);
  return `PHỤ LỤC ${which}: ${n} dịch vụ công trực tuyến thiết yếu (danh mục ${cat.id})`;
}

export function writeServicesSheet(b: SheetBuilder, ctx: FormContext): Extra {
  const cols = SERVICE_COLUMNS;
  const w = startDataSheet(b, ctx, cols, SHEET_MARK.services, 'DỊCH VỤ CÔNG TRỰC TUYẾN (Phụ lục I, II)');
  const mine = new Set(ctx.owned.service);
  let row = FIRST_DATA_ROW;
  for (const [cat, which] of [[ctx.catalog.qd06, 'I'], [ctx.catalog.qd422, 'II']] as const) {
    const groups = cat.groups.map((g) => ({ ...g, services: g.services.filter((s) => mine.has(s.id)) })).filter((g) => g.services.length);
    if (!groups.length) continue;
    w.heading(row++, tableTitle(cat, which));
    for (const g of groups) {
      if (g.id !== '') w.heading(row++, `${g.id}. ${g.title}`);
      for (const s of g.services) {
        const cur = ctx.current?.services?.[s.id];
        const text = ctx.texts?.services?.[s.id];
        const prev = ctx.previous?.services[s.id];
        w.put(row, 'id', s.id, STYLE.catalog);
        w.put(row, 'stt', s.stt, STYLE.catalog);
        w.put(row, 'name', s.name, STYLE.catalog);
        serviceCells(w, row, ctx, cur, text, prev, `services › ${s.id}`);
        w.finish(row++, ROW.service(s.id), text !== undefined);
        for (const p of s.parts) {
          const pt = text?.parts?.[p.id];
          w.put(row, 'id', p.id, STYLE.catalog);
          w.put(row, 'name', `- ${p.name}`, { ...STYLE.catalog, indent: 1 });
          serviceCells(w, row, ctx, cur?.parts?.[p.id], pt, prev?.parts?.[p.id], `services › ${s.id} › ${p.id}`);
          w.finish(row++, ROW.servicePart(s.id, p.id), pt !== undefined);
        }
      }
    }
  }
  validations(b, w, cols, ctx);
  return { frozen: { rows: 5, columns: columnOf(cols, 'name') } };
}

function validations(b: SheetBuilder, w: RowWriter, cols: readonly ColumnDef[], ctx: FormContext): void {
  for (const [key, rows] of w.inputRows) {
    const c = cols.find((x) => x.key === key)!;
    const column = columnOf(cols, key);
    if (c.field === 'count') validateColumn(b, column, rows, COUNT_RULE(c.note));
    else if (key === 'connection') validateColumn(b, column, rows, { kind: 'list', source: ctx.lists.connection, prompt: prompt(c.note), error: 'Hãy chọn một trạng thái trong danh sách.' });
    else if (key === 'status') validateColumn(b, column, rows, { kind: 'list', source: ctx.lists.progress, prompt: prompt(c.note), error: 'Hãy chọn một trạng thái trong danh sách.' });
    else if (c.field === 'date') validateColumn(b, column, rows, { kind: 'date', prompt: prompt(c.note), error: 'Hãy nhập một ngày, dạng 15/9/2024.' });
    else if (c.note) validateColumn(b, column, rows, { kind: 'prompt', prompt: prompt(c.note)! });
  }
}

export function writeIndicatorsSheet(b: SheetBuilder, ctx: FormContext): Extra {
  const cols = INDICATOR_COLUMNS;
  const w = startDataSheet(b, ctx, cols, SHEET_MARK.indicators, 'CHỈ TIÊU SỐ LIỆU');
  const index = indexCatalog(ctx.catalog);
  let row = FIRST_DATA_ROW;
  for (const id of ctx.owned.indicator) {
    const def = index.indicator.get(id)!;
    const cur = ctx.current?.indicators?.[id];
    const prev = ctx.previous?.indicators[id];
    w.put(row, 'id', id, STYLE.catalog);
    w.put(row, 'name', def.name, STYLE.catalog);
    w.put(row, 'unit', def.unit, STYLE.catalog);
    w.put(row, 'value', num(cur?.value), STYLE.inputCount);
    w.put(row, 'value.prev', num(prev?.value), STYLE.previousCount);
    // a total only where the catalog expects one, or where the return already has one (so nothing is lost)
    if (def.withTotal || cur?.total != null) {
      w.put(row, 'total', num(cur?.total), STYLE.inputCount);
      w.put(row, 'total.prev', num(prev?.total), STYLE.previousCount);
    }
    const dates = ctx.texts?.indicators?.[id];
    w.put(row, 'asOf', dates?.asOf ? { date: dates.asOf } : null, STYLE.inputDate);
    w.put(row, 'from', dates?.from ? { date: dates.from } : null, STYLE.inputDate);
    w.finish(row++, ROW.indicator(id), dates !== undefined);
    for (const p of def.parts) {
      w.put(row, 'id', p.id, STYLE.catalog);
      w.put(row, 'name', `- ${p.name}`, { ...STYLE.catalog, indent: 1 });
      w.put(row, 'unit', def.unit, STYLE.catalog);
      w.put(row, 'value', num(cur?.parts?.[p.id]), STYLE.inputCount);
      w.put(row, 'value.prev', num(prev?.parts?.[p.id]), STYLE.previousCount);
      w.finish(row++, ROW.indicatorPart(id, p.id), dates?.parts != null && Object.hasOwn(dates.parts, p.id));
    }
  }
  validations(b, w, cols, ctx);
  return { frozen: { rows: 5, columns: columnOf(cols, 'name') } };
}

export function writeModelsSheet(b: SheetBuilder, ctx: FormContext): Extra {
  const cols = MODEL_COLUMNS;
  const w = startDataSheet(b, ctx, cols, SHEET_MARK.models, 'MÔ HÌNH ĐỀ ÁN 06 (Phụ lục III)');
  const mine = new Set(ctx.owned.model);
  let row = FIRST_DATA_ROW;
  for (const g of ctx.catalog.models) {
    const models = g.models.filter((m) => mine.has(m.id));
    if (!models.length) continue;
    w.heading(row++, `${g.id}. ${g.title}`);
    for (const m of models) {
      const cur = ctx.texts?.models?.[m.id];
      const prev = ctx.previous?.models[m.id];
      w.put(row, 'id', m.id, STYLE.catalog);
      w.put(row, 'name', `Mô hình ${m.number}: ${m.name}`, STYLE.catalog);
      const labels = ctx.catalog.vocabularies.labels.progress;
      w.put(row, 'status', printedLabel(labels, cur?.status) || null, STYLE.input);
      w.put(row, 'status.prev', printedLabel(labels, prev?.status) || null, STYLE.previous);
      for (const k of ['progress', 'results', 'difficulties', 'effectiveness', 'funding', 'continuation'] as const) {
        w.put(row, k, cellText(ctx, cur?.[k], `models › ${m.id} › ${k}`), STYLE.input);
      }
      w.finish(row++, ROW.model(m.id), cur !== undefined);
    }
  }
  validations(b, w, cols, ctx);
  return { frozen: { rows: 5, columns: columnOf(cols, 'name') } };
}

export { validations as addValidations, RowWriter, startDataSheet, short };
