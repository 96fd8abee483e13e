import { warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { CODES } from '../diagnostics/codes.js';
import { formatMonth } from '../format/date.js';
import type { ReportingPeriod } from '../model/report-model.js';
import type { Path } from '../readers/yaml.js';
import type { LoadedSubmission } from '../readers/submission.js';
import type { Submission } from '../schema/submission.js';
import { at, type Rule } from './context.js';

/**
 * Texts carried from last month that still speak of a previous period: "tháng 8" in October's report, a date
 * of last month's reporting period ("15/9/2024"). A text the secretariat kept word for word may be right, but
 * it is told, with its place: the report would otherwise print last month's words as this month's.
 */

/** "tháng N" of up to this many months back counts as a previous period ("tháng 8" in October's report) */
const MONTHS_BACK = 2;

const MONTH_WORD = /tháng\s+0?(\d{1,2})(?:\s*(?:\/|năm)\s*(\d{4}))?(?!\s*\d)(?![\d/])/giu;
const DATE = /(?<![\d/])0?(\d{1,2})\/0?(\d{1,2})\/(\d{4})(?![\d/])/gu;

function monthIndex(year: number, month: number): number {
  return year * 12 + (month - 1);
}

function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The period `months` months before the given one, on the same cut-off day. */
function shifted(period: ReportingPeriod, months: number): string {
  const [y, m, d] = period.from.split('-').map(Number) as [number, number, number];
  const i = monthIndex(y, m) - months;
  return isoDate(Math.floor(i / 12), (i % 12) + 1, d);
}

/**
 * The mentions of a previous period in a text of the given month: "tháng N" (with or without its year) for the
 * two months before, and the dates of last month's reporting period ("15/9/2024" in October's report). Older
 * dates are the dates of documents a text cites, and are left alone.
 */
export function stalePeriodMentions(text: string, month: string, period: ReportingPeriod): string[] {
  const [cy, cm] = month.split('-').map(Number) as [number, number];
  const current = monthIndex(cy, cm);
  const found: string[] = [];
  for (const m of text.matchAll(MONTH_WORD)) {
    const n = Number(m[1]);
    if (n < 1 || n > 12) continue;
    const year = m[2] !== undefined ? Number(m[2]) : n <= cm ? cy : cy - 1;
    const back = current - monthIndex(year, n);
    if (back >= 1 && back <= MONTHS_BACK) found.push(m[0].replace(/\s+/g, ' '));
  }
  const earliest = shifted(period, 1);
  for (const m of text.matchAll(DATE)) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12 || d < 1 || d > 31) continue;
    const iso = isoDate(y, mo, d);
    if (iso >= earliest && iso < period.from) found.push(m[0]);
  }
  return [...new Set(found)];
}

/** Every text of a return with its path: sections' paragraphs, models' texts, services' difficulties, footnotes. */
export function returnTexts(sub: Submission): { path: Path; text: string }[] {
  const out: { path: Path; text: string }[] = [];
  const push = (path: Path, text: string | null | undefined) => {
    if (typeof text === 'string' && text.trim() !== '') out.push({ path, text });
  };
  for (const [id, paragraphs] of Object.entries(sub.sections ?? {})) paragraphs.forEach((p, i) => push(['sections', id, i], p));
  for (const [id, m] of Object.entries(sub.models ?? {})) {
    for (const k of ['progress', 'results', 'difficulties', 'effectiveness', 'funding', 'continuation'] as const) push(['models', id, k], m[k]);
  }
  for (const [id, s] of Object.entries(sub.services ?? {})) {
    push(['services', id, 'difficulties'], s.difficulties);
    for (const [pid, p] of Object.entries(s.parts ?? {})) push(['services', id, 'parts', pid, 'difficulties'], p.difficulties);
  }
  for (const [id, text] of Object.entries(sub.footnotes ?? {})) push(['footnotes', id], text);
  return out;
}

/** The warnings for the texts of these returns that are word for word last month's and name a previous period. */
export function staleTextFindings(submissions: readonly LoadedSubmission[], previous: readonly Submission[], previousMonth: string, month: string, period: ReportingPeriod): Diagnostic[] {
  const when = `tháng ${formatMonth(previousMonth)}`;
  const now = `tháng ${formatMonth(month)}`;
  return submissions.flatMap((s) => {
    const before = previous.find((p) => p.department === s.submission.department);
    if (!before) return [];
    const kept = new Set(returnTexts(before).map((t) => t.text.trim()));
    return returnTexts(s.submission).flatMap(({ path, text }) => {
      // a paragraph may move within its section: what matters is that last month's return had it word for word
      if (!kept.has(text.trim())) return [];
      const mentions = stalePeriodMentions(text, month, period);
      if (mentions.length === 0) return [];
      const named = mentions.map((x) => `"${x}"`).join(', ');
      return [warning(CODES.staleMonthInText, `lời văn giữ nguyên từ ${when} còn nhắc ${named} của kỳ trước: hãy xem lại cho ${now}`, at(s, path))];
    });
  });
}

export const staleTexts: Rule = ({ submissions, previous, month, period }) =>
  previous && previous.source === 'month' ? staleTextFindings(submissions, previous.submissions, previous.month, month, period) : [];
