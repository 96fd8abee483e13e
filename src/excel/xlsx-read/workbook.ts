import type { SheetView, WorkbookView } from '../workbook-spec.js';
import { Package, readRelationships } from './package.js';
import { readSheet } from './sheet.js';
import { readSharedStrings } from './strings.js';
import { readStyles } from './styles.js';
import { MalformedXml, Tag, XmlCursor } from './xml.js';

/**
 * The .xlsx reader: package parts → `WorkbookView`. Sheets in workbook order, found through the workbook's
 * relationships; the shared strings and the styles' number formats; defined names; the 1904 date system.
 * Only the parts read are inflated, one at a time, and none is kept once read.
 */

export type Loaded = { ok: true; workbook: WorkbookView } | { ok: false; reason: string };

const WORKBOOK = 'xl/workbook.xml';

interface SheetEntry {
  readonly name: string;
  readonly state: SheetView['state'];
  readonly rel: string | undefined;
}

interface WorkbookPart {
  readonly sheets: SheetEntry[];
  readonly definedNames: Map<string, string>;
  readonly date1904: boolean;
}

/** exceljs keeps print areas and print titles for the page setup, not as names */
const PAGE_NAMES = new Set(['_xlnm.Print_Area', '_xlnm.Print_Titles']);

const REFERENCE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function columnLetters(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** the comma-separated items of a name's formula, commas inside 'quoted sheet names' kept */
function items(text: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") quoted = !quoted;
    else if (ch === ',' && !quoted) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/**
 * A defined name's first cell or range, written as exceljs writes it: `'Sheet name'!$B$2`, `Data!$A$1:$C$9`.
 * Only absolute references count ("$B$2"); formulas, constants and #REF! give nothing.
 */
export function firstRange(text: string): string | undefined {
  for (const item of items(text.trim())) {
    const m = /^(?:(?:'((?:[^']|'')*)'|([^'! ]*))!)?(.*)$/.exec(item.trim());
    if (!m) continue;
    const sheet = m[1] ?? m[2];
    const ref = m[3]!;
    const r = REFERENCE.exec(ref);
    if (!r || !/\$\w+\$\d+/.test(ref)) continue;
    const c1 = columnNumber(r[1]!);
    const r1 = Number(r[2]);
    const c2 = r[3] === undefined ? c1 : columnNumber(r[3]);
    const r2 = r[4] === undefined ? r1 : Number(r[4]);
    const prefix = sheet ? (/^[a-zA-Z0-9]*$/.test(sheet) ? `${sheet}!` : `'${sheet}'!`) : '';
    const top = `$${columnLetters(Math.min(c1, c2))}$${Math.min(r1, r2)}`;
    if (c1 === c2 && r1 === r2) return prefix + top;
    return `${prefix}${top}:$${columnLetters(Math.max(c1, c2))}$${Math.max(r1, r2)}`;
  }
  return undefined;
}

function readWorkbookPart(xml: Buffer): WorkbookPart {
  const sheets: SheetEntry[] = [];
  const definedNames = new Map<string, string>();
  let date1904 = false;
  const x = new XmlCursor(xml);
  for (let t = x.next(); t !== Tag.End; t = x.next()) {
    if (t !== Tag.Open) continue;
    if (x.is('sheet')) {
      const state = x.attribute('state');
      const k = x.findPrefixedAttribute('id');
      sheets.push({
        name: x.attribute('name') ?? '',
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        rel: k < 0 ? undefined : x.value(k),
      });
    } else if (x.is('workbookPr')) {
      const v = x.attribute('date1904');
      date1904 = v === '1' || v === 'true';
    } else if (x.is('definedName')) {
      const name = x.attribute('name') ?? '';
      const range = firstRange(x.text());
      if (range !== undefined && !PAGE_NAMES.has(name) && !definedNames.has(name)) definedNames.set(name, range);
    }
  }
  x.checkEnd('workbook.xml');
  return { sheets, definedNames, date1904 };
}

/** The part of the first relationship of a type ("…/styles"), or the usual name of that part. */
function partOfType(rels: ReturnType<typeof readRelationships>, type: string, usual: string): string {
  for (const rel of rels.values()) if (rel.part && rel.type.endsWith(type)) return rel.part;
  return usual;
}

/** Reads .xlsx bytes into a view. Throws for a package it cannot read. */
export function readWorkbook(bytes: Uint8Array, inflated?: ReadonlyMap<string, Uint8Array>): WorkbookView {
  const pkg = new Package(bytes, inflated);
  const xml = pkg.part(WORKBOOK);
  if (xml === undefined) throw new MalformedXml('no xl/workbook.xml');
  const book = readWorkbookPart(xml);
  const rels = readRelationships(pkg, WORKBOOK);
  const ctx = {
    styles: readStyles(pkg.part(partOfType(rels, '/styles', 'xl/styles.xml'))),
    strings: readSharedStrings(pkg.part(partOfType(rels, '/sharedStrings', 'xl/sharedStrings.xml'))),
    date1904: book.date1904,
  };
  const sheets: SheetView[] = [];
  for (const s of book.sheets) {
    const rel = s.rel === undefined ? undefined : rels.get(s.rel);
    // chart sheets and dialog sheets hold no cells; a sheet whose part is missing is left out, as exceljs does
    if (!rel?.part || !rel.type.endsWith('/worksheet')) continue;
    const sheetXml = pkg.part(rel.part);
    if (sheetXml === undefined) continue;
    sheets.push(readSheet(sheetXml, s.name, s.state, ctx));
  }
  return { sheets, definedNames: book.definedNames, date1904: book.date1904 };
}

/** Reads .xlsx bytes that the guard has accepted. Never throws for a bad file. */
export async function loadWorkbook(bytes: Uint8Array, inflated?: ReadonlyMap<string, Uint8Array>): Promise<Loaded> {
  try {
    return { ok: true, workbook: readWorkbook(bytes, inflated) };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}
