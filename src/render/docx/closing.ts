import { Paragraph, type Table } from 'docx';
import { parseMarkup } from '../../markup/parse.js';
import type { ReportHeader } from '../../model/report-model.js';
import { fillWidths, PORTRAIT_TEXT_WIDTH } from './geometry.js';
import { LABELS } from './labels.js';
import { layoutTable } from './layout-kit.js';
import type { Footnotes } from './footnotes.js';
import { noteParagraphs } from './markup-paragraphs.js';
import { line, PT, run, upper } from './text.js';

/** "Nơi nhận" on the left, the signature on the right (Nghị định 30/2020, ô 7 and 9b). */
export const CLOSING_COLUMNS = fillWidths(PORTRAIT_TEXT_WIDTH, [4500]);

/** Blank lines left for the signature and seal */
const SIGNATURE_SPACE = 4;

export function closing(header: ReportHeader, footnotes: Footnotes): (Table | Paragraph)[] {
  const recipients = [
    new Paragraph({
      spacing: { before: 0, after: 0 },
      children: [run(LABELS.recipients, { bold: true, italic: true, size: PT.recipientsLabel })],
    }),
    ...header.recipients.map(
      (r) =>
        new Paragraph({
          spacing: { before: 0, after: 0 },
          children: [
            run(`- ${r.text}`, { size: PT.recipients }),
            ...(r.footnote ? [footnotes.call(() => noteParagraphs(parseMarkup(r.footnote ?? '').blocks))] : []),
            run(';', { size: PT.recipients }),
          ],
        }),
    ),
    new Paragraph({
      spacing: { before: 0, after: 0 },
      children: [run(`- ${LABELS.archive}: ${header.archive}.`, { size: PT.recipients })],
    }),
  ];
  const signer = header.signer;
  const signature = [
    // ô 7a: quyền hạn (TM., KT., Q., TL., TUQ.) and chức vụ, one paragraph a line, bold capitals
    ...signer.lines.map((t) => line(upper(t), { bold: true, size: PT.body })),
    ...Array.from({ length: SIGNATURE_SPACE }, () => line('', { size: PT.body })),
    line(signer.name, { bold: true, size: PT.body }),
  ];
  const space = new Paragraph({ spacing: { before: 0, after: 0 }, children: [] });
  return [space, layoutTable(CLOSING_COLUMNS, [[recipients, signature]])];
}
