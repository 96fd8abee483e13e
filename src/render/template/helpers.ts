import type { Delta, DeltaDirection } from '../../model/report-model.js';
import {
  formatCount,
  formatDateLong,
  formatDateShort,
  formatDelta,
  formatFraction,
  formatMonth,
  formatNumber,
  comparisonPhrase,
  movedPhrase,
  previousMonthLabel,
  type ComparisonPair,
} from '../../format/index.js';
import { HelperArgumentError, type TemplateLocation } from './helper-error.js';
import { describePath, gapFor, ownerState, type CitationSink } from './citations.js';
import type { ReportModel } from '../../model/report-model.js';

/**
 * The template helpers. They only format (docs/markup.md): every figure, rate and date is computed before
 * the template runs. A value that is not reported (null) prints a marker ("[chưa có số liệu: …]") and is
 * recorded in `@citations` (citations.ts), so that a final build can refuse it and a draft can show it.
 */

type Helper = (...args: unknown[]) => string;

interface CallOptions {
  readonly name?: string;
  readonly hash?: Record<string, unknown>;
  readonly loc?: TemplateLocation;
  /** the paths written for the parameters (compiled with `trackIds`) */
  readonly ids?: readonly (string | null | undefined)[];
  readonly data?: { readonly root?: unknown; readonly citations?: CitationSink; readonly contextPath?: string };
  readonly fn?: (context: unknown) => string;
  readonly inverse?: (context: unknown) => string;
}

const where = (options: CallOptions) => ({ line: options.loc?.start.line ?? 0, column: (options.loc?.start.column ?? 0) + 1 });

function rootModel(options: CallOptions): ReportModel | null {
  const root = options.data?.root;
  return typeof root === 'object' && root !== null && 'departments' in root && 'indicators' in root ? (root as ReportModel) : null;
}

/** The marker for the i-th parameter's missing value, recorded in `@citations`. */
function gap(options: CallOptions, i = 0): string {
  const id = options.ids?.[i] ?? '';
  // inside {{#with}} or {{#each}} a path is written from the block's value: Handlebars tells where that is
  const path = id && options.data?.contextPath ? `${options.data.contextPath}.${id}` : id;
  const model = rootModel(options);
  const g = model && path ? gapFor(model, path) : { kind: 'no-value' as const, marker: `[chưa có số liệu: ${path || 'giá trị'}]`, owner: null };
  options.data?.citations?.gaps.push({ ...g, path, ...where(options) });
  return g.marker;
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
    if (v === null) return gap(options);
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
/** The (…delta, unit) pairs a comparison helper is given, each checked. */
function deltaPairs(name: string, params: readonly unknown[], options: CallOptions): ComparisonPair[] {
  if (params.length === 0 || params.length % 2 !== 0) {
    fail(name, options, `"${name}" cần từng cặp: số liệu tăng/giảm (…delta) và đơn vị (ví dụ "thẻ")`);
  }
  const pairs: ComparisonPair[] = [];
  for (let i = 0; i < params.length; i += 2) {
    const d = params[i];
    const unit = params[i + 1];
    if (!isDelta(d)) fail(name, options, `"${name}" cần một trường …delta, nhận ${describe(d)}`);
    if (typeof unit !== 'string') fail(name, options, `"${name}" cần đơn vị bằng chữ, nhận ${describe(unit)}`);
    pairs.push({ delta: d, unit });
  }
  return pairs;
}

const delta: Helper = (...args) => {
  const { params, options } = split(args);
  const pairs = deltaPairs('delta', params, options);
  const first = pairs[0]!;
  if (pairs.length === 1) return formatDelta(first.delta, first.unit);
  const changed = pairs.filter((p) => p.delta.direction === 'increase' || p.delta.direction === 'decrease');
  if (changed.length === 0) {
    // all unchanged: "không thay đổi"; any figure missing this month or last: there is nothing to compare
    const missing = pairs.find((p) => p.delta.direction === 'no-current') ?? pairs.find((p) => p.delta.direction === 'no-previous');
    return formatDelta((missing ?? first).delta);
  }
  return movedPhrase(changed);
};

/**
 * The whole comparison clause: `{{compare indicators.x.delta "thẻ" before=", "}}` prints ", tăng 594 thẻ so với
 * tháng 9", or nothing when there is nothing to compare (docs/comparisons.md). `against=` names what it is
 * compared with ("tháng liền kề", "kỳ chi trả trước"); by default the previous month ("tháng 12/2024" across a
 * year). `before=`/`after=` are printed around the clause only when there is one. A figure whose previous
 * value is missing while last month's data exists is recorded in `@citations` (the comparison left out).
 */
const compare: Helper = (...args) => {
  const { params, options } = split(args);
  const pairs = deltaPairs('compare', params, options);
  const hash = options.hash ?? {};
  for (const key of Object.keys(hash)) {
    if (!['against', 'before', 'after'].includes(key)) fail('compare', options, `"compare" không có tham số "${key}" (có: against, before, after)`);
    if (typeof hash[key] !== 'string') fail('compare', options, `tham số "${key}" của "compare" phải là chữ trong dấu nháy`);
  }
  const model = rootModel(options);
  const previousMonth = pairs.find((p) => p.delta.previousMonth)?.delta.previousMonth ?? model?.previous.month ?? null;
  const against = (hash['against'] as string | undefined) ?? (previousMonth && model ? previousMonthLabel(previousMonth, model.month) : 'tháng trước');
  const phrase = comparisonPhrase(pairs, against);
  // last month's data exists but not these figures: the sentence leaves the comparison out, and says so
  const current = pairs.findIndex((p) => p.delta.direction === 'no-previous');
  if (phrase === null && current >= 0 && model?.previous.source !== 'none') {
    const path = (options.ids?.[current * 2] ?? '').replace(/\.delta$/, '');
    const owner = model && path ? describePath(model, `${path}.value`).owner : null;
    options.data?.citations?.missedComparisons.push({ path, owner, previousMonth: pairs[current]!.delta.previousMonth, ...where(options) });
  }
  if (phrase === null) return '';
  return `${(hash['before'] as string | undefined) ?? ''}${phrase}${(hash['after'] as string | undefined) ?? ''}`;
};

/** `{{#zero x}}chưa cấp … nào{{else}}đã cấp {{count x}} …{{/zero}}`: a zero count worded as a sentence does. */
const zero: Helper = function (this: unknown, ...args: unknown[]): string {
  const { params, options } = split(args);
  if (params.length !== 1) fail('zero', options, '"zero" cần đúng 1 số');
  const v = params[0];
  if (v !== null && !isNumber(v)) fail('zero', options, `"zero" cần một số, nhận ${describe(v)}`);
  if (!options.fn || !options.inverse) fail('zero', options, '"zero" là khối: {{#zero …}}…{{else}}…{{/zero}}');
  return v === 0 ? options.fn(this) : options.inverse(this);
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
    if (items.length === 0 && unsent(section, options)) return gap(options);
    return items.length === 0 ? (fallback ?? '') : join(items, options);
  };
}

/** A section whose department has not sent its return: its fallback ("Không phát sinh.") would be untrue. */
function unsent(section: unknown, options: CallOptions): boolean {
  const model = rootModel(options);
  if (!model || typeof section !== 'object' || section === null || Array.isArray(section)) return false;
  const { owner, reportedBy } = section as { owner?: unknown; reportedBy?: unknown };
  if (reportedBy !== null || typeof owner !== 'string') return false;
  return ownerState(model, owner)?.submitted === false;
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
  compare,
  zero,
  numbered,
  items,
  inline,
};
