import { Packer, type Document } from 'docx';
import { unzipSync } from 'fflate';
import { cleanText } from '../../markup/clean-text.js';
import { dosDateTime, zipFiles } from '../../archive/zip-writer.js';
import { NOTE_PARTS, separatorsAsWordWrites } from './word-notes.js';

/**
 * What makes two packings of the same document byte-identical. docx stamps `docProps/core.xml` with the
 * current time and fflate stamps every zip entry with it; nothing else in the package varies (no random ids
 * are used by the parts this renderer writes: no hyperlinks, images, bookmarks or comments).
 */

export interface CoreProperties {
  readonly title: string;
  readonly creator: string;
  readonly createdAt: Date;
}

const escapeXml = (s: string) =>
  cleanText(s).replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/** `docProps/core.xml` with fixed dates, to replace the one docx writes. */
export function coreXml(p: CoreProperties): string {
  const when = p.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(p.title)}</dc:title>` +
    `<dc:creator>${escapeXml(p.creator)}</dc:creator>` +
    `<cp:lastModifiedBy>${escapeXml(p.creator)}</cp:lastModifiedBy>` +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;

/**
 * Sets the modification time of every entry of a zip file (local and central headers) to `at`. The
 * times are not covered by the entries' checksums, so the archive stays valid. Returns a new array.
 */
export function stampZip(zip: Uint8Array, at: Date): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const { time, date } = dosDateTime(at);
  let end = out.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== END_OF_CENTRAL) end--;
  if (end < 0) throw new Error('not a zip file: no end of central directory');
  const entries = view.getUint16(end + 10, true);
  let entry = view.getUint32(end + 16, true);
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(entry, true) !== CENTRAL_HEADER) throw new Error('zip central directory is damaged');
    view.setUint16(entry + 12, time, true);
    view.setUint16(entry + 14, date, true);
    const local = view.getUint32(entry + 42, true);
    if (view.getUint32(local, true) !== LOCAL_HEADER) throw new Error('zip local header is damaged');
    view.setUint16(local + 10, time, true);
    view.setUint16(local + 12, date, true);
    entry += 46 + view.getUint16(entry + 28, true) + view.getUint16(entry + 30, true) + view.getUint16(entry + 32, true);
  }
  return out;
}

type Part = { readonly path: string; readonly data: string };
type Compiler = { compile(document: Document, prettify: undefined, overrides: readonly Part[]): Map<string, string | ArrayBufferView | ArrayBuffer> };

/**
 * The .docx bytes, every entry dated `at`: docx's compiler writes the parts (as `Packer.toBuffer` does) and
 * Node's zlib zips them (zip-writer.ts), far faster than docx's JavaScript DEFLATE. Should a docx release
 * keep its compiler elsewhere, docx's own packer is used.
 */
export async function packDocument(document: Document, overrides: readonly Part[], at: Date): Promise<Uint8Array> {
  const compiler = (Packer as unknown as { compiler?: Partial<Compiler> }).compiler;
  if (typeof compiler?.compile === 'function') return zipFiles(wordNotes(compiler.compile(document, undefined, overrides)), at);
  const packed = unzipSync(new Uint8Array(await Packer.toBuffer(document, false, [...overrides])));
  return zipFiles(wordNotes(new Map(Object.entries(packed))), at);
}

/** The notes parts of a package with their separators as Word writes them (word-notes.ts); the map changed in place. */
function wordNotes<V>(parts: Map<string, V | string>): Map<string, V | string> {
  for (const [path, note] of NOTE_PARTS) {
    const part = parts.get(path);
    if (part === undefined) continue;
    const xml = typeof part === 'string' ? part : new TextDecoder().decode(part as unknown as Uint8Array);
    parts.set(path, separatorsAsWordWrites(xml, note));
  }
  return parts;
}
