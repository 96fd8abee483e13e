import type { CellView } from '../workbook-spec.js';
import { itemAt } from './locate.js';
import { MalformedXml, Refusal, Tag, XmlCursor, excelUnescape, forbiddenAt, checkText, xmlText } from './xml.js';

/**
 * Strings: the shared string table (`<sst><si>…`) and inline strings (`<is>…`) share one shape: plain text in a
 * `<t>`, or rich text as runs `<r><rPr/><t>…</t></r>` whose texts are joined. Phonetic guides (`<rPh>`) are not
 * part of the text. Excel's `_xHHHH_` escapes are decoded in each `<t>`.
 */

export interface StringItem {
  readonly text: string;
  /** the item is rich text (runs), even if their text is empty */
  readonly rich: boolean;
}

const T = 116; // 't'
const R = 114; // 'r'

/** After the open tag of an `<si>` or `<is>`: its text, with the cursor just past its close tag. */
export function readStringItem(x: XmlCursor): StringItem {
  if (x.selfClosing) return { text: '', rich: false };
  const depth = x.depth - 1;
  let text = '';
  let rich = false;
  for (;;) {
    const t = x.next();
    if (t === Tag.End) throw new MalformedXml('unterminated string item');
    if (t === Tag.Close) {
      if (x.depth === depth) return { text, rich };
      continue;
    }
    if (x.isChar(T)) text += excelUnescape(x.text());
    else if (x.isChar(R)) rich = true;
    else if (x.is('rPh') || x.is('phoneticPr') || x.is('rPr')) x.skipElement();
  }
}

function skipSpace(s: string, i: number): number {
  for (;;) {
    const ch = s.charCodeAt(i);
    if (ch !== 32 && ch !== 10 && ch !== 13 && ch !== 9) return i;
    i++;
  }
}

const PLAIN = '<si><t>';
const PRESERVED = '<si><t xml:space="preserve">';

/**
 * The table as Excel writes it, read from the part decoded once: `<sst …>`, then only `<si><t>…</t></si>`
 * items (white space between), then `</sst>`; undefined at the first departure from that shape, for the
 * general reading. The texts are cut from the decoded part, which they keep alive: it is hardly more than they.
 */
function plainTable(s: string, out: CellView[], reading: (item: number) => void): CellView[] | undefined {
  let pos = s.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (s.startsWith('<?xml', pos)) {
    const end = s.indexOf('?>', pos);
    if (end < 0) return undefined;
    pos = end + 2;
  }
  pos = skipSpace(s, pos);
  if (!s.startsWith('<sst', pos) || !(s.charCodeAt(pos + 4) === 32 || s.charCodeAt(pos + 4) === 62)) return undefined;
  const gt = s.indexOf('>', pos);
  if (gt < 0 || s.charCodeAt(gt - 1) === 47) return undefined;
  pos = gt + 1;
  for (;;) {
    pos = skipSpace(s, pos);
    let i: number;
    if (s.startsWith(PLAIN, pos)) i = pos + PLAIN.length;
    else if (s.startsWith(PRESERVED, pos)) i = pos + PRESERVED.length;
    else break;
    const end = s.indexOf('<', i);
    if (end < 0 || !s.startsWith('</t></si>', end)) return undefined;
    let text = s.slice(i, end);
    if (text.indexOf('&') >= 0 || text.indexOf('\r') >= 0) {
      reading(out.length);
      text = xmlText(text);
      reading(-1);
    }
    if (text.indexOf('_x') >= 0) text = excelUnescape(text);
    if (out.length === MAX_ITEMS) capped(out, true);
    out.push({ kind: 'text', text });
    pos = end + 9;
  }
  if (!s.startsWith('</sst>', pos)) return undefined;
  return skipSpace(s, pos + 6) === s.length ? out : undefined;
}

/**
 * Items of the table. The texts of a form or a legacy sheet are its names, statuses and notes: a legacy sheet of the
 * largest catalog (50,000 rows) has about that many distinct texts, three times that written by a program that
 * does not share them. Past 500,000 items, a table is refused as it is read, before it fills memory.
 */
const MAX_ITEMS = 500_000;
/** bytes of the table: 64 MB is a dozen times the strings of the largest legacy sheet a catalog allows */
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * The shared string table as cell views, one per item (cells that use an item share its view). A bad item
 * (a character XML forbids, an undeclared entity) is a `Refusal` naming the item; the workbook reader finds
 * the cell that shows it.
 */
export function readSharedStrings(xml: Buffer | undefined): CellView[] {
  if (xml === undefined) return [];
  if (xml.length > MAX_BYTES) throw new Refusal(`bảng chuỗi dùng chung quá lớn (${Math.round(xml.length / 1048576)} MB; tối đa 64 MB)`);
  const s = xml.toString('utf8');
  const bad = forbiddenAt(s);
  if (bad >= 0) {
    try {
      checkText(s.slice(bad, bad + 1));
    } catch (e) {
      if (e instanceof Refusal) e.place.item = itemAt(s, bad);
      throw e;
    }
  }
  const out: CellView[] = [];
  // the item being read, for a refusal inside it
  let item = -1;
  try {
    const plain = plainTable(s, out, (k) => (item = k));
    if (plain) return plain;
    out.length = 0;
    const x = new XmlCursor(xml);
    for (let t = x.next(); t !== Tag.End; t = x.next()) {
      if (t !== Tag.Open || !x.is('si')) continue;
      if (out.length === MAX_ITEMS) capped(out, true);
      item = out.length;
      out.push({ kind: 'text', text: readStringItem(x).text });
      item = -1;
    }
    x.checkEnd('sharedStrings.xml');
  } catch (e) {
    if (e instanceof Refusal && item >= 0) e.place.item ??= item;
    throw e;
  }
  return out;
}

/** refuses a table that has one more item than MAX_ITEMS */
function capped(out: CellView[], more: boolean): void {
  if (more || out.length > MAX_ITEMS) {
    throw new Refusal(`bảng chuỗi dùng chung có hơn ${MAX_ITEMS.toLocaleString('vi-VN')} chuỗi, nhiều hơn mọi biểu mẫu hay bảng Phụ lục có thể có`);
  }
}
