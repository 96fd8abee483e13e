import yazl from 'yazl';

/**
 * Writes the .docx and .xlsx packages with yazl, whose entries Node's zlib compresses, every entry dated `at`.
 * docx (fflate) and exceljs (JSZip, pako) compress in JavaScript, which takes much of the time of writing a
 * report when the program starts cold; zlib does the same in a few milliseconds. Same input, same bytes.
 */

/** MS-DOS time and date fields of a zip entry, from the UTC time (1980-01-01 at the earliest). */
export function dosDateTime(at: Date): { time: number; date: number } {
  const d = at.getUTCFullYear() < 1980 ? new Date(Date.UTC(1980, 0, 1)) : at;
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

function bytes(content: string | ArrayBufferView | ArrayBuffer): Buffer {
  if (typeof content === 'string') return Buffer.from(content, 'utf8');
  if (ArrayBuffer.isView(content)) return Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  return Buffer.from(content);
}

export async function zipFiles(files: Iterable<readonly [string, string | ArrayBufferView | ArrayBuffer]>, at: Date): Promise<Uint8Array> {
  const zip = new yazl.ZipFile();
  // yazl writes the DOS date from local time fields: give it a date whose local fields are `at`'s UTC ones,
  // so the archive does not depend on the machine's time zone
  const mtime = new Date(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate(), at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds());
  for (const [name, content] of files) {
    // exceljs writes folder entries ("_rels/"): keep them, as folders
    if (name.endsWith('/')) zip.addEmptyDirectory(name, { mtime, mode: 0o40755, forceDosTimestamp: true });
    else zip.addBuffer(bytes(content), name, { mtime, mode: 0o100644, compress: true, forceDosTimestamp: true });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}
