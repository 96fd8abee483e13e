/**
 * The separator and continuation-separator footnotes (and endnotes) as Word writes them. docx puts a
 * `<w:footnoteRef/>` (`<w:endnoteRef/>`) run before the separator mark of these special notes; Word never writes
 * one there (a reference mark belongs to a numbered note), and such a run has been reported to make Word offer to
 * repair the document. Word's own separator is one paragraph holding only the mark:
 * `<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr>…</w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>`.
 */

/** the parts holding notes, and the element of one note in each */
export const NOTE_PARTS: ReadonlyMap<string, string> = new Map([
  ['word/footnotes.xml', 'footnote'],
  ['word/endnotes.xml', 'endnote'],
]);

/** A notes part with every reference-mark run taken out of its separator notes; the other notes unchanged. */
export function separatorsAsWordWrites(xml: string, note: string): string {
  const special = new RegExp(`<w:${note}\\b[^>]*\\bw:type="(?:separator|continuationSeparator|continuationNotice)"[^>]*>[\\s\\S]*?</w:${note}>`, 'g');
  const markRun = new RegExp(`<w:r>(?:<w:rPr>(?:(?!</w:rPr>)[\\s\\S])*</w:rPr>)?<w:${note}Ref/></w:r>`, 'g');
  return xml.replace(special, (block) => block.replace(markRun, ''));
}
