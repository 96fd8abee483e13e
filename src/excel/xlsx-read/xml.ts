import { checkText, decodeReferences, MalformedXml, Refusal, shown } from './chars.js';

/**
 * A narrow, linear scanner of the UTF-8 bytes of the few SpreadsheetML parts we read. It walks tags by byte
 * (every XML delimiter is ASCII, and no byte of a multi-byte UTF-8 character is), never with a regular
 * expression over the whole part, and every search moves forward, so a hostile part costs time in proportion
 * to its length. Only the text it hands out is decoded, each piece a string of its own. Element names are
 * compared by local name: `<x:c>` is `<c>`. It is not a validating parser: what it cannot make sense of (a
 * tag or attribute that never ends, an element left open at the end) is `MalformedXml`, which the loader
 * turns into a refused workbook.
 */

export { MalformedXml, Refusal, checkText, decodeReferences, firstBadUtf8, forbiddenAt, shown, utf8Part, type RefusalPlace } from './chars.js';

export const LT = 60; // <
export const GT = 62; // >
export const SLASH = 47; // /
const BANG = 33; // !
const QMARK = 63; // ?
const COLON = 58; // :
export const EQ = 61; // =
export const DQUOTE = 34;
const SQUOTE = 39;

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13;
}

/** Character data as an XML parser reports it: line ends normalised, entity and character references decoded. */
export function xmlText(raw: string): string {
  if (raw.indexOf('\r') >= 0) raw = raw.replace(/\r\n?/g, '\n');
  return raw.indexOf('&') >= 0 ? decodeReferences(raw) : raw;
}

/** An attribute value as an XML parser reports it: literal white space becomes spaces, references decoded. */
export function xmlAttribute(raw: string): string {
  if (raw.indexOf('\r') >= 0) raw = raw.replace(/\r\n?/g, '\n');
  if (raw.indexOf('\n') >= 0 || raw.indexOf('\t') >= 0) raw = raw.replace(/[\n\t]/g, ' ');
  return raw.indexOf('&') >= 0 ? decodeReferences(raw) : raw;
}

/** Excel's escapes of characters XML cannot hold in a string ("_x000D_" for a carriage return). */
export function excelUnescape(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export const enum Tag {
  Open,
  Close,
  End,
}

/**
 * Walks the tags of one part. After `next()`, the fields describe the tag just read: its local name lies in
 * [localStart, nameEnd), its attributes in [attrStart, attrEnd), and `pos` is just past its `>`.
 * Comments, processing instructions, CDATA sections and the document type declaration are stepped over.
 */
export class XmlCursor {
  readonly len: number;
  pos = 0;
  kind: Tag = Tag.End;
  nameStart = 0;
  localStart = 0;
  nameEnd = 0;
  attrStart = 0;
  attrEnd = 0;
  selfClosing = false;
  /** open elements (a self-closing one is never open) */
  depth = 0;
  /** elements seen so far */
  elements = 0;
  /** [nameStart, nameEnd, valueStart, valueEnd] for each attribute of the current tag, after `attributes()` */
  readonly attrs: number[] = [];
  private attrCount = -1;

  constructor(readonly b: Buffer) {
    this.len = b.length;
  }

  /** the bytes [start, end) as text; a character XML forbids is a `Refusal` */
  decode(start: number, end: number): string {
    return end <= start ? '' : checkText(this.b.toString('utf8', start, end));
  }

  /** the position of the byte `byte` at or after `from`, or -1 */
  find(byte: number, from: number): number {
    const b = this.b;
    const near = Math.min(from + 24, this.len);
    for (let i = from; i < near; i++) if (b[i] === byte) return i;
    return near >= this.len ? -1 : b.indexOf(byte, near);
  }

  /** the bytes at `at` are those of the ASCII text `s` */
  startsWith(s: string, at: number): boolean {
    const b = this.b;
    if (at + s.length > this.len) return false;
    for (let i = 0; i < s.length; i++) if (b[at + i] !== s.charCodeAt(i)) return false;
    return true;
  }

  /** Reads the next tag; at the end of the part, `Tag.End`. */
  next(): Tag {
    for (;;) {
      const lt = this.find(LT, this.pos);
      if (lt < 0) {
        this.pos = this.len;
        return (this.kind = Tag.End);
      }
      const ch = this.b[lt + 1];
      if (ch === BANG || ch === QMARK) {
        this.pos = this.skipMarkup(lt);
        continue;
      }
      this.readTag(lt);
      return this.kind;
    }
  }

  /** The end of a comment, processing instruction, CDATA section or DOCTYPE starting at `lt`. */
  private skipMarkup(lt: number): number {
    let close: string;
    if (this.startsWith('<!--', lt)) close = '-->';
    else if (this.startsWith('<![CDATA[', lt)) close = ']]>';
    else if (this.b[lt + 1] === QMARK) close = '?>';
    else return this.skipDeclaration(lt);
    const end = this.b.indexOf(close, lt + 2);
    if (end < 0) throw new MalformedXml('unterminated markup');
    return end + close.length;
  }

  /**
   * `<!DOCTYPE …>` (or any other `<!` declaration): refused. A document type can declare entities — expanded,
   * they multiply text ("billion laughs") or pull in files; kept as written, they put "&xxe;" into a report —
   * and no spreadsheet program writes one.
   */
  private skipDeclaration(lt: number): number {
    const word = this.b.toString('latin1', lt, Math.min(lt + 12, this.len)).split(/[\s>[]/)[0]!;
    throw new Refusal(`có khai báo ${shown(word)} (định nghĩa kiểu tài liệu, thực thể XML), điều mà Excel không bao giờ ghi: không đọc`);
  }

  private readTag(lt: number): void {
    const b = this.b;
    const len = this.len;
    let i = lt + 1;
    const closing = b[i] === SLASH;
    if (closing) i++;
    this.nameStart = i;
    let local = i;
    for (; i < len; i++) {
      const ch = b[i]!;
      if (ch === GT || ch === SLASH || isSpace(ch)) break;
      if (ch === COLON) local = i + 1;
    }
    if (i === this.nameStart || i >= len) throw new MalformedXml('bad tag');
    this.localStart = local;
    this.nameEnd = i;
    this.attrStart = i;
    // the end of the tag: a '>' outside quoted attribute values
    for (; i < len; i++) {
      const ch = b[i];
      if (ch === GT) break;
      if (ch === DQUOTE || ch === SQUOTE) {
        const q = this.find(ch, i + 1);
        if (q < 0) throw new MalformedXml('unterminated attribute');
        i = q;
      }
    }
    if (i >= len) throw new MalformedXml('unterminated tag');
    this.selfClosing = !closing && b[i - 1] === SLASH;
    this.attrEnd = this.selfClosing ? i - 1 : i;
    this.pos = i + 1;
    this.attrCount = -1;
    if (closing) {
      this.kind = Tag.Close;
      if (--this.depth < 0) throw new MalformedXml('unbalanced close tag');
    } else {
      this.kind = Tag.Open;
      this.elements++;
      if (!this.selfClosing) this.depth++;
    }
  }

  /** At the end of a part: throws unless it held an element and closed every one. */
  checkEnd(part: string): void {
    if (this.depth !== 0 || this.elements === 0) throw new MalformedXml(`unterminated ${part}`);
  }

  /** the current tag's local name is `name` */
  is(name: string): boolean {
    return this.nameEnd - this.localStart === name.length && this.startsWith(name, this.localStart);
  }

  /** the current tag's local name is the one character `code` */
  isChar(code: number): boolean {
    return this.nameEnd - this.localStart === 1 && this.b[this.localStart] === code;
  }

  localName(): string {
    return this.b.toString('latin1', this.localStart, this.nameEnd);
  }

  /** Splits the current tag's attributes into `attrs`; returns their count. */
  attributes(): number {
    if (this.attrCount >= 0) return this.attrCount;
    const b = this.b;
    const a = this.attrs;
    let n = 0;
    let i = this.attrStart;
    const end = this.attrEnd;
    while (i < end) {
      let ch = b[i]!;
      if (isSpace(ch)) {
        i++;
        continue;
      }
      const nameStart = i;
      while (i < end && (ch = b[i]!) !== EQ && !isSpace(ch)) i++;
      const nameEnd = i;
      while (i < end && isSpace(b[i]!)) i++;
      if (b[i] !== EQ || nameEnd === nameStart) throw new MalformedXml('bad attribute');
      i++;
      while (i < end && isSpace(b[i]!)) i++;
      const q = b[i];
      if (q !== DQUOTE && q !== SQUOTE) throw new MalformedXml('unquoted attribute');
      const close = this.find(q, i + 1);
      if (close < 0 || close >= end) throw new MalformedXml('unterminated attribute');
      a[n * 4] = nameStart;
      a[n * 4 + 1] = nameEnd;
      a[n * 4 + 2] = i + 1;
      a[n * 4 + 3] = close;
      n++;
      i = close + 1;
    }
    return (this.attrCount = n);
  }

  /** index of the attribute named exactly `qname`, or -1 */
  findAttribute(qname: string): number {
    const n = this.attributes();
    const a = this.attrs;
    for (let k = 0; k < n; k++) {
      if (a[k * 4 + 1]! - a[k * 4]! === qname.length && this.startsWith(qname, a[k * 4]!)) return k;
    }
    return -1;
  }

  /** index of the first attribute whose local name is `local` and that has a prefix ("r:id"), or -1 */
  findPrefixedAttribute(local: string): number {
    const n = this.attributes();
    const a = this.attrs;
    for (let k = 0; k < n; k++) {
      const start = a[k * 4]!;
      const end = a[k * 4 + 1]!;
      const at = end - local.length;
      if (at - 1 > start && this.b[at - 1] === COLON && this.startsWith(local, at)) return k;
    }
    return -1;
  }

  /** the decoded value of attribute `k` */
  value(k: number): string {
    return xmlAttribute(this.decode(this.attrs[k * 4 + 2]!, this.attrs[k * 4 + 3]!));
  }

  /** the decoded value of the attribute named `qname`, or undefined */
  attribute(qname: string): string | undefined {
    const k = this.findAttribute(qname);
    return k < 0 ? undefined : this.value(k);
  }

  /** After an open tag that is not self-closing: steps over its content to just past its close tag. */
  skipElement(): void {
    if (this.selfClosing) return;
    const depth = this.depth - 1;
    for (;;) {
      const t = this.next();
      if (t === Tag.End) throw new MalformedXml('unterminated element');
      if (t === Tag.Close && this.depth === depth) return;
    }
  }

  /**
   * After an open tag: the text it holds (character data and CDATA sections; child elements are stepped over),
   * decoded, with `pos` just past its close tag. A self-closing element holds ''.
   */
  text(): string {
    if (this.selfClosing) return '';
    const lt = this.find(LT, this.pos);
    if (lt < 0) throw new MalformedXml('unterminated element');
    if (this.b[lt + 1] === SLASH) {
      const raw = this.decode(this.pos, lt);
      this.readTag(lt);
      return xmlText(raw);
    }
    return this.mixedText();
  }

  private mixedText(): string {
    const depth = this.depth - 1;
    let out = '';
    for (;;) {
      const lt = this.find(LT, this.pos);
      if (lt < 0) throw new MalformedXml('unterminated element');
      if (this.depth === depth + 1) out += xmlText(this.decode(this.pos, lt));
      if (this.startsWith('<![CDATA[', lt)) {
        const end = this.b.indexOf(']]>', lt + 9);
        if (end < 0) throw new MalformedXml('unterminated CDATA');
        if (this.depth === depth + 1) out += this.decode(lt + 9, end).replace(/\r\n?/g, '\n');
        this.pos = end + 3;
        continue;
      }
      const ch = this.b[lt + 1];
      if (ch === BANG || ch === QMARK) {
        this.pos = this.skipMarkup(lt);
        continue;
      }
      this.readTag(lt);
      if (this.kind === Tag.Close && this.depth === depth) return out;
    }
  }
}
