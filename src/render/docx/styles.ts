import { AlignmentType, LineRuleType, type IStylesOptions } from 'docx';
import { FONT, PT } from './text.js';

/** Paragraph style ids used by the body (Word shows the headings in its navigation pane). */
export const STYLE = {
  body: 'BodyText',
  heading: ['Heading1', 'Heading2', 'Heading3'],
  footnote: 'FootnoteText',
} as const;

/** First-line indent of body paragraphs: 1.27 cm */
export const FIRST_LINE_INDENT = 720;
/** 6 pt after each paragraph (the decree's minimum) */
export const PARAGRAPH_AFTER = 120;
/** Line spacing 1.15 (in 240ths of a line; the decree allows single to 1.5) */
export const BODY_LINE = 276;

const black = '000000';

const bodyParagraph = {
  alignment: AlignmentType.JUSTIFIED,
  indent: { firstLine: FIRST_LINE_INDENT },
  spacing: { before: 0, after: PARAGRAPH_AFTER, line: BODY_LINE, lineRule: LineRuleType.AUTO },
} as const;

function heading(level: 1 | 2 | 3) {
  return {
    id: `Heading${level}`,
    name: `Heading ${level}`,
    basedOn: STYLE.body,
    next: STYLE.body,
    quickFormat: true,
    run: { font: FONT, size: PT.heading * 2, bold: true, italics: level === 3, color: black },
    paragraph: { ...bodyParagraph, keepNext: true, keepLines: true, outlineLevel: level - 1 },
  };
}

/** Times New Roman everywhere, black, Vietnamese; the body's paragraph styles. */
export function documentStyles(): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: FONT, size: PT.body * 2, color: black, language: { value: 'vi-VN' } },
        paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
      },
    },
    paragraphStyles: [
      {
        id: STYLE.body,
        name: 'Body Text',
        basedOn: 'Normal',
        next: STYLE.body,
        quickFormat: true,
        run: { font: FONT, size: PT.body * 2 },
        paragraph: bodyParagraph,
      },
      heading(1),
      heading(2),
      heading(3),
      {
        id: STYLE.footnote,
        name: 'footnote text',
        basedOn: 'Normal',
        run: { font: FONT, size: PT.footnote * 2 },
        paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: { before: 0, after: 0, line: 240 } },
      },
    ],
  };
}
