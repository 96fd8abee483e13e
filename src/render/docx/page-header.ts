import { AlignmentType, BorderStyle, Header, PageNumber, Paragraph, TabStopType, TextRun } from 'docx';
import { LABELS } from './labels.js';
import { FONT, PT, run } from './text.js';

/**
 * Headers. Page numbers are centred in the top margin, 14 pt (Nghị định 30/2020), and not shown on the first
 * page of a section. A draft carries a boxed "DỰ THẢO" at the right of every page's header.
 */

function draftMark(): TextRun {
  return run(LABELS.draft, { bold: true, size: PT.authority });
}

/** centre and right tab stops across the text width */
function tabs(width: number) {
  return [
    { type: TabStopType.CENTER, position: Math.round(width / 2) },
    { type: TabStopType.RIGHT, position: width },
  ];
}

export function pageNumberHeader(width: number, draft: boolean): Header {
  const number = new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: PT.pageNumber * 2 });
  if (!draft) {
    return new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [number] })] });
  }
  return new Header({
    children: [new Paragraph({ tabStops: tabs(width), children: [new TextRun({ text: '\t' }), number, new TextRun({ text: '\t' }), draftMark()] })],
  });
}

/** First page of a section: no number; on a draft, the boxed "DỰ THẢO" at the right. */
export function firstPageHeader(draft: boolean): Header {
  if (!draft) return new Header({ children: [new Paragraph({ children: [] })] });
  const box = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 2 } as const;
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        border: { top: box, bottom: box, left: box, right: box },
        indent: { left: 7000 },
        children: [draftMark()],
      }),
    ],
  });
}
