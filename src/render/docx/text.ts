import { AlignmentType, Paragraph, TextRun, type IRunOptions } from 'docx';
import { cleanText } from '../../markup/clean-text.js';

/** Font sizes in points (Nghị định 30/2020, docs/layout.md). */
export const PT = {
  body: 14,
  heading: 14,
  nationalTitle: 12,
  motto: 13,
  authority: 13,
  placeDate: 14,
  recipientsLabel: 12,
  recipients: 11,
  footnote: 11,
  pageNumber: 14,
  appendixLabel: 14,
  appendixTitle: 13,
  appendixNote: 13,
  tableHeader: 11,
  tableBody: 12,
  modelTable: 11,
} as const;

export const FONT = 'Times New Roman';

export interface RunFormat {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** points */
  readonly size?: number;
  /** starts a new line inside the paragraph */
  readonly breakBefore?: boolean;
  /** marked in yellow: a draft's gap marker */
  readonly highlight?: boolean;
}

/**
 * The one way text enters the document: NFC, XML-illegal characters removed, tabs and line breaks as
 * spaces (a line break is a new paragraph, made by the caller).
 */
export function run(text: string, format: RunFormat = {}): TextRun {
  const options: IRunOptions = {
    text: cleanText(text).replace(/[\t\n]/g, ' '),
    ...(format.bold ? { bold: true } : {}),
    ...(format.italic ? { italics: true } : {}),
    ...(format.size ? { size: format.size * 2 } : {}),
    ...(format.breakBefore ? { break: 1 } : {}),
    ...(format.highlight ? { highlight: 'yellow' } : {}),
  };
  return new TextRun(options);
}

/** Capitals, as page 1's bodies and the signature's titles are printed (Nghị định 30/2020): "TM. ỦY BAN NHÂN DÂN". */
export function upper(text: string): string {
  return text.toLocaleUpperCase('vi-VN');
}

/** Splits text on line breaks into lines, trimmed; blank lines are dropped. */
export function lines(text: string): string[] {
  return cleanText(text)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

/** A paragraph of one formatted text, without indent or spacing: the unit of titles, cells and blocks. */
export function line(
  text: string,
  format: RunFormat & { readonly align?: Alignment; readonly after?: number; readonly keepNext?: boolean } = {},
): Paragraph {
  return new Paragraph({
    alignment: format.align ?? AlignmentType.CENTER,
    spacing: { before: 0, after: format.after ?? 0 },
    ...(format.keepNext ? { keepNext: true } : {}),
    children: [run(text, format)],
  });
}
