/**
 * The ReportModel: the one typed, serialisable picture of a month that every renderer reads.
 * Readers and compute produce it; renderers (docx, xlsx, text) consume nothing else.
 * Numbers are plain numbers (never formatted strings); `null` means "not reported".
 */

import type { AppendicesSpec } from './appendix.js';

export type MonthKey = `${number}-${number}`; // "2024-09"

/** a connection status's id in the workspace's vocabulary (catalog/vocabularies.yaml), e.g. "connected" */
export type ConnectionStatus = string;

/** a progress status's id in the workspace's vocabulary, e.g. "completed" */
export type ProgressStatus = string;

/** no-current: this month's figure is missing; no-previous: last month's is */
export type DeltaDirection = 'increase' | 'decrease' | 'unchanged' | 'no-previous' | 'no-current';

export interface Delta {
  readonly direction: DeltaDirection;
  /** current − previous; null when there is no previous value or no current value */
  readonly change: number | null;
  readonly previous: number | null;
  /** the month the previous value belongs to, e.g. "2024-08" */
  readonly previousMonth: string | null;
}

export interface ReportingPeriod {
  /** ISO dates, inclusive */
  readonly from: string;
  readonly to: string;
  readonly cutoffDay: number;
}

export interface Signer {
  /** ô 7a, one entry per printed line: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"; or "TỔ TRƯỞNG" … */
  readonly lines: readonly string[];
  /** ô 7b */
  readonly name: string;
}

export interface Recipient {
  readonly text: string;
  /** text of a footnote attached to this line of "Nơi nhận" */
  readonly footnote?: string;
}

export interface ReportHeader {
  readonly province: string;
  /** ô 2, the upper line(s), not bold; none when the issuing body has no governing body above it */
  readonly governingBody: readonly string[];
  /** ô 2, bold, one entry per printed line */
  readonly issuingBody: readonly string[];
  /** "BC-UBND" in "Số: …/BC-UBND" */
  readonly symbol: string;
  /** blank until signed */
  readonly number: string;
  readonly place: string;
  /** ISO date of issue, or null while unsigned */
  readonly issueDate: string | null;
  /** who issues, as the appendices' "(Kèm theo … của …)" line names it */
  readonly issuerName: string;
  /** to whom the report is addressed in the closing sentence */
  readonly addressee: string;
  readonly signer: Signer;
  readonly recipients: readonly Recipient[];
  /** "VT, KSTTHCNC" in "- Lưu: VT, KSTTHCNC." */
  readonly archive: string;
}

export interface ServiceFigures {
  readonly connection: ConnectionStatus | null;
  /** the label as the report prints it, e.g. "Đã kết nối" */
  readonly connectionLabel: string;
  readonly total: number | null;
  readonly online: number | null;
  /** online / total as a fraction (0..1), null when total is 0 or missing */
  readonly rate: number | null;
  /** vi-VN percentage, e.g. "25,87%"; "" when rate is null */
  readonly rateText: string;
  readonly onTime: number | null;
  readonly overdue: number | null;
  readonly difficulties: string;
}

export interface ServiceRow extends ServiceFigures {
  readonly id: string;
  /** printed row number ("1.", "5", …) */
  readonly stt: string;
  readonly name: string;
  readonly owner: string;
  /** sub-rows printed with a leading "-" (e.g. items 5 and 6 of QĐ 422) */
  readonly parts: readonly ServicePart[];
  /** true when connected itself or all its parts are connected */
  readonly counted: { readonly connected: boolean };
  readonly delta: { readonly total: Delta; readonly online: Delta };
  /** department that reported it, null when missing */
  readonly reportedBy: string | null;
}

export interface ServicePart extends ServiceFigures {
  readonly id: string;
  readonly name: string;
}

export interface ServiceGroup {
  /** "I", "II" or "" for an ungrouped table */
  readonly id: string;
  readonly title: string;
  readonly rows: readonly ServiceRow[];
}

export interface ServiceTable {
  readonly id: string; // "qd06" | "qd422"
  readonly groups: readonly ServiceGroup[];
  readonly counts: {
    readonly services: number;
    readonly connected: number;
    readonly notConnected: number;
    readonly withApplications: number;
    readonly total: number;
    readonly online: number;
    /** online/total over all rows */
    readonly rate: number | null;
    readonly rateText: string;
  };
}

export interface ModelRow {
  readonly id: string;
  /** the programme's model number, e.g. 6 in "Mô hình 6" */
  readonly number: number;
  readonly stt: number;
  readonly name: string;
  readonly lead: string;
  readonly leadName: string;
  readonly status: ProgressStatus | null;
  readonly statusLabel: string;
  /** the "Đánh giá tiến độ" sentence */
  readonly progress: string;
  readonly results: string;
  readonly difficulties: string;
  readonly effectiveness: string;
  readonly funding: string;
  readonly continuation: string;
  readonly reportedBy: string | null;
}

export interface ModelGroup {
  readonly id: string; // "I" … "V"
  readonly title: string;
  readonly count: number;
  readonly rows: readonly ModelRow[];
}

export interface ModelTable {
  readonly groups: readonly ModelGroup[];
  /** `models`: all of them; then one count per progress status, by its id (catalog/vocabularies.yaml) */
  readonly counts: { readonly models: number } & Readonly<Record<string, number>>;
}

export interface IndicatorPart {
  readonly id: string;
  readonly name: string;
  readonly value: number | null;
  readonly delta: Delta;
}

export interface Indicator {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly owner: string;
  readonly value: number | null;
  /** denominator when the indicator is "value/total" */
  readonly total: number | null;
  /** value/total as a fraction, null without a total */
  readonly rate: number | null;
  readonly rateText: string;
  /** total − value */
  readonly remaining: number | null;
  readonly remainingRate: number | null;
  readonly remainingRateText: string;
  readonly asOf: string | null;
  readonly from: string | null;
  readonly parts: Readonly<Record<string, IndicatorPart>>;
  readonly delta: Delta;
  readonly reportedBy: string | null;
}

export interface Section {
  readonly id: string;
  readonly title: string;
  readonly owner: string;
  /** blocks of the body markup (docs/markup.md), in order */
  readonly items: readonly string[];
  readonly reportedBy: string | null;
}

export interface Footnote {
  readonly id: string;
  readonly text: string;
}

export interface DepartmentStatus {
  readonly id: string;
  readonly name: string;
  readonly submitted: boolean;
  readonly file: string | null;
}

export interface ReportModel {
  readonly schemaVersion: 1;
  /** "2024-09" */
  readonly month: string;
  readonly year: number;
  /** 1..12 */
  readonly monthNumber: number;
  /** the month after, for "NHIỆM VỤ TRỌNG TÂM TRONG THÁNG 10/2024" */
  readonly next: { readonly month: string; readonly year: number; readonly monthNumber: number };
  readonly previous: { readonly month: string; readonly year: number; readonly monthNumber: number; readonly source: 'month' | 'baseline' | 'none' };
  readonly period: ReportingPeriod;
  readonly header: ReportHeader;
  readonly qd06: ServiceTable;
  readonly qd422: ServiceTable & {
    /** services of QĐ 422 in all (28), of which `counts.services` are deployed locally (22) */
    readonly nationalTotal: number;
    /** services of QĐ 422 handled at ministry level, not locally (28 − 22 = 6) */
    readonly ministryLevel: number;
  };
  readonly models: ModelTable;
  readonly indicators: Readonly<Record<string, Indicator>>;
  readonly sections: Readonly<Record<string, Section>>;
  readonly footnotes: readonly Footnote[];
  readonly departments: readonly DepartmentStatus[];
  /** the appendices as data/report/appendices.yaml lays them out, resolved for the month */
  readonly appendices: AppendicesSpec;
}
