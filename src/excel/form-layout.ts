import type { FieldKind } from './cells.js';

/**
 * The layout of a department's form (version 1), shared by the form writer and the form reader.
 *
 * Every data sheet has a hidden first row naming each column's field ("total", "total.prev", …) and a hidden
 * first column naming each row ("service:qd06-02", "part:qd422-05/qd422-05-a", …), with a hidden second column
 * marking rows that were present in the return the form was filled from. The reader finds sheets by the
 * marker in A1 and columns by their keys, so it does not depend on sheet names or column letters.
 */

export const FORM_VERSION = '1';
export const FORM_MARKER = 'baocao-form';
export const META_SHEET = '_baocao';

export const NAMES = {
  form: 'baocao_form',
  version: 'baocao_version',
  department: 'baocao_department',
  month: 'baocao_month',
} as const;

export type SheetKind = 'general' | 'services' | 'indicators' | 'models' | 'sections' | 'footnotes';

export const SHEET_MARK: Record<SheetKind, string> = {
  general: '@general',
  services: '@services',
  indicators: '@indicators',
  models: '@models',
  sections: '@sections',
  footnotes: '@footnotes',
};

export const SHEET_TITLE: Record<SheetKind, string> = {
  general: 'Hướng dẫn',
  services: 'Dịch vụ công',
  indicators: 'Chỉ tiêu',
  models: 'Mô hình',
  sections: 'Lời văn',
  footnotes: 'Chú thích',
};

/** what a column holds: the row key, the presence mark, a locked catalog value, an input, last month's value, a computed value */
export type ColumnRole = 'key' | 'present' | 'catalog' | 'input' | 'previous' | 'computed';

export interface ColumnDef {
  readonly key: string;
  readonly role: ColumnRole;
  readonly header: string;
  /** second header line (under a header spanning an input and last month's value) */
  readonly sub?: string;
  readonly width: number;
  readonly field?: FieldKind;
  /** the note on the header cell, and the prompt shown when an input cell is selected */
  readonly note?: string;
}

const key: ColumnDef = { key: 'key', role: 'key', header: '', width: 4 };
const present: ColumnDef = { key: 'present', role: 'present', header: '', width: 4 };
const id: ColumnDef = { key: 'id', role: 'catalog', header: 'Mã', width: 13, note: 'Mã trong danh mục (không sửa).' };

const COUNT_NOTE = 'Số nguyên ≥ 0, gõ số bình thường (ví dụ 229046). Để trống nếu không có số liệu.';

export const SERVICE_COLUMNS: readonly ColumnDef[] = [
  key,
  present,
  id,
  { key: 'stt', role: 'catalog', header: 'STT', width: 5 },
  { key: 'name', role: 'catalog', header: 'Dịch vụ công trực tuyến', width: 46 },
  { key: 'connection', role: 'input', header: 'Kết nối với Cổng DVC quốc gia', sub: 'Tháng này', width: 15, field: 'label', note: 'Chọn trong danh sách: Đã kết nối, Chưa kết nối, Đã thực hiện, Chưa thực hiện.' },
  { key: 'connection.prev', role: 'previous', header: 'Kết nối với Cổng DVC quốc gia', sub: 'Tháng trước', width: 13 },
  { key: 'total', role: 'input', header: 'Tổng số hồ sơ (cả trực tiếp và trực tuyến)', sub: 'Tháng này', width: 12, field: 'count', note: `Tổng số hồ sơ tiếp nhận trong kỳ, cả trực tiếp và trực tuyến. ${COUNT_NOTE}` },
  { key: 'total.prev', role: 'previous', header: 'Tổng số hồ sơ (cả trực tiếp và trực tuyến)', sub: 'Tháng trước', width: 11 },
  { key: 'online', role: 'input', header: 'Hồ sơ trực tuyến', sub: 'Tháng này', width: 12, field: 'count', note: `Số hồ sơ nộp trực tuyến (không lớn hơn tổng số hồ sơ). ${COUNT_NOTE}` },
  { key: 'online.prev', role: 'previous', header: 'Hồ sơ trực tuyến', sub: 'Tháng trước', width: 11 },
  { key: 'rate', role: 'computed', header: 'Tỷ lệ trực tuyến (tự tính)', width: 10, note: 'Tự tính = trực tuyến / tổng số. Không cần nhập; chương trình tự tính lại khi lập báo cáo.' },
  { key: 'onTime', role: 'input', header: 'Hồ sơ trực tuyến xử lý đúng hạn', sub: 'Tháng này', width: 12, field: 'count', note: `Số hồ sơ trực tuyến đã xử lý đúng hạn. ${COUNT_NOTE}` },
  { key: 'onTime.prev', role: 'previous', header: 'Hồ sơ trực tuyến xử lý đúng hạn', sub: 'Tháng trước', width: 11 },
  { key: 'overdue', role: 'input', header: 'Hồ sơ trực tuyến xử lý quá hạn', sub: 'Tháng này', width: 12, field: 'count', note: `Số hồ sơ trực tuyến xử lý quá hạn; để trống nếu không có. ${COUNT_NOTE}` },
  { key: 'overdue.prev', role: 'previous', header: 'Hồ sơ trực tuyến xử lý quá hạn', sub: 'Tháng trước', width: 11 },
  { key: 'difficulties', role: 'input', header: 'Khó khăn, vướng mắc', width: 45, field: 'text', note: 'Ghi ngắn gọn khó khăn, vướng mắc (nếu có). Xuống dòng trong ô: Alt+Enter.' },
];

export const INDICATOR_COLUMNS: readonly ColumnDef[] = [
  key,
  present,
  id,
  { key: 'name', role: 'catalog', header: 'Chỉ tiêu', width: 60 },
  { key: 'unit', role: 'catalog', header: 'Đơn vị tính', width: 10 },
  { key: 'value', role: 'input', header: 'Giá trị', sub: 'Tháng này', width: 13, field: 'count', note: `Giá trị của chỉ tiêu (các dòng "-" là thành phần; nếu chỉ nhập thành phần thì giá trị là tổng các thành phần). ${COUNT_NOTE}` },
  { key: 'value.prev', role: 'previous', header: 'Giá trị', sub: 'Tháng trước', width: 12 },
  { key: 'total', role: 'input', header: 'Trên tổng số', sub: 'Tháng này', width: 13, field: 'count', note: `Chỉ với chỉ tiêu dạng "giá trị/tổng số" (ví dụ 39.102/164.331 người). ${COUNT_NOTE}` },
  { key: 'total.prev', role: 'previous', header: 'Trên tổng số', sub: 'Tháng trước', width: 12 },
  { key: 'asOf', role: 'input', header: 'Tính đến ngày', width: 12, field: 'date', note: 'Ngày chốt số liệu của chỉ tiêu, nếu khác ngày cuối kỳ báo cáo (dạng 15/9/2024).' },
  { key: 'from', role: 'input', header: 'Tính từ ngày', width: 12, field: 'date', note: 'Với số liệu cộng dồn: ngày bắt đầu tính (dạng 16/8/2023).' },
];

export const MODEL_COLUMNS: readonly ColumnDef[] = [
  key,
  present,
  id,
  { key: 'name', role: 'catalog', header: 'Mô hình', width: 30 },
  { key: 'status', role: 'input', header: 'Trạng thái tiến độ', sub: 'Tháng này', width: 18, field: 'label', note: 'Chọn trong danh sách (Đã hoàn thành, Đang triển khai theo kế hoạch, Chậm tiến độ, …).' },
  { key: 'status.prev', role: 'previous', header: 'Trạng thái tiến độ', sub: 'Tháng trước', width: 16 },
  { key: 'progress', role: 'input', header: 'Đánh giá tiến độ', width: 30, field: 'text', note: 'Câu "Đánh giá tiến độ: …" in ở đầu cột Kết quả triển khai.' },
  { key: 'results', role: 'input', header: 'Kết quả triển khai', width: 50, field: 'text', note: 'Mỗi dòng một đoạn (xuống dòng trong ô: Alt+Enter).' },
  { key: 'difficulties', role: 'input', header: 'Khó khăn vướng mắc', width: 30, field: 'text' },
  { key: 'effectiveness', role: 'input', header: 'Đánh giá hiệu quả, giá trị tiện ích mang lại và tiết kiệm', width: 30, field: 'text' },
  { key: 'funding', role: 'input', header: 'Kinh phí đầu tư, chi cho từng nhóm mô hình', width: 20, field: 'text' },
  { key: 'continuation', role: 'input', header: 'Có tiếp tục tham mưu nhân rộng triển khai trên toàn địa bàn không? Nếu có sẽ thực hiện các bước như thế nào', width: 30, field: 'text' },
];

export const SECTION_COLUMNS: readonly ColumnDef[] = [
  key,
  present,
  { key: 'id', role: 'catalog', header: 'Mã mục', width: 14 },
  { key: 'title', role: 'catalog', header: 'Mục của báo cáo', width: 30 },
  { key: 'text', role: 'input', header: 'Đoạn văn (mỗi ô một đoạn)', width: 100, field: 'text', note: 'Mỗi ô một đoạn văn; đoạn bắt đầu bằng "- " hoặc "+ " là ý liệt kê; **đậm**, *nghiêng*; gọi chú thích bằng [^mã]. Cần thêm đoạn: chèn thêm dòng ngay dưới.' },
];

export const FOOTNOTE_COLUMNS: readonly ColumnDef[] = [
  key,
  present,
  { key: 'id', role: 'input', header: 'Mã chú thích', width: 16, field: 'text', note: 'Mã gọi trong lời văn bằng [^mã], ví dụ vb-chi-dao (chữ thường không dấu, số, dấu "-").' },
  { key: 'text', role: 'input', header: 'Nội dung chú thích', width: 100, field: 'text' },
];

export const GENERAL_COLUMNS: readonly ColumnDef[] = [
  key,
  present,
  { key: 'label', role: 'catalog', header: '', width: 34 },
  { key: 'value', role: 'input', header: '', width: 60, field: 'date' },
];

export const COLUMNS: Record<SheetKind, readonly ColumnDef[]> = {
  general: GENERAL_COLUMNS,
  services: SERVICE_COLUMNS,
  indicators: INDICATOR_COLUMNS,
  models: MODEL_COLUMNS,
  sections: SECTION_COLUMNS,
  footnotes: FOOTNOTE_COLUMNS,
};

/** 1-based column of a field key in a layout */
export function columnOf(columns: readonly ColumnDef[], k: string): number {
  const i = columns.findIndex((c) => c.key === k);
  if (i < 0) throw new Error(`no column ${k}`);
  return i + 1;
}

/** Row keys of the hidden first column. */
export const ROW = {
  service: (id: string) => `service:${id}`,
  servicePart: (id: string, part: string) => `part:${id}/${part}`,
  indicator: (id: string) => `indicator:${id}`,
  indicatorPart: (id: string, part: string) => `ipart:${id}/${part}`,
  model: (id: string) => `model:${id}`,
  section: (id: string) => `section:${id}`,
  footnote: 'footnote',
  asOf: 'asOf',
  department: 'department',
  month: 'month',
} as const;

export type RowKey =
  | { kind: 'service'; id: string }
  | { kind: 'part'; id: string; part: string }
  | { kind: 'indicator'; id: string }
  | { kind: 'ipart'; id: string; part: string }
  | { kind: 'model'; id: string }
  | { kind: 'section'; id: string }
  | { kind: 'footnote' }
  | { kind: 'asOf' | 'department' | 'month' }
  | { kind: 'other' };

export function parseRowKey(k: string): RowKey {
  const m = /^(service|part|indicator|ipart|model|section):([^/]+)(?:\/(.+))?$/.exec(k);
  if (m) {
    const [, kind, a = '', b] = m;
    if ((kind === 'part' || kind === 'ipart') && b) return { kind, id: a, part: b };
    if (kind === 'service' || kind === 'indicator' || kind === 'model' || kind === 'section') return { kind, id: a };
  }
  if (k === 'footnote') return { kind: 'footnote' };
  if (k === 'asOf' || k === 'department' || k === 'month') return { kind: k };
  return { kind: 'other' };
}

/** first data row of the data sheets (rows 2–3: title; 4–5: headers) */
export const FIRST_DATA_ROW = 6;
