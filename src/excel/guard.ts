import { readFile, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { inflateRaw as inflateRawCallback, type ZlibOptions } from 'node:zlib';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { CODES } from '../diagnostics/codes.js';
import { EXCEL_CODES } from '../diagnostics/codes-excel.js';
import { collidingName, crc32, dataOffset, isZip, readZipDirectory, ZipFormatError, type ZipEntry } from './zip.js';

/**
 * The guarded reader: judges a file's bytes before any spreadsheet library sees them. It refuses what is
 * not an .xlsx (with advice for .xls, encrypted workbooks, .ods, .xlsb), files over a size cap, and archives
 * whose inflated size, entry count or compression ratio is absurd — checking the real inflated size of every
 * entry with a bounded inflate, so a lying central directory cannot blow up memory later.
 */

export interface GuardLimits {
  /** bytes on disk */
  readonly maxFileBytes: number;
  /** sum of the inflated sizes of all entries */
  readonly maxInflatedBytes: number;
  readonly maxEntries: number;
  /** inflated/compressed, judged only for entries above `ratioFloorBytes` */
  readonly maxRatio: number;
  readonly ratioFloorBytes: number;
}

export const DEFAULT_LIMITS: GuardLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxInflatedBytes: 256 * 1024 * 1024,
  maxEntries: 2000,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

/** `inflated`: the compressed parts as the guard inflated them, by entry name, so that the reader need not do it again */
export type Guarded = { ok: true; bytes: Uint8Array; inflated?: ReadonlyMap<string, Uint8Array> } | { ok: false; diagnostic: Diagnostic };

const MB = (n: number) => `${(n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Reads a file through the guard; `shown` names it in messages. */
export async function readGuardedWorkbook(absolute: string, shown: string, limits: GuardLimits = DEFAULT_LIMITS): Promise<Guarded> {
  try {
    const st = await stat(absolute);
    if (!st.isFile()) return fail(CODES.fileUnreadable, 'không phải là một tệp', shown);
    if (st.size > limits.maxFileBytes) {
      return fail(EXCEL_CODES.tooLarge, `tệp quá lớn (${MB(st.size)}; tối đa ${MB(limits.maxFileBytes)}). Hãy xóa các trang tính, hình ảnh không cần thiết rồi lưu lại`, shown);
    }
    const bytes = await readFile(absolute);
    return await guardWorkbookBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), shown, limits);
  } catch (e) {
    return fail(CODES.fileUnreadable, `không đọc được tệp (${(e as NodeJS.ErrnoException).code ?? 'lỗi'})`, shown);
  }
}

function fail(code: string, message: string, file: string): Guarded {
  return { ok: false, diagnostic: error(code, message, { file }) };
}

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** An OLE compound file holding an "EncryptionInfo" stream is an encrypted OOXML package. */
function oleHoldsEncryptionInfo(bytes: Uint8Array): boolean {
  const needle = Buffer.from('EncryptionInfo', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

/**
 * Judges the bytes of a workbook. Parts are inflated off the main thread (zlib's thread pool): a command can read
 * its other inputs meanwhile.
 */
export async function guardWorkbookBytes(bytes: Uint8Array, shown: string, limits: GuardLimits = DEFAULT_LIMITS): Promise<Guarded> {
  if (bytes.length > limits.maxFileBytes) {
    return fail(EXCEL_CODES.tooLarge, `tệp quá lớn (${MB(bytes.length)}; tối đa ${MB(limits.maxFileBytes)})`, shown);
  }
  if (startsWith(bytes, OLE)) {
    if (oleHoldsEncryptionInfo(bytes)) {
      return fail(EXCEL_CODES.encrypted, 'tệp Excel được đặt mật khẩu (mã hóa): hãy mở tệp, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu: để trống) rồi lưu lại', shown);
    }
    return fail(EXCEL_CODES.xlsLegacy, 'tệp Excel 97-2003 (.xls) không được hỗ trợ: hãy mở bằng Excel và lưu lại dạng "Excel Workbook (*.xlsx)"', shown);
  }
  if (!isZip(bytes)) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 256)).trimStart().toLowerCase();
    const hint = head.startsWith('<') ? ' (tệp HTML/XML đặt tên .xlsx?)' : head.startsWith('%pdf') ? ' (đây là tệp PDF)' : '';
    return fail(EXCEL_CODES.notXlsx, `tệp không phải là tệp Excel .xlsx${hint}: hãy mở bằng Excel và lưu lại dạng "Excel Workbook (*.xlsx)"`, shown);
  }
  let entries: readonly ZipEntry[];
  let centralDirectoryOffset: number;
  try {
    ({ entries, centralDirectoryOffset } = readZipDirectory(bytes));
  } catch (e) {
    if (e instanceof ZipFormatError) return fail(EXCEL_CODES.corrupt, 'tệp .xlsx bị hỏng (cấu trúc nén không đọc được): hãy mở bằng Excel, lưu lại rồi gửi lại', shown);
    throw e;
  }
  if (entries.length > limits.maxEntries) {
    return fail(EXCEL_CODES.zipBomb, `tệp chứa quá nhiều thành phần (${entries.length}; tối đa ${limits.maxEntries}): không phải một bảng tính bình thường`, shown);
  }
  const structural = checkStructure(bytes, entries, centralDirectoryOffset, shown, limits);
  if (structural) return structural;
  const kind = packageKind(entries);
  if (kind !== 'xlsx') return kindFailure(kind, shown);
  const parts = new Map<string, Uint8Array>();
  const inflated = await checkInflation(bytes, entries, shown, limits, parts);
  if (inflated) return inflated;
  return { ok: true, bytes, inflated: parts };
}

function checkStructure(bytes: Uint8Array, entries: readonly ZipEntry[], cdOffset: number, shown: string, limits: GuardLimits): Guarded | null {
  // two entries for one part: readers disagree on which copy counts (the first, the last), so none is read
  const twice = collidingName(entries);
  if (twice !== undefined) {
    return fail(EXCEL_CODES.corrupt, `tệp .xlsx bị hỏng: thành phần "${twice}" có hai lần trong tệp nén (trùng tên, kể cả khác hoa/thường), không biết bản nào là đúng. Hãy mở bằng Excel, lưu lại rồi gửi lại`, shown);
  }
  let total = 0;
  for (const e of entries) {
    if (e.flags & 0x1) return fail(EXCEL_CODES.encrypted, 'tệp được nén có mật khẩu: hãy bỏ mật khẩu rồi lưu lại dạng .xlsx', shown);
    if (e.method !== 0 && e.method !== 8) return fail(EXCEL_CODES.corrupt, `tệp dùng kiểu nén không hỗ trợ (${e.method}) ở thành phần "${e.name}": hãy mở bằng Excel và lưu lại`, shown);
    total += e.uncompressedSize;
    if (total > limits.maxInflatedBytes) {
      return fail(EXCEL_CODES.zipBomb, `dung lượng sau khi giải nén quá lớn (trên ${MB(limits.maxInflatedBytes)}): tệp có thể là "zip bomb", không mở`, shown);
    }
    if (e.uncompressedSize > limits.ratioFloorBytes && e.uncompressedSize / Math.max(1, e.compressedSize) > limits.maxRatio) {
      return fail(EXCEL_CODES.zipBomb, `tỷ lệ nén bất thường ở thành phần "${e.name}" (${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))} lần): tệp có thể là "zip bomb", không mở`, shown);
    }
  }
  // entries must not overlap one another nor the central directory (overlapping entries multiply one payload)
  const sorted = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i]!;
    let end: number;
    try {
      end = dataOffset(bytes, e) + e.compressedSize;
    } catch {
      return fail(EXCEL_CODES.corrupt, 'tệp .xlsx bị hỏng (thành phần nén không đọc được): hãy mở bằng Excel, lưu lại rồi gửi lại', shown);
    }
    const next = sorted[i + 1]?.localHeaderOffset ?? cdOffset;
    if (end > next) return fail(EXCEL_CODES.zipBomb, 'các thành phần nén chồng lên nhau: tệp có thể là "zip bomb", không mở', shown);
  }
  return null;
}

type PackageKind = 'xlsx' | 'xlsb' | 'ods' | 'docx' | 'pptx' | 'unknown';

function packageKind(entries: readonly ZipEntry[]): PackageKind {
  const names = new Set(entries.map((e) => e.name));
  if (names.has('[Content_Types].xml') && names.has('xl/workbook.xml')) return 'xlsx';
  if (names.has('xl/workbook.bin')) return 'xlsb';
  if (names.has('mimetype') && names.has('content.xml')) return 'ods';
  if (names.has('word/document.xml')) return 'docx';
  if (names.has('ppt/presentation.xml')) return 'pptx';
  return 'unknown';
}

function kindFailure(kind: PackageKind, shown: string): Guarded {
  switch (kind) {
    case 'xlsb':
      return fail(EXCEL_CODES.otherFormat, 'tệp Excel dạng nhị phân (.xlsb) không được hỗ trợ: hãy lưu lại dạng "Excel Workbook (*.xlsx)"', shown);
    case 'ods':
      return fail(EXCEL_CODES.otherFormat, 'tệp bảng tính OpenDocument (.ods) không được hỗ trợ: trong LibreOffice chọn Lưu thành → "Excel 2007-365 (.xlsx)"', shown);
    case 'docx':
      return fail(EXCEL_CODES.notXlsx, 'đây là tệp Word (.docx), không phải bảng tính Excel .xlsx', shown);
    case 'pptx':
      return fail(EXCEL_CODES.notXlsx, 'đây là tệp PowerPoint, không phải bảng tính Excel .xlsx', shown);
    default:
      return fail(EXCEL_CODES.notXlsx, 'tệp nén không phải là bảng tính Excel .xlsx: hãy mở bằng Excel và lưu lại dạng "Excel Workbook (*.xlsx)"', shown);
  }
}

/** Inflates every entry with an output bound equal to its declared size: a lie in the directory is caught here. */
const inflateRaw = promisify<Uint8Array, ZlibOptions, Buffer>(inflateRawCallback);
const MIN_CHUNK = 64;

async function checkInflation(bytes: Uint8Array, entries: readonly ZipEntry[], shown: string, limits: GuardLimits, parts: Map<string, Uint8Array>): Promise<Guarded | null> {
  // every part is handed to the thread pool at once: awaiting each before starting the next would wait for the
  // main thread between parts, and the main thread is busy meanwhile (the workspace loads while the workbook is read)
  const jobs = entries.map((e) => {
    if (e.name.endsWith('/') || e.method === 0) return undefined;
    const start = dataOffset(bytes, e);
    const bound = Math.min(e.uncompressedSize, limits.maxInflatedBytes) + 1;
    // the output in one buffer of the declared size: zlib's 16 KB chunks would each cost a callback on the main
    // thread, and chunks of a bounded size a copy to join them (twice a large part's size at the peak). The sizes
    // declared are bounded together (maxInflatedBytes), so these buffers are too.
    const options = { maxOutputLength: bound, chunkSize: Math.max(MIN_CHUNK, bound) };
    return inflateRaw(bytes.subarray(start, start + e.compressedSize), options).then(
      (out) => ({ ok: true as const, out }),
      (err: unknown) => ({ ok: false as const, err }),
    );
  });
  // judged in the order of the directory: the first bad entry is the one reported
  for (const [i, e] of entries.entries()) {
    if (e.name.endsWith('/')) continue;
    if (e.method === 0) {
      if (e.compressedSize !== e.uncompressedSize) return fail(EXCEL_CODES.corrupt, `tệp .xlsx bị hỏng (thành phần "${e.name}")`, shown);
      const start = dataOffset(bytes, e);
      if (crc32(bytes.subarray(start, start + e.compressedSize)) !== e.crc32) return crcFailure(e, shown);
      continue;
    }
    const r = await jobs[i]!;
    if (!r.ok) {
      const err = r.err;
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
        return fail(EXCEL_CODES.zipBomb, `thành phần "${e.name}" giải nén ra lớn hơn kích thước khai báo: tệp có thể là "zip bomb", không mở`, shown);
      }
      return fail(EXCEL_CODES.corrupt, `tệp .xlsx bị hỏng (thành phần "${e.name}" không giải nén được): hãy mở bằng Excel, lưu lại rồi gửi lại`, shown);
    }
    const out = r.out;
    if (out.length !== e.uncompressedSize) {
      return fail(EXCEL_CODES.zipBomb, `thành phần "${e.name}" giải nén ra ${out.length} byte, khác kích thước khai báo (${e.uncompressedSize}): tệp bị hỏng hoặc là "zip bomb"`, shown);
    }
    if (crc32(out) !== e.crc32) return crcFailure(e, shown);
    parts.set(e.name, out);
  }
  return null;
}

function crcFailure(e: ZipEntry, shown: string): Guarded {
  return fail(EXCEL_CODES.corrupt, `tệp .xlsx bị hỏng: dữ liệu của thành phần "${e.name}" không khớp mã kiểm tra (CRC) của nó. Hãy mở bằng Excel, lưu lại rồi gửi lại`, shown);
}
