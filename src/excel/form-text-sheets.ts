import { indexCatalog } from '../catalog/catalog.js';
import { formatMonth } from '../format/date.js';
import { FOOTNOTE_COLUMNS, GENERAL_COLUMNS, ROW, SECTION_COLUMNS, SHEET_MARK, SHEET_TITLE, FIRST_DATA_ROW, type SheetKind } from './form-layout.js';
import { cellText, type FormContext } from './form-context.js';
import { addValidations, RowWriter, short, startDataSheet } from './form-sheets.js';
import { STYLE, keyRow } from './sheet-parts.js';
import type { SheetBuilder, SheetSpec } from './workbook-spec.js';

/** The instructions sheet (with the return's general fields), the narrative sheet and the footnotes sheet. */

type Extra = Partial<SheetSpec>;

const SPARE_PARAGRAPHS = 3;
const MIN_PARAGRAPH_ROWS = 5;
const SPARE_FOOTNOTES = 5;

function instructions(ctx: FormContext, kinds: readonly SheetKind[]): string[] {
  const m = formatMonth(ctx.month);
  const sheets = kinds.filter((k) => k !== 'general').map((k) => `"${SHEET_TITLE[k]}"`);
  return [
    `Biểu mẫu này dành riêng cho ${ctx.department.name}, báo cáo tháng ${m} (kỳ báo cáo từ ${short(ctx.period.from)} đến ${short(ctx.period.to)}). Biểu mẫu gồm các trang ${sheets.join(', ')}.`,
    'Chỉ nhập vào các ô nền vàng nhạt. Các ô nền xám (mã, tên dịch vụ, chỉ tiêu, mô hình và số liệu tháng trước) đã được khóa; số liệu tháng trước chỉ để đối chiếu.',
    'Số liệu: gõ số nguyên không có dấu ngăn cách (ví dụ 229046); Excel tự hiển thị 229.046. Không gõ số thập phân, số âm hay chữ vào ô số. Ô để trống nghĩa là "không có số liệu" (khác với số 0).',
    'Tỷ lệ trực tuyến được tự tính (trực tuyến / tổng số), không cần nhập; chương trình tính lại khi lập báo cáo.',
    'Trạng thái kết nối và trạng thái tiến độ: chọn trong danh sách thả xuống của ô.',
    'Văn bản dài (khó khăn, kết quả triển khai…): xuống dòng trong ô bằng Alt+Enter. Trang "Lời văn": mỗi ô một đoạn; cần thêm đoạn thì chèn thêm dòng ngay dưới đoạn cuối của mục.',
    'Không thêm, xóa, đổi thứ tự hay gộp các dòng, cột (trừ chèn dòng ở trang "Lời văn", "Chú thích"); không đổi tên, xóa các trang; không đặt mật khẩu cho tệp.',
    'Di chuột vào tiêu đề cột để xem ghi chú; chọn một ô nhập để xem hướng dẫn cho ô đó.',
    'Lưu tệp dạng Excel Workbook (.xlsx) và gửi lại cho cơ quan thường trực. Khi nhận, chương trình kiểm tra từng ô và báo lỗi theo tên trang và địa chỉ ô (ví dụ "Dịch vụ công › H12").',
  ];
}

export function writeGeneralSheet(b: SheetBuilder, ctx: FormContext, kinds: readonly SheetKind[]): Extra {
  const cols = GENERAL_COLUMNS;
  keyRow(b, cols, SHEET_MARK.general);
  b.merge(2, 3, 2, 4, `BIỂU MẪU BÁO CÁO KẾT QUẢ TRIỂN KHAI ĐỀ ÁN 06 — THÁNG ${formatMonth(ctx.month)}`, STYLE.title);
  b.merge(3, 3, 3, 4, ctx.department.name, { ...STYLE.title, font: { bold: true, size: 13 } });
  b.row(2, { height: 24 });
  b.row(3, { height: 22 });
  const w = new RowWriter(b, cols);
  const line = (row: number, key: string, label: string, value: string) => {
    w.put(row, 'label', label, { ...STYLE.catalog, font: { bold: true, size: 11 } });
    w.put(row, 'value', value, STYLE.catalog);
    b.set(row, 1, key, STYLE.hidden);
  };
  line(5, ROW.department, 'Đơn vị', `${ctx.department.name} (mã: ${ctx.department.id})`);
  line(6, ROW.month, 'Tháng báo cáo', formatMonth(ctx.month));
  line(7, 'period', 'Kỳ báo cáo', `từ ${short(ctx.period.from)} đến ${short(ctx.period.to)}`);
  w.put(8, 'label', `Ngày chốt số liệu (chỉ ghi nếu khác ngày ${short(ctx.period.to)})`, { ...STYLE.catalog, font: { bold: true, size: 11 } });
  w.put(8, 'value', ctx.texts?.asOf ? { date: ctx.texts.asOf } : null, { ...STYLE.inputDate, horizontal: 'left' });
  b.set(8, 1, ROW.asOf, STYLE.hidden);
  b.merge(10, 3, 10, 4, 'HƯỚNG DẪN', STYLE.heading);
  instructions(ctx, kinds).forEach((text, i) => {
    const row = 11 + i;
    b.merge(row, 3, row, 4, `${i + 1}. ${text}`, STYLE.text);
    b.row(row, { height: 15 * Math.max(1, Math.ceil(text.length / 95)) + 4 });
  });
  b.validate('D8:D8', { kind: 'date', promptTitle: 'Ngày chốt số liệu', prompt: 'Để trống nếu số liệu tính đến ngày cuối kỳ báo cáo. Dạng 15/9/2024.', error: 'Hãy nhập một ngày, dạng 15/9/2024.' });
  return { frozen: undefined };
}

export function writeSectionsSheet(b: SheetBuilder, ctx: FormContext): Extra {
  const cols = SECTION_COLUMNS;
  const w = startDataSheet(b, ctx, cols, SHEET_MARK.sections, 'LỜI VĂN CHO CÁC MỤC CỦA BÁO CÁO');
  const index = indexCatalog(ctx.catalog);
  let row = FIRST_DATA_ROW;
  for (const id of ctx.owned.section) {
    const def = index.section.get(id)!;
    const paragraphs = ctx.texts?.sections?.[id];
    const n = Math.max(MIN_PARAGRAPH_ROWS, (paragraphs?.length ?? 0) + SPARE_PARAGRAPHS);
    for (let i = 0; i < n; i++) {
      w.put(row, 'id', i === 0 ? id : null, STYLE.catalog);
      w.put(row, 'title', i === 0 ? def.title : null, STYLE.catalog);
      w.put(row, 'text', cellText(ctx, paragraphs?.[i], `sections › ${id} › ${i + 1}`), STYLE.input);
      w.finish(row++, ROW.section(id), i === 0 && paragraphs !== undefined);
    }
  }
  addValidations(b, w, cols, ctx);
  return { frozen: { rows: 5, columns: 4 } };
}

export function writeFootnotesSheet(b: SheetBuilder, ctx: FormContext): Extra {
  const cols = FOOTNOTE_COLUMNS;
  const w = startDataSheet(b, ctx, cols, SHEET_MARK.footnotes, 'CHÚ THÍCH CUỐI TRANG (gọi trong lời văn bằng [^mã])');
  const notes = Object.entries(ctx.texts?.footnotes ?? {});
  let row = FIRST_DATA_ROW;
  for (let i = 0; i < notes.length + SPARE_FOOTNOTES; i++) {
    const [id, text] = notes[i] ?? [null, null];
    w.put(row, 'id', id, STYLE.input);
    w.put(row, 'text', cellText(ctx, text, `footnotes › ${id ?? ''}`), STYLE.input);
    w.finish(row++, ROW.footnote, false);
  }
  addValidations(b, w, cols, ctx);
  return { frozen: { rows: 5, columns: 0 } };
}
