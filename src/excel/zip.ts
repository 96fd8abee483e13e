import * as zlib from 'node:zlib';

const zlibCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/**
 * A small reader of a zip archive's central directory (APPNOTE 6.3.x), enough to judge a file before a
 * spreadsheet library inflates it, and to normalise entry dates for reproducible output. No inflation here.
 */

export interface ZipEntry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  /** CRC-32 of the uncompressed data, from the central directory */
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
  /** offset of the central directory record, for patching */
  readonly centralOffset: number;
}

export interface ZipDirectory {
  readonly entries: readonly ZipEntry[];
  readonly centralDirectoryOffset: number;
}

export class ZipFormatError extends Error {}

/**
 * An entry's name as the part it stands for, for comparing names: without a leading "/", "\\" read as "/"
 * (some writers use it), in lower case (Open Packaging Conventions compare part names without regard to case).
 */
export function partKey(name: string): string {
  return (name.startsWith('/') ? name.slice(1) : name).replace(/\\/g, '/').toLowerCase();
}

/** The first name of the directory that another entry also has (under `partKey`), or undefined. */
export function collidingName(entries: readonly ZipEntry[]): string | undefined {
  const seen = new Set<string>();
  for (const e of entries) {
    const key = partKey(e.name);
    if (seen.has(key)) return e.name;
    seen.add(key);
  }
  return undefined;
}

let table: Int32Array | undefined;

/** CRC-32 (ISO 3309, as zip uses it): zlib's when Node has it (20.15+), else a table-driven one. */
export function crc32(data: Uint8Array): number {
  if (typeof zlibCrc32 === 'function') return zlibCrc32(data) >>> 0;
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let c = -1;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function u64(dv: DataView, at: number): number {
  const v = dv.getBigUint64(at, true);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError('zip64 value out of range');
  return Number(v);
}

/** Reads the central directory. Throws ZipFormatError when the archive is damaged. */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  const dv = view(bytes);
  const len = bytes.length;
  if (len < 22) throw new ZipFormatError('too short');
  let eocd = -1;
  for (let i = len - 22; i >= Math.max(0, len - 22 - 0xffff); i--) {
    if (dv.getUint32(i, true) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('no end of central directory');
  let count = dv.getUint16(eocd + 10, true);
  let cdSize = dv.getUint32(eocd + 12, true);
  let cdOffset = dv.getUint32(eocd + 16, true);
  if ((count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && eocd >= 20 && dv.getUint32(eocd - 20, true) === SIG_EOCD64_LOCATOR) {
    const at = u64(dv, eocd - 20 + 8);
    if (at + 56 > len || dv.getUint32(at, true) !== SIG_EOCD64) throw new ZipFormatError('bad zip64 end record');
    count = u64(dv, at + 32);
    cdSize = u64(dv, at + 40);
    cdOffset = u64(dv, at + 48);
  }
  if (cdOffset + cdSize > len) throw new ZipFormatError('central directory out of bounds');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (p + 46 > len || dv.getUint32(p, true) !== SIG_CENTRAL) throw new ZipFormatError('bad central directory record');
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const crc32 = dv.getUint32(p + 16, true);
    let compressedSize = dv.getUint32(p + 20, true);
    let uncompressedSize = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    let localHeaderOffset = dv.getUint32(p + 42, true);
    if (p + 46 + nameLen + extraLen + commentLen > len) throw new ZipFormatError('central directory record out of bounds');
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    // zip64 extended information: the fields that are 0xffffffff, in this order
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = dv.getUint16(e, true);
      const size = dv.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff && q + 8 <= e + 4 + size) (uncompressedSize = u64(dv, q)), (q += 8);
        if (compressedSize === 0xffffffff && q + 8 <= e + 4 + size) (compressedSize = u64(dv, q)), (q += 8);
        if (localHeaderOffset === 0xffffffff && q + 8 <= e + 4 + size) localHeaderOffset = u64(dv, q);
      }
      e += 4 + size;
    }
    entries.push({ name, flags, method, crc32, compressedSize, uncompressedSize, localHeaderOffset, centralOffset: p });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { entries, centralDirectoryOffset: cdOffset };
}

/** Where an entry's compressed data starts (after its local header). */
export function dataOffset(bytes: Uint8Array, entry: ZipEntry): number {
  const dv = view(bytes);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || dv.getUint32(at, true) !== SIG_LOCAL) throw new ZipFormatError(`bad local header for ${entry.name}`);
  return at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
}

/** MS-DOS time and date fields for a UTC instant (2-second resolution, years 1980–2107). */
export function dosDateTime(d: Date): { time: number; date: number } {
  const y = Math.min(2107, Math.max(1980, d.getUTCFullYear()));
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((y - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/**
 * Sets every entry's modification date (local headers and central directory) to `when`, in a copy.
 * Zip writers stamp entries with the current time; a fixed stamp makes the same content the same bytes.
 */
export function withFixedEntryDates(bytes: Uint8Array, when: Date): Uint8Array {
  const out = new Uint8Array(bytes);
  const dv = view(out);
  const { time, date } = dosDateTime(when);
  for (const e of readZipDirectory(out).entries) {
    dv.setUint16(e.centralOffset + 12, time, true);
    dv.setUint16(e.centralOffset + 14, date, true);
    if (dv.getUint32(e.localHeaderOffset, true) !== SIG_LOCAL) throw new ZipFormatError(`bad local header for ${e.name}`);
    dv.setUint16(e.localHeaderOffset + 10, time, true);
    dv.setUint16(e.localHeaderOffset + 12, date, true);
  }
  return out;
}
