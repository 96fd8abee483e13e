import { strToU8, unzipSync, zipSync } from 'fflate';
import { makeZip, type RawEntry } from '../excel/zip-builder.js';

/**
 * Edits of a real workbook's package for the robustness cases: a part's XML rewritten (the zip rebuilt, checksums
 * right), or the entries rezipped by hand (`makeZip`) so that names, flags, methods and checksums can lie.
 */

export type Parts = Record<string, Uint8Array>;

export const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

export function partsOf(bytes: Uint8Array): Parts {
  return unzipSync(bytes);
}

/** The package with one part's XML rewritten; fails when nothing changed. */
export function withPart(bytes: Uint8Array, name: string, rewrite: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  const xml = text(files[name]!);
  const next = rewrite(xml);
  if (next === xml) throw new Error(`nothing rewritten in ${name}`);
  files[name] = strToU8(next);
  return zipSync(files);
}

/** The package with one part's bytes replaced (for bytes that are not UTF-8). */
export function withPartBytes(bytes: Uint8Array, name: string, rewrite: (data: Buffer) => Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  files[name] = new Uint8Array(rewrite(Buffer.from(files[name]!)));
  return zipSync(files);
}

/** The package rezipped entry by entry, each entry changed (or several added) by `change`. */
export function rezip(bytes: Uint8Array, change: (e: RawEntry) => RawEntry | RawEntry[] = (e) => e): Uint8Array {
  return makeZip(Object.entries(unzipSync(bytes)).flatMap(([name, data]) => change({ name, data })));
}

/** The worksheet part of a sheet, by its name in xl/workbook.xml. */
export function sheetPart(bytes: Uint8Array, sheet: string): string {
  const files = unzipSync(bytes);
  const wb = text(files['xl/workbook.xml']!);
  const rels = text(files['xl/_rels/workbook.xml.rels']!);
  const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(wb)?.[1];
  const target = rid && new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  if (!target) throw new Error(`no sheet ${sheet}`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** The `<c>` element at `address` replaced by `cell(attributes)` (its style kept by the caller if wanted). */
export function replaceCell(xml: string, address: string, cell: (style: string) => string): string {
  const re = new RegExp(`<c r="${address}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`);
  const m = re.exec(xml);
  if (!m) throw new Error(`no cell ${address}`);
  const style = /\ss="\d+"/.exec(m[1] ?? '')?.[0] ?? '';
  return xml.slice(0, m.index) + cell(style) + xml.slice(m.index + m[0].length);
}

/** The number of the last `<row r="…">` of a sheet's XML. */
export function lastRow(xml: string): number {
  let last = 0;
  for (const m of xml.matchAll(/<row r="(\d+)"/g)) last = Math.max(last, Number(m[1]));
  return last;
}
