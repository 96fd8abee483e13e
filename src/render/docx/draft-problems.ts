import { AlignmentType, Paragraph, type Table } from 'docx';
import { PORTRAIT_TEXT_WIDTH, fillWidths } from './geometry.js';
import { ALIGN, cellText, gridTable, type GridRow } from './grid-table.js';
import { PT, run } from './text.js';

/** One open problem as the draft's last page lists it. */
export interface DraftProblem {
  /** the department concerned, or "" for general problems (catalogs, report.yaml) */
  readonly department: string;
  /** file and line, or file › sheet › cell */
  readonly where: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

const HEAD = ['STT', 'Đơn vị', 'Vị trí', 'Vấn đề'] as const;

/** "DANH SÁCH CÁC VẤN ĐỀ CÒN MỞ": a table of every open problem, marked as not part of the report. */
export function draftProblemsPage(problems: readonly DraftProblem[]): (Paragraph | Table)[] {
  const title = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 120 },
    children: [run('DANH SÁCH CÁC VẤN ĐỀ CÒN MỞ CỦA BẢN DỰ THẢO', { bold: true, size: PT.appendixTitle })],
  });
  const note = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 240 },
    children: [run('(Trang này không thuộc báo cáo chính thức; các vấn đề cần được giải quyết trước khi trình ký)', { italic: true, size: PT.appendixNote })],
  });
  if (problems.length === 0) {
    return [title, note, new Paragraph({ alignment: AlignmentType.CENTER, children: [run('Không còn vấn đề nào.', { size: PT.tableBody })] })];
  }
  const widths = fillWidths(PORTRAIT_TEXT_WIDTH, [600, 2200, 2600]);
  const size = PT.tableHeader;
  const rows: GridRow[] = [
    { header: true, cantSplit: true, cells: HEAD.map((h) => ({ children: cellText(h, { bold: true, size, align: ALIGN.center }), middle: true })) },
    ...problems.map((p, i): GridRow => ({
      cantSplit: true,
      cells: [
        { children: cellText(String(i + 1), { size, align: ALIGN.center }) },
        { children: cellText(p.department || 'Chung', { size }) },
        { children: cellText(p.where, { size }) },
        { children: cellText(`${p.severity === 'error' ? 'Lỗi' : 'Cảnh báo'}: ${p.message}`, { size }) },
      ],
    })),
  ];
  return [title, note, gridTable(widths, rows)];
}
