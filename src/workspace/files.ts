import { readFile, stat } from 'node:fs/promises';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { CODES } from '../diagnostics/codes.js';
import { detectLegacyVietnamese, guessLegacyEncoding } from '../readers/encoding.js';

export const MAX_TEXT_FILE_BYTES = 5 * 1024 * 1024;

export type TextRead = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/** Reads a UTF-8 text file; refuses other encodings with a Vietnamese explanation. `shown` is the name used in messages. */
export async function readTextFile(path: string, shown: string): Promise<TextRead> {
  const read = await readTextBytes(path, shown);
  return read.ok ? decodeText(read.bytes, shown) : read;
}

/** The bytes of a text file (its size checked), not yet decoded. */
export async function readTextBytes(path: string, shown: string): Promise<{ ok: true; bytes: Buffer } | { ok: false; diagnostic: Diagnostic }> {
  try {
    const st = await stat(path);
    if (st.size > MAX_TEXT_FILE_BYTES) {
      return { ok: false, diagnostic: error(CODES.fileTooLarge, `tệp quá lớn (${Math.round(st.size / 1024 / 1024)} MB; tối đa 5 MB)`, { file: shown }) };
    }
    return { ok: true, bytes: await readFile(path) };
  } catch (e) {
    return { ok: false, diagnostic: error(CODES.fileUnreadable, `không đọc được tệp (${(e as NodeJS.ErrnoException).code ?? 'lỗi'})`, { file: shown }) };
  }
}

/** one decoder for every file (decode without `stream` keeps no state between calls) */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

export function decodeText(bytes: Uint8Array, shown: string): TextRead {
  const notUtf8 = (offset: number, how: string) => ({
    ok: false as const,
    diagnostic: error(CODES.notUtf8, `tệp không được lưu với bảng mã UTF-8 (${how}). Hãy mở tệp và lưu lại với bảng mã "UTF-8" (trong Notepad: Lưu thành → Mã hóa: UTF-8)`, {
      file: shown,
      ...position(bytes, offset),
    }),
  });
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return notUtf8(0, 'tệp lưu bằng UTF-16, Notepad gọi là "Unicode"');
  }
  if (looksUtf16(bytes)) return notUtf8(bytes.indexOf(0), 'tệp lưu bằng UTF-16, Notepad gọi là "Unicode"');
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    const legacy = guessLegacyEncoding(bytes);
    const how =
      legacy === 'Windows-1258'
        ? 'có vẻ là bảng mã Windows-1258'
        : legacy
          ? `có vẻ là văn bản gõ bằng bảng mã cũ ${legacy === 'TCVN3' ? 'TCVN3 (ABC)' : 'VNI'}: hãy chuyển sang Unicode, ví dụ bằng Unikey: Công cụ chuyển mã`
          : 'có thể là Windows-1258 hoặc TCVN3/VNI';
    return notUtf8(Math.max(0, firstInvalidUtf8(bytes)), how);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return notUtf8(nul, 'có ký tự NUL: không phải tệp văn bản');
  const legacy = detectLegacyVietnamese(text);
  if (legacy) {
    return {
      ok: false,
      diagnostic: error(
        CODES.legacyEncoding,
        `văn bản có vẻ được gõ bằng bảng mã cũ ${legacy.encoding} ("${legacy.sample}"). Hãy chuyển sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã) rồi lưu lại`,
        { file: shown, line: legacy.line, column: legacy.column },
      ),
    };
  }
  return { ok: true, text };
}

/** UTF-16 without a byte-order mark: Latin letters leave every other byte NUL. */
function looksUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  if (bytes.subarray(0, n).indexOf(0) < 0) return false; // no NUL at all: the usual case, found natively
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) i % 2 === 0 ? even++ : odd++;
  const [more, fewer] = even > odd ? [even, odd] : [odd, even];
  return n >= 4 && more >= n / 2 / 3 && fewer * 4 <= more;
}

/** The first byte that does not start a well-formed UTF-8 sequence, or -1. */
function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (need === 0 || i + need >= b.length) return i;
    for (let k = 1; k <= need; k++) if ((b[i + k]! & 0xc0) !== 0x80) return i;
    const c1 = b[i + 1]!;
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f) || (c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return i;
    i += need + 1;
  }
  return -1;
}

/** 1-based line and column (in characters of the valid text before it) of a byte offset. */
function position(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(start, Math.max(start, offset)));
  return { line, column: before.length + 1 };
}
