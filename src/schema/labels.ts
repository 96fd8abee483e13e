import type { ConnectionStatus, ProgressStatus } from '../model/report-model.js';

/** How the report prints each connection status (Phụ lục I, II). */
export const CONNECTION_LABELS: Record<ConnectionStatus, string> = {
  connected: 'Đã kết nối',
  'not-connected': 'Chưa kết nối',
  implemented: 'Đã thực hiện',
  'not-implemented': 'Chưa thực hiện',
};

/** The fixed list of progress statuses of a model (Phụ lục III). */
export const PROGRESS_LABELS: Record<ProgressStatus, string> = {
  completed: 'Đã hoàn thành',
  maintaining: 'Đã hoàn thành, đang duy trì',
  'on-track': 'Đang triển khai theo kế hoạch',
  'in-progress': 'Đang triển khai',
  delayed: 'Chậm tiến độ',
  paused: 'Tạm dừng',
  waiting: 'Chờ Trung ương triển khai',
  'not-started': 'Chưa triển khai',
};

/** Folds a label for comparison: NFC, lower case, no tone-mark placement differences, single spaces. */
export function foldLabel(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** each label set's keys by every spelling that exactly names them (key, label) and by their folded forms */
const FOLDED = new WeakMap<object, { exact: Map<string, string>; folded: Map<string, string> }>();

function lookupOf(labels: Record<string, string>): { exact: Map<string, string>; folded: Map<string, string> } {
  let l = FOLDED.get(labels);
  if (!l) {
    l = { exact: new Map(), folded: new Map() };
    for (const [key, label] of Object.entries(labels)) {
      for (const s of [key, label]) {
        const f = foldLabel(s);
        if (!l.folded.has(f)) l.folded.set(f, key);
      }
    }
    // an exact spelling gives what its folded form gives
    for (const [key, label] of Object.entries(labels)) for (const s of [key, label]) l.exact.set(s, l.folded.get(foldLabel(s))!);
    FOLDED.set(labels, l);
  }
  return l;
}

/** Accepts the code ("connected") or the printed label in any case/diacritic form ("Đã kết nối", "da ket noi"). */
export function matchLabel<K extends string>(labels: Record<K, string>, raw: string): K | null {
  const l = lookupOf(labels);
  return (l.exact.get(raw) ?? l.folded.get(foldLabel(raw)) ?? null) as K | null;
}
