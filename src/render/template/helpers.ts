import type { Delta, DeltaDirection } from '../../model/report-model.js';
import {
  formatCount,
  formatDateLong,
  formatDateShort,
  formatDelta,
  formatFraction,
  formatMonth,
  formatNumber,
} from '../../format/index.js';
import { HelperArgumentError, type TemplateLocation } from './helper-error.js';

/**
 * The template helpers. They only format (docs/markup.md): every figure, rate and date is computed before
 * the template runs. A value that is not reported (null) prints as "…" so the gap shows in the draft.
 */
export const MISSING = '…';

type Helper = (...args: unknown[]) => string;

interface CallOptions {
  readonly name?: string;
  readonly hash?: Record<string, unknown>;
  readonly loc?: TemplateLocation;
}

/** Splits Handlebars' trailing options object off the arguments. */
function split(args: unknown[]): { params: unknown[]; options: CallOptions } {
  const options = (args[args.length - 1] ?? {}) as CallOptions;
  return { params: args.slice(0, -1), options };
}

function fail(name: string, options: CallOptions, message: string): never {
  throw new HelperArgumentError(name, message, options.loc);
}

function nullable<T>(name: string, kind: string, test: (v: unknown) => v is T, format: (v: T) => string): Helper {
  return (...args) => {
    const { params, options } = split(args);
    if (params.length !== 1) fail(name, options, `"${name}" cần đúng 1 giá trị (${kind}), nhận ${params.length}`);
    const v = params[0];
    if (v === null) return MISSING;
    if (!test(v)) fail(name, options, `"${name}" cần ${kind}, nhận ${describe(v)}`);
    return format(v);
  };
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isIsoDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
const isMonthKey = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}$/.test(v);

const DIRECTIONS: readonly DeltaDirection[] = ['increase', 'decrease', 'unchanged', 'no-previous', 'no-current'];
function isDelta(v: unknown): v is Delta {
  return typeof v === 'object' && v !== null && DIRECTIONS.includes((v as Delta).direction);
}

function describe(v: unknown): string {
  if (v === undefined) return 'không có giá trị';
  if (Array.isArray(v)) return 'một danh sách';
  if (typeof v === 'object') return 'một nhóm trường (không phải một giá trị)';
  if (typeof v === 'string') return `chữ "${v.length > 40 ? v.slice(0, 40) + '…' : v}"`;
  return `${typeof v} ${String(v)}`;
}

/**
 * "tăng 594 thẻ"; with several (delta, unit) pairs: "tăng 02 cơ sở và 5.031 giấy chứng sinh",
 * "tăng 02 cơ sở, giảm 12 giấy chứng tử". Unchanged figures are left out when another one changed.
 */
const delta: Helper = (...args) => {
  const { params, options } = split(args);
  if (params.length === 0 || params.length % 2 !== 0) {
    fail('delta', options, '"delta" cần từng cặp: số liệu tăng/giảm (…delta) và đơn vị (ví dụ "thẻ")');
  }
  const pairs: { d: Delta; unit: string }[] = [];
  for (let i = 0; i < params.length; i += 2) {
    const d = params[i];
    const unit = params[i + 1];
    if (!isDelta(d)) fail('delta', options, `"delta" cần một trường …delta, nhận ${describe(d)}`);
    if (typeof unit !== 'string') fail('delta', options, `"delta" cần đơn vị bằng chữ, nhận ${describe(unit)}`);
    pairs.push({ d, unit });
  }
  const [first] = pairs as [{ d: Delta; unit: string }];
  if (pairs.length === 1) return formatDelta(first.d, first.unit);
  const changed = pairs.filter((p) => p.d.direction === 'increase' || p.d.direction === 'decrease');
  if (changed.length === 0) {
    // all unchanged: "không thay đổi"; any figure missing this month or last: there is nothing to compare
    const missing = pairs.find((p) => p.d.direction === 'no-current') ?? pairs.find((p) => p.d.direction === 'no-previous');
    return formatDelta((missing ?? first).d);
  }
  const amount = (p: { d: Delta; unit: string }) =>
    `${formatCount(Math.abs(p.d.change ?? 0))}${p.unit ? ' ' + p.unit : ''}`;
  const verb = (p: { d: Delta }) => (p.d.direction === 'increase' ? 'tăng' : 'giảm');
  const same = changed.every((p) => p.d.direction === changed[0]!.d.direction);
  if (same) return `${verb(changed[0]!)} ${changed.map(amount).join(' và ')}`;
  return changed.map((p) => `${verb(p)} ${amount(p)}`).join(', ');
};

/** A section's narrative blocks: a Section (with `items`) or the items themselves. */
function narrative(name: string, v: unknown, options: CallOptions): string[] {
  const items = Array.isArray(v) ? v : typeof v === 'object' && v !== null ? (v as { items?: unknown }).items : v;
  if (!Array.isArray(items) || !items.every((i) => typeof i === 'string')) {
    fail(name, options, `"${name}" cần một mục lời văn (sections.…), nhận ${describe(v)}`);
  }
  return (items as string[]).map((i) => i.trim()).filter((i) => i !== '');
}

function withFallback(name: string, join: (items: string[], options: CallOptions) => string): Helper {
  return (...args) => {
    const { params, options } = split(args);
    if (params.length < 1 || params.length > 2) {
      fail(name, options, `"${name}" cần một mục lời văn và (tùy chọn) câu thay thế khi mục trống`);
    }
    const [section, fallback] = params;
    if (fallback !== undefined && typeof fallback !== 'string') {
      fail(name, options, `câu thay thế của "${name}" phải là chữ trong dấu nháy, nhận ${describe(fallback)}`);
    }
    const items = narrative(name, section, options);
    return items.length === 0 ? (fallback ?? '') : join(items, options);
  };
}

/** Blocks one after another, each its own paragraph. */
const items = withFallback('items', (list) => list.join('\n\n'));

/** Blocks run together into the paragraph the template has started ("4.1. Lĩnh vực Ngân hàng: …"). */
const inline = withFallback('inline', (list) => list.map((i) => i.replace(/\s*\n\s*/g, ' ')).join(' '));

/** Blocks numbered "1. ", "2. " … (or from `start=`), each its own paragraph. */
const numbered = withFallback('numbered', (list, options) => {
  const start = options.hash?.['start'] ?? 1;
  if (!Number.isInteger(start)) fail('numbered', options, `"start" của "numbered" phải là số nguyên`);
  return list.map((item, i) => `${(start as number) + i}. ${item}`).join('\n\n');
});

export const HELPERS: Readonly<Record<string, Helper>> = {
  so: nullable('so', 'một số', isNumber, formatNumber),
  count: nullable('count', 'một số', isNumber, formatCount),
  pct: nullable('pct', 'một tỷ lệ (…rate)', isNumber, formatFraction),
  date: nullable('date', 'một ngày (…asOf, …from)', isIsoDate, formatDateShort),
  dateLong: nullable('dateLong', 'một ngày', isIsoDate, formatDateLong),
  month: nullable('month', 'một tháng (ví dụ month, next.month)', isMonthKey, formatMonth),
  delta,
  numbered,
  items,
  inline,
};
