import { AlignmentType, Paragraph, type Table } from 'docx';
import type { AppendixHeading } from '../template/report-texts.js';
import { PT, run } from './text.js';

/**
 * The head of an appendix (Nghị định 30/2020, Phụ lục): "Phụ lục I" 14 pt bold, the title in capitals
 * 13 pt bold, the italic "(Kèm theo Báo cáo số … ngày … của …)", then the table.
 */
export function appendix(heading: AppendixHeading, table: Table): (Paragraph | Table)[] {
  const centred = (after: number, ...children: ReturnType<typeof run>[]) =>
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 0, after }, children });
  return [
    centred(60, run(heading.label, { bold: true, size: PT.appendixLabel })),
    centred(0, ...heading.title.map((t, i) => run(t, { bold: true, size: PT.appendixTitle, breakBefore: i > 0 }))),
    centred(240, run(heading.attachedTo, { italic: true, size: PT.appendixNote })),
    table,
  ];
}
