/**
 * The body markup as a small tree that any renderer can walk (docs/markup.md): headings of three levels and
 * paragraphs, made of runs of text (bold, italic) and footnote calls. Nothing else exists in the markup.
 */

export interface TextInline {
  readonly kind: 'text';
  readonly text: string;
  readonly bold: boolean;
  readonly italic: boolean;
}

export interface FootnoteCall {
  readonly kind: 'footnote';
  /** the footnote's id as written in `[^id]`, normalised to lower case */
  readonly id: string;
}

export type Inline = TextInline | FootnoteCall;

export type HeadingLevel = 1 | 2 | 3;

export interface HeadingBlock {
  readonly kind: 'heading';
  /** `#` → 1 ("I. CÔNG TÁC …"), `##` → 2 ("1. …"), `###` → 3 ("4.1. …") */
  readonly level: HeadingLevel;
  readonly inlines: readonly Inline[];
}

export interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly inlines: readonly Inline[];
}

export type Block = HeadingBlock | ParagraphBlock;

export interface MarkupDocument {
  readonly blocks: readonly Block[];
  /** footnote definitions written in the markup itself (`[^id]: text`), by normalised id */
  readonly definitions: ReadonlyMap<string, readonly Block[]>;
  /** ids of footnote calls that have no definition anywhere; they stay in the text as written */
  readonly undefinedCalls: readonly string[];
}

/** The plain text of some inlines, footnote calls left out. */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('');
}
