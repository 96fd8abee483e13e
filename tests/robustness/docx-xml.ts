import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

/** The XML parts of a .docx (or any OOXML zip), by path. */
export function xmlParts(zip: Uint8Array): Record<string, string> {
  const files = unzipSync(zip);
  return Object.fromEntries(Object.entries(files).filter(([p]) => /\.(xml|rels)$/.test(p)).map(([p, d]) => [p, strFromU8(d)]));
}

/** The first well-formedness error of an XML text (XML 1.0: characters, nesting, entities), or null. */
export function xmlError(xml: string): string | null {
  const parser = new SaxesParser({ xmlns: false });
  let failure: string | null = null;
  parser.on('error', (e) => {
    failure ??= e.message;
  });
  parser.write(xml).close();
  return failure;
}

/** The text of every <w:t> of document.xml, joined (what Word prints, without formatting). */
export function documentText(xml: string): string {
  const out: string[] = [];
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) out.push(m[1]!);
  return out
    .join('')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
