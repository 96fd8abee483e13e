import { FootnoteReferenceRun, type Paragraph } from 'docx';

/**
 * The document's footnotes, numbered in the order they are called. Word numbers footnotes by position,
 * so the ids only have to be unique; each call gets its own footnote (Word cannot show one note twice).
 */
export class Footnotes {
  private readonly notes: Record<number, { readonly children: readonly Paragraph[] }> = {};
  private count = 0;

  /** Adds a footnote and returns the call to put in the text. */
  call(content: () => readonly Paragraph[]): FootnoteReferenceRun {
    this.count += 1;
    this.notes[this.count] = { children: content() };
    return new FootnoteReferenceRun(this.count);
  }

  get options(): Readonly<Record<number, { readonly children: readonly Paragraph[] }>> {
    return this.notes;
  }
}
