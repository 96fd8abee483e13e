import { isUtf8 } from 'node:buffer';

/**
 * The reader's refusals, and the rules of XML 1.0 on characters it applies to every part: the bytes are UTF-8
 * (or UTF-16 with its mark), no character XML forbids, and only the references XML defines.
 */

export class MalformedXml extends Error {}

/** Where a refusal is: the part, the sheet, the cell, and the byte of the part when only that is known yet. */
export interface RefusalPlace {
  part?: string;
  sheet?: string;
  cell?: string;
  offset?: number;
  /** the item of the shared string table */
  item?: number;
}

/**
 * A part refused for a reason the user is told (`detail`, Vietnamese), with as much of its place as the code
 * that finds it knows; the callers up the stack add the rest (the part, the sheet, the cell).
 */
export class Refusal extends MalformedXml {
  constructor(
    readonly detail: string,
    readonly place: RefusalPlace = {},
  ) {
    super(detail);
  }
}

/** A text shortened for a message: at most `max` characters, quoted. */
export function shown(text: string, max = 40): string {
  const t = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return `"${t}"`;
}

/** characters XML 1.0 forbids (besides lone surrogates, which valid UTF-8 cannot hold) */
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;

/** the index of the first character XML forbids in `s`, or -1 */
export function forbiddenAt(s: string): number {
  return s.search(FORBIDDEN);
}

function forbiddenDetail(ch: string): string {
  const hex = ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return `có ký tự điều khiển U+${hex}, ký tự mà XML không cho phép`;
}

/** Throws a `Refusal` when `s` holds a character XML forbids. */
export function checkText(s: string): string {
  const i = forbiddenAt(s);
  if (i >= 0) throw new Refusal(forbiddenDetail(s[i]!));
  return s;
}

function allowedCodePoint(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };
const REFERENCE = /&(?:([A-Za-z_][\w.-]*)|#([0-9]{1,8})|#x([0-9A-Fa-f]{1,8}));/y;

/**
 * Entity and character references decoded as XML 1.0 defines them, nothing else: the five predefined entities
 * and character references to characters XML allows. Any other `&` (an entity a DOCTYPE would declare, `&#0;`,
 * `&#xD800;`, a bare `&`) is not well-formed without a DOCTYPE, and a DOCTYPE is refused: a `Refusal`.
 */
export function decodeReferences(raw: string): string {
  let out = '';
  let from = 0;
  for (let amp = raw.indexOf('&'); amp >= 0; amp = raw.indexOf('&', from)) {
    REFERENCE.lastIndex = amp;
    const m = REFERENCE.exec(raw);
    const text = m ? m[0] : raw.slice(amp, amp + 12).split(/[\s<]/)[0]!;
    if (!m) throw new Refusal(`ký hiệu "&" không đúng cú pháp XML (${shown(text)})`);
    let ch: string | undefined;
    if (m[1] !== undefined) {
      ch = PREDEFINED[m[1]];
      if (ch === undefined) throw new Refusal(`tham chiếu thực thể XML ${shown(text)} không được khai báo (tệp có thể đã bị sửa để chèn nội dung): không đọc`);
    } else {
      const cp = m[2] !== undefined ? Number(m[2]) : parseInt(m[3]!, 16);
      if (!allowedCodePoint(cp)) throw new Refusal(`tham chiếu ký tự ${shown(text)} chỉ tới ký tự XML không cho phép`);
      ch = String.fromCodePoint(cp);
    }
    out += raw.slice(from, amp) + ch;
    from = amp + m[0].length;
  }
  return from === 0 ? raw : out + raw.slice(from);
}

/**
 * A part's bytes as UTF-8: UTF-8 as it is (a byte order mark is skipped as text), UTF-16 with its mark re-encoded.
 * Bytes that are not valid UTF-8 (or UTF-16) are a `Refusal` at the first bad byte: never read as U+FFFD.
 */
export function utf8Part(bytes: Uint8Array): Buffer {
  const le = bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff;
  if (le || be) {
    try {
      return Buffer.from(new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes.subarray(2)), 'utf8');
    } catch {
      throw new Refusal('có byte không hợp lệ trong văn bản UTF-16');
    }
  }
  const b = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isUtf8(b)) throw new Refusal('có byte không phải UTF-8 (không phải chữ đã mã hóa đúng)', { offset: firstBadUtf8(b) });
  return b;
}

/** The offset of the first byte that does not begin or continue a valid UTF-8 sequence (shortest form, no surrogates). */
export function firstBadUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    let n: number;
    let min: number;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) (n = 1), (min = 0x80);
    else if (c >= 0xe0 && c <= 0xef) (n = 2), (min = 0x800);
    else if (c >= 0xf0 && c <= 0xf4) (n = 3), (min = 0x10000);
    else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}
