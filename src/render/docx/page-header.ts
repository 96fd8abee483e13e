import { AlignmentType, BorderStyle, Header, PageNumber, Paragraph, TextRun } from 'docx';
import { LABELS } from './labels.js';
import { FONT, PT, run } from './text.js';

/** Page number centred in the top margin, 14 pt (Nghị định 30/2020). */
export function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: PT.pageNumber * 2 })],
      }),
    ],
  });
}

/** First page of a section: no number; on a draft, a boxed "DỰ THẢO" at the top left of page 1. */
export function firstPageHeader(draft: boolean): Header {
  if (!draft) return new Header({ children: [new Paragraph({ children: [] })] });
  const box = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 2 } as const;
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        indent: { right: 7500 },
        border: { top: box, bottom: box, left: box, right: box },
        children: [run(LABELS.draft, { bold: true, size: PT.authority })],
      }),
    ],
  });
}
