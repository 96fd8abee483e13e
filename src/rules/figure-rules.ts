import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { CODES } from '../diagnostics/codes.js';
import { formatNumber } from '../format/number.js';
import { formatMonth } from '../format/date.js';
import type { LoadedSubmission } from '../readers/submission.js';
import { at, type Rule } from './context.js';

interface FigureRow {
  readonly s: LoadedSubmission;
  readonly id: string;
  /** the sub-row's part id; undefined for the row itself */
  readonly part: string | undefined;
  readonly total?: number | null | undefined;
  readonly online?: number | null | undefined;
  readonly onTime?: number | null | undefined;
  readonly overdue?: number | null | undefined;
}

/** rows per list of returns: several rules walk them, and a large month has tens of thousands */
const ROWS = new WeakMap<readonly LoadedSubmission[], FigureRow[]>();

/**
 * Every row and sub-row of Phụ lục I/II in the returns, in order: each return's services, each service's row
 * followed by its sub-rows' (a path is made only for a finding).
 */
export function figureRows(submissions: readonly LoadedSubmission[]): FigureRow[] {
  let rows = ROWS.get(submissions);
  if (!rows) {
    rows = [];
    for (const s of submissions) {
      const services = s.submission.services;
      for (const id in services) {
        const e = services[id]!;
        rows.push(row(s, id, undefined, e));
        const parts = e.parts;
        for (const pid in parts) rows.push(row(s, id, pid, parts[pid]!));
      }
    }
    ROWS.set(submissions, rows);
  }
  return rows;
}

function row(s: LoadedSubmission, id: string, part: string | undefined, e: Omit<FigureRow, 's' | 'id' | 'part'>): FigureRow {
  return { s, id, part, total: e.total, online: e.online, onTime: e.onTime, overdue: e.overdue };
}

/** where a row's field is */
function field(r: FigureRow, name: string) {
  return at(r.s, r.part === undefined ? ['services', r.id, name] : ['services', r.id, 'parts', r.part, name]);
}

const n = formatNumber;

/** Online applications cannot outnumber all applications. */
export const onlineExceedsTotal: Rule = ({ submissions }) => {
  const out: Diagnostic[] = [];
  for (const r of figureRows(submissions)) {
    if (r.online == null) continue;
    if (r.total == null) out.push(error(CODES.onlineExceedsTotal, `có số hồ sơ trực tuyến (${n(r.online)}) nhưng thiếu tổng số hồ sơ`, field(r, 'online')));
    else if (r.online > r.total) out.push(error(CODES.onlineExceedsTotal, `số hồ sơ trực tuyến (${n(r.online)}) lớn hơn tổng số hồ sơ (${n(r.total)})`, field(r, 'online')));
  }
  return out;
};

/** On time + overdue are the online applications processed: they cannot exceed the online ones. */
export const processedExceedsOnline: Rule = ({ submissions }) => {
  const out: Diagnostic[] = [];
  for (const r of figureRows(submissions)) {
    if (r.onTime == null && r.overdue == null) continue;
    const processed = (r.onTime ?? 0) + (r.overdue ?? 0);
    if (r.online == null || processed > r.online) {
      out.push(
        error(
          CODES.processedExceedsOnline,
          `đúng hạn + quá hạn (${n(processed)}) lớn hơn số hồ sơ trực tuyến (${r.online == null ? 'trống' : n(r.online)})`,
          field(r, r.onTime != null ? 'onTime' : 'overdue'),
        ),
      );
    }
  }
  return out;
};

/** Sub-rows add up to their row where both are given; an indicator's parts add up to its value. */
export const partsSum: Rule = ({ submissions, index }) => {
  // a return's rows are its services' rows, each followed by its sub-rows' (the walk over each record of sub-rows
  // is made once, for all the rules)
  const rows = figureRows(submissions);
  const out: Diagnostic[] = [];
  let i = 0;
  for (const s of submissions) {
    while (i < rows.length && rows[i]!.s === s) {
      const whole = rows[i++]!;
      // the sums of total and online over the sub-rows; each null when one of them lacks the field
      let total: number | null = 0;
      let online: number | null = 0;
      let any = false;
      for (; i < rows.length && rows[i]!.s === s && rows[i]!.part !== undefined; i++) {
        const p = rows[i]!;
        any = true;
        if (total !== null) total = p.total == null ? null : total + p.total;
        if (online !== null) online = p.online == null ? null : online + p.online;
      }
      if (!any) continue;
      sumFinding(out, s, whole, 'total', total);
      sumFinding(out, s, whole, 'online', online);
    }
    for (const [id, e] of Object.entries(s.submission.indicators ?? {})) {
      const def = index.indicator.get(id);
      const parts = Object.values(e.parts ?? {});
      if (e.value == null || parts.length === 0 || parts.some((v) => v == null)) continue;
      if (def && parts.length < def.parts.length) continue;
      const sum = parts.reduce<number>((a, b) => a + (b ?? 0), 0);
      if (sum !== e.value) {
        out.push(error(CODES.partsSum, `các thành phần cộng lại được ${n(sum)}, khác giá trị ${n(e.value)}`, at(s, ['indicators', id, 'value'])));
      }
    }
  }
  return out;
};

function sumFinding(out: Diagnostic[], s: LoadedSubmission, whole: FigureRow, field: 'total' | 'online', sum: number | null): void {
  const value = whole[field];
  if (value == null || sum === null || sum === value) return;
  out.push(error(CODES.partsSum, `tổng các dòng con (${n(sum)}) khác số của dòng "${whole.id}" (${n(value)})`, at(s, ['services', whole.id, field])));
}

/** "value/total" figures: a total only where the catalog expects one, and value ≤ total. */
export const indicatorTotals: Rule = ({ submissions, index }) =>
  submissions.flatMap((s) =>
    Object.entries(s.submission.indicators ?? {}).flatMap(([id, e]) => {
      const def = index.indicator.get(id);
      if (!def) return [];
      if (e.total != null && !def.withTotal) {
        return [error(CODES.unexpectedTotal, `chỉ tiêu "${id}" không có tổng số (catalog/indicators.yaml: withTotal)`, at(s, ['indicators', id, 'total']))];
      }
      if (e.total != null && e.value != null && e.value > e.total) {
        return [error(CODES.valueExceedsTotal, `giá trị (${n(e.value)}) lớn hơn tổng số (${n(e.total)})`, at(s, ['indicators', id, 'value']))];
      }
      return [];
    }),
  );

/** A figure that should move every month but equals last month's was probably copied forward. */
export const copiedForward: Rule = ({ submissions, index, previous }) => {
  if (!previous) return [];
  const when = `tháng ${formatMonth(previous.month)}`;
  return submissions.flatMap((s) => [
    ...Object.entries(s.submission.indicators ?? {}).flatMap(([id, e]) => {
      const before = previous.indicators[id]?.value;
      if (!index.indicator.get(id)?.expectChange || e.value == null || before == null || e.value !== before) return [];
      return [warning(CODES.copiedForward, `giá trị ${n(e.value)} trùng với ${when}: có thể đã chép từ tháng trước`, at(s, ['indicators', id, 'value']))];
    }),
    ...Object.entries(s.submission.services ?? {}).flatMap(([id, e]) => {
      const before = previous.services[id];
      if (!before || e.total == null || e.total === 0 || e.total !== before.total || e.online !== before.online) return [];
      return [warning(CODES.copiedForward, `tổng số và số trực tuyến trùng với ${when}: có thể đã chép từ tháng trước`, at(s, ['services', id, 'total']))];
    }),
  ]);
};
