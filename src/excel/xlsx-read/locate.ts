/**
 * Finding, for a message, the cell a byte of a worksheet part belongs to, or the cells that show an item of the
 * shared string table. Used only once a part has been refused, so plain regular expressions over the text
 * are fine here (the reader itself never uses them over a whole part).
 */

/** the cell whose element holds the byte at `offset` of a worksheet part, or undefined (between cells) */
export function cellAround(xml: Uint8Array, offset: number): string | undefined {
  const from = Math.max(0, offset - 64 * 1024);
  const text = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength).toString('latin1', from, offset);
  let last: RegExpExecArray | undefined;
  for (const m of text.matchAll(/<(?:[\w.-]+:)?c(?=[\s>/])[^>]*>/g)) last = m;
  if (!last || last[0].endsWith('/>') || /<\/(?:[\w.-]+:)?c>/.test(text.slice(last.index + last[0].length))) return undefined;
  const r = /\sr\s*=\s*["']([A-Za-z]{1,3}\d{1,7})["']/.exec(last[0]);
  return r ? r[1]!.toUpperCase() : undefined;
}

/** the first cell of a worksheet part that shows shared string `item` (a `t="s"` cell whose value is it), or undefined */
export function cellShowing(xml: Uint8Array, item: number): string | undefined {
  const text = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength).toString('latin1');
  const cells = /<(?:[\w.-]+:)?c(?=[\s>])([^>]*)>\s*<(?:[\w.-]+:)?v>\s*(\d+)\s*</g;
  for (const m of text.matchAll(cells)) {
    const attrs = m[1]!;
    if (Number(m[2]) !== item || !/\st\s*=\s*["']s["']/.test(attrs)) continue;
    // a cell without its address (Excel reads it as the next column) is not named
    const r = /\sr\s*=\s*["']([A-Za-z]{1,3}\d{1,7})["']/.exec(attrs);
    return r?.[1]!.toUpperCase();
  }
  return undefined;
}

/** bytes as latin1 text: one character per byte, so that offsets of bytes are offsets of characters */
export function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** the number of the shared string item (from 0) that the character at `offset` of the table's text belongs to */
export function itemAt(text: string, offset: number): number {
  const m = text.slice(0, offset).match(/<(?:[\w.-]+:)?si[\s>/]/g);
  return (m?.length ?? 1) - 1;
}
