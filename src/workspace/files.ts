import { readFile, stat } from 'node:fs/promises';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { CODES } from '../diagnostics/codes.js';
import { detectLegacyVietnamese } from '../readers/encoding.js';

export const MAX_TEXT_FILE_BYTES = 5 * 1024 * 1024;

export type TextRead = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/** Reads a UTF-8 text file; refuses other encodings with a Vietnamese explanation. `shown` is the name used in messages. */
export async function readTextFile(path: string, shown: string): Promise<TextRead> {
  let bytes: Buffer;
  try {
    const st = await stat(path);
    if (st.size > MAX_TEXT_FILE_BYTES) {
      return { ok: false, diagnostic: error(CODES.fileTooLarge, `tệp quá lớn (${Math.round(st.size / 1024 / 1024)} MB; tối đa 5 MB)`, { file: shown }) };
    }
    bytes = await readFile(path);
  } catch (e) {
    return { ok: false, diagnostic: error(CODES.fileUnreadable, `không đọc được tệp (${(e as NodeJS.ErrnoException).code ?? 'lỗi'})`, { file: shown }) };
  }
  return decodeText(bytes, shown);
}

export function decodeText(bytes: Uint8Array, shown: string): TextRead {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const line = countLines(bytes, offset);
    return {
      ok: false,
      diagnostic: error(
        CODES.notUtf8,
        'tệp không được lưu với bảng mã UTF-8 (có thể là Windows-1258 hoặc TCVN3/VNI). Hãy mở tệp và lưu lại với bảng mã "UTF-8" (trong Notepad: Lưu thành → Mã hóa: UTF-8)',
        { file: shown, line, column: 1 },
      ),
    };
  }
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

function firstInvalidUtf8(bytes: Uint8Array): number {
  const dec = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  // binary search the longest valid prefix (ignoring a split multibyte char at the boundary)
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      dec.decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}

function countLines(bytes: Uint8Array, upTo: number): number {
  let n = 1;
  for (let i = 0; i < upTo && i < bytes.length; i++) if (bytes[i] === 0x0a) n++;
  return n;
}
