import { MalformedXml, Tag, XmlCursor } from './xml.js';

/**
 * Number formats of the cell styles (`<cellXfs>` of styles.xml): all a reader needs to tell a date from a number
 * and a percentage from a count. Built-in format ids map to their format strings as exceljs maps them (the
 * locale-dependent ids 27–36 and 50–81 have none); custom ones come from `<numFmts>`.
 */

export interface CellStyle {
  /** the format string; absent for General (id 0) and unknown ids */
  readonly numFmt?: string;
  /** a number in this style is a date */
  readonly date: boolean;
}

export const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** A format showing a date or a time: one of y m d h s b outside quoted text and [bracketed] parts. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

const NO_STYLE: CellStyle = { date: false };

export class Styles {
  constructor(private readonly styles: readonly CellStyle[]) {}

  /** The style of a cell's `s` index. Index 0 (the default style) gives no format, as exceljs reads it. */
  get(index: number): CellStyle {
    return index > 0 ? (this.styles[index] ?? NO_STYLE) : NO_STYLE;
  }
}

export function readStyles(xml: Buffer | undefined): Styles {
  if (xml === undefined) return new Styles([]);
  const custom = new Map<number, string>();
  const ids: number[] = [];
  const x = new XmlCursor(xml);
  let section = '';
  for (let t = x.next(); t !== Tag.End; t = x.next()) {
    if (t === Tag.Close) {
      if (x.depth <= 1) section = '';
      continue;
    }
    // 1 <styleSheet>, 2 its sections, 3 their items
    const level = x.selfClosing ? x.depth + 1 : x.depth;
    if (level === 2) {
      section = x.selfClosing ? '' : x.localName();
      continue;
    }
    if (level !== 3) continue;
    if (section === 'numFmts' && x.is('numFmt')) {
      const id = parseInt(x.attribute('numFmtId') ?? '', 10);
      if (Number.isInteger(id)) custom.set(id, x.attribute('formatCode') ?? '');
    } else if (section === 'cellXfs' && x.is('xf')) {
      ids.push(parseInt(x.attribute('numFmtId') ?? '', 10));
    }
  }
  x.checkEnd('styles.xml');
  const cache = new Map<number, CellStyle>();
  const styles = ids.map((id) => {
    let style = cache.get(id);
    if (!style) {
      // exceljs: no format for id 0 (General) nor for an id without a format string
      const numFmt = id ? custom.get(id) || BUILT_IN_FORMATS[id] : undefined;
      style = numFmt ? { numFmt, date: isDateFormat(numFmt) } : NO_STYLE;
      cache.set(id, style);
    }
    return style;
  });
  return new Styles(styles);
}
