import type { ReportModel } from '../../model/report-model.js';

/**
 * What a template cites and the month does not have. The helpers record every value they are given as null
 * (a figure, a date, a rate), every section whose department has not sent its return, and every comparison
 * they leave out for want of last month's figure; the caller decides: a final build stops, a draft prints
 * the marker, `validate` reports. Recording is a value passed in Handlebars' data (`@citations`), so the
 * helpers stay pure.
 */

export type GapKind = 'no-value' | 'no-return';

export interface CitationGap {
  readonly kind: GapKind;
  /** the path the template wrote, e.g. "indicators.bhyt-cccd-cards.value" */
  readonly path: string;
  /** the template's line and column (1-based) */
  readonly line: number;
  readonly column: number;
  /** the text printed in its place, e.g. "[chưa có số liệu: Số lượng CCCD …]" */
  readonly marker: string;
  /** the department that owns the value, when the path names one */
  readonly owner: string | null;
}

/** A comparison with last month left out because last month has no figure for it. */
export interface MissedComparison {
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly owner: string | null;
  readonly previousMonth: string | null;
}

export interface CitationSink {
  readonly gaps: CitationGap[];
  readonly missedComparisons: MissedComparison[];
}

export function citationSink(): CitationSink {
  return { gaps: [], missedComparisons: [] };
}

/** Every marker a gap prints; the docx renderer highlights them, the sentence finder looks for them. */
export const GAP_MARK = /\[chưa có (?:số liệu: |báo cáo của )[^\]]*\]/g;

const FIELD_LABEL: Readonly<Record<string, string>> = {
  value: '',
  total: 'tổng số',
  rate: 'tỷ lệ',
  remaining: 'số còn lại',
  remainingRate: 'tỷ lệ còn lại',
  asOf: 'ngày chốt số liệu',
  from: 'ngày bắt đầu tính',
};

interface Owned {
  readonly label: string;
  readonly owner: string | null;
}

/** What a path names, for the marker and the diagnostic: "Số lượng CCCD … (tổng số)", and who reports it. */
export function describePath(model: ReportModel, path: string): Owned {
  const parts = path.split('.');
  const [root, id, field, partId] = parts;
  if (root === 'indicators' && id !== undefined && Object.hasOwn(model.indicators, id)) {
    const ind = model.indicators[id]!;
    if (field === 'parts' && partId !== undefined && Object.hasOwn(ind.parts, partId)) {
      return { label: `${ind.name} — ${ind.parts[partId]!.name}`, owner: ind.owner };
    }
    const extra = field !== undefined && Object.hasOwn(FIELD_LABEL, field) ? FIELD_LABEL[field] : field;
    return { label: extra ? `${ind.name} (${extra})` : ind.name, owner: ind.owner };
  }
  if (root === 'sections' && id !== undefined && Object.hasOwn(model.sections, id)) {
    const s = model.sections[id]!;
    return { label: s.title, owner: s.owner };
  }
  return { label: path, owner: null };
}

/** The department's name, and whether its return is in; unknown ids count as sent (nothing to say). */
export function ownerState(model: ReportModel, owner: string | null): { name: string; submitted: boolean } | null {
  if (owner === null) return null;
  const d = model.departments.find((x) => x.id === owner);
  return d ? { name: d.name, submitted: d.submitted } : null;
}

/** The marker for a missing value: the department's return, or the value itself. */
export function gapFor(model: ReportModel, path: string): { kind: GapKind; marker: string; owner: string | null } {
  const { label, owner } = describePath(model, path);
  const state = ownerState(model, owner);
  if (state && !state.submitted) return { kind: 'no-return', marker: `[chưa có báo cáo của ${state.name}]`, owner };
  return { kind: 'no-value', marker: `[chưa có số liệu: ${label}]`, owner };
}

/**
 * The sentence of a rendered text around the n-th marker: from the end of the sentence before to the end of
 * its own, markup marks removed, the marker itself shown as "…", shortened to about 200 characters.
 */
export function sentenceAround(text: string, markerIndex: number, markerLength: number): string {
  const paragraphStart = Math.max(text.lastIndexOf('\n\n', markerIndex) + 2, 0);
  const nextBreak = text.indexOf('\n\n', markerIndex);
  const paragraphEnd = nextBreak < 0 ? text.length : nextBreak;
  const before = text.slice(paragraphStart, markerIndex);
  const after = text.slice(markerIndex + markerLength, paragraphEnd);
  const startMatch = /[.;]\s(?=[^.;]*$)/.exec(before);
  const start = startMatch ? startMatch.index + 2 : 0;
  const endMatch = /[.;](\s|$)/.exec(after);
  const end = endMatch ? endMatch.index + 1 : after.length;
  const sentence = `${before.slice(start)}…${after.slice(0, end)}`
    .replace(GAP_MARK, '…')
    .replace(/\*+/g, '')
    .replace(/^[#\s+-]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return sentence.length > 200 ? `${sentence.slice(0, 197)}…` : sentence;
}
