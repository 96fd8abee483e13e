import type { CellView } from '../workbook-spec.js';
import { GT, LT, MalformedXml, Tag, XmlCursor, excelUnescape, xmlText } from './xml.js';

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

const PRESERVE = '<t xml:space="preserve">';

/**
 * `<si><t>…</t></si>` at `lt`, as Excel writes plain strings: its text, with `x.pos` past it; undefined (the
 * cursor untouched) for any other shape.
 */
function plainItem(x: XmlCursor, lt: number): string | undefined {
  const b = x.b;
  let i = lt + 4;
  if (b[i] !== LT || b[i + 1] !== T) return undefined;
  if (b[i + 2] === GT) i += 3;
  else if (x.startsWith(PRESERVE, i)) i += PRESERVE.length;
  else return undefined;
  const end = x.find(LT, i);
  if (end < 0 || !x.startsWith('</t></si>', end)) return undefined;
  x.pos = end + 9;
  return excelUnescape(xmlText(x.decode(i, end)));
}

/** The shared string table as cell views, one per item (cells that use an item share its view). */
export function readSharedStrings(xml: Buffer | undefined): CellView[] {
  const out: CellView[] = [];
  if (xml === undefined) return out;
  const x = new XmlCursor(xml);
  for (;;) {
    const lt = x.find(LT, x.pos);
    if (lt >= 0 && x.startsWith('<si>', lt)) {
      const text = plainItem(x, lt);
      if (text !== undefined) {
        out.push({ kind: 'text', text });
        continue;
      }
    }
    const t = x.next();
    if (t === Tag.End) break;
    if (t === Tag.Open && x.is('si')) out.push({ kind: 'text', text: readStringItem(x).text });
  }
  x.checkEnd('sharedStrings.xml');
  return out;
}
