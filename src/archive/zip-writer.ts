import * as zlib from 'node:zlib';

/**
 * Writes a zip archive (APPNOTE 6.3, no zip64) whose entries are DEFLATE-compressed by Node's zlib, all dated
 * `at`: the .docx and .xlsx packages. docx (fflate) and exceljs (JSZip, pako) compress in JavaScript, which takes
 * much of the time of writing a report when the program starts cold; zlib does the same in a few milliseconds.
 * Same input, same bytes.
 */

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const UTF8_NAMES = 0x0800;

/** MS-DOS time and date fields of a zip entry, from the UTC time (1980-01-01 at the earliest). */
export function dosDateTime(at: Date): { time: number; date: number } {
  const d = at.getUTCFullYear() < 1980 ? new Date(Date.UTC(1980, 0, 1)) : at;
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

let table: Uint32Array | undefined;

/** CRC-32 (IEEE), as zip wants it: zlib's own from Node 20.15 and 22.2, a table otherwise. */
export function crc32(data: Uint8Array): number {
  const native = (zlib as { crc32?: (d: Uint8Array) => number }).crc32;
  return native ? native(data) >>> 0 : crc32Table(data);
}

export function crc32Table(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function zipFiles(files: Iterable<readonly [string, string | ArrayBufferView | ArrayBuffer]>, at: Date): Uint8Array {
  const { time, date } = dosDateTime(at);
  const encoder = new TextEncoder();
  const entries: { name: Uint8Array; flags: number; crc: number; size: number; data: Uint8Array; offset: number }[] = [];
  let offset = 0;
  for (const [path, content] of files) {
    const raw =
      typeof content === 'string'
        ? encoder.encode(content)
        : ArrayBuffer.isView(content)
          ? new Uint8Array(content.buffer, content.byteOffset, content.byteLength)
          : new Uint8Array(content);
    const name = encoder.encode(path);
    const data = zlib.deflateRawSync(raw);
    if (raw.length >= 0xffffffff || offset >= 0xffffffff) throw new Error('zip: the package is too large');
    entries.push({ name, flags: name.length !== path.length ? UTF8_NAMES : 0, crc: crc32(raw), size: raw.length, data, offset });
    offset += 30 + name.length + data.length;
  }
  const centralSize = entries.reduce((n, e) => n + 46 + e.name.length, 0);
  const out = new Uint8Array(offset + centralSize + 22);
  const view = new DataView(out.buffer);
  let p = 0;
  const header = (signature: number, central: boolean, e: (typeof entries)[number]) => {
    view.setUint32(p, signature, true);
    p += 4;
    if (central) {
      view.setUint16(p, 20, true); // version made by
      p += 2;
    }
    view.setUint16(p, 20, true); // version needed
    view.setUint16(p + 2, e.flags, true);
    view.setUint16(p + 4, 8, true); // DEFLATE
    view.setUint16(p + 6, time, true);
    view.setUint16(p + 8, date, true);
    view.setUint32(p + 10, e.crc, true);
    view.setUint32(p + 14, e.data.length, true);
    view.setUint32(p + 18, e.size, true);
    view.setUint16(p + 22, e.name.length, true);
    view.setUint16(p + 24, 0, true); // extra field
    p += 26;
    if (central) {
      // comment length, disk number, internal and external attributes: 0
      view.setUint32(p + 10, e.offset, true);
      p += 14;
    }
    out.set(e.name, p);
    p += e.name.length;
  };
  for (const e of entries) {
    header(LOCAL_HEADER, false, e);
    out.set(e.data, p);
    p += e.data.length;
  }
  for (const e of entries) header(CENTRAL_HEADER, true, e);
  view.setUint32(p, END_OF_CENTRAL, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, centralSize, true);
  view.setUint32(p + 16, offset, true);
  return out;
}
