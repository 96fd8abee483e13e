import type { SheetView, WorkbookView } from '../workbook-spec.js';
import { Package, readRelationships } from './package.js';
import { cellAround, cellShowing, itemAt, latin1 } from './locate.js';
import { MAX_CELLS, readSheet } from './sheet.js';
import { readSharedStrings } from './strings.js';
import { readStyles } from './styles.js';
import { MalformedXml, Refusal, Tag, XmlCursor, utf8Part } from './xml.js';

/**
 * The .xlsx reader: package parts → `WorkbookView`. Sheets in workbook order, found through the workbook's
 * relationships; the shared strings and the styles' number formats; defined names; the 1904 date system.
 * Only the parts read are inflated, one at a time, and none is kept once read.
 */

/**
 * A workbook not read: `reason` in English for tests and logs; `detail` (Vietnamese) what is wrong, and where:
 * the part, the sheet (by its name in the workbook) and the cell, as far as they are known.
 */
export type Loaded =
  | { ok: true; workbook: WorkbookView }
  | { ok: false; reason: string; detail?: string; part?: string; sheet?: string; cell?: string };

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

/** `read()` of part `part`, a refusal in it placed in that part; any other damage to its XML made a refusal */
function inPart<T>(part: string, read: () => T, sheet?: string): T {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof MalformedXml)) throw e;
    const r = e instanceof Refusal ? e : new Refusal(`nội dung XML bị hỏng (${e.message})`);
    r.place.part ??= part;
    if (sheet !== undefined) r.place.sheet ??= sheet;
    throw r;
  }
}

interface SheetPart {
  readonly name: string;
  readonly state: SheetView['state'];
  readonly part: string;
}

/** Reads .xlsx bytes into a view. Throws for a package it cannot read (a `Refusal` saying where, when it can). */
export function readWorkbook(bytes: Uint8Array, inflated?: ReadonlyMap<string, Uint8Array>): WorkbookView {
  const pkg = new Package(bytes, inflated);
  const book = inPart(WORKBOOK, () => {
    const xml = pkg.part(WORKBOOK);
    if (xml === undefined) throw new MalformedXml('no xl/workbook.xml');
    return readWorkbookPart(xml);
  });
  const rels = inPart(WORKBOOK, () => readRelationships(pkg, WORKBOOK));
  const stylesPart = partOfType(rels, '/styles', 'xl/styles.xml');
  const stringsPart = partOfType(rels, '/sharedStrings', 'xl/sharedStrings.xml');
  const parts: SheetPart[] = [];
  for (const s of book.sheets) {
    const rel = s.rel === undefined ? undefined : rels.get(s.rel);
    // chart sheets and dialog sheets hold no cells; a sheet whose part is missing is left out, as exceljs does
    if (!rel?.part || !rel.type.endsWith('/worksheet')) continue;
    parts.push({ name: s.name, state: s.state, part: rel.part });
  }
  let strings;
  const stringsRaw = inPart(stringsPart, () => pkg.raw(stringsPart));
  try {
    strings = inPart(stringsPart, () => readSharedStrings(stringsRaw && utf8Part(stringsRaw)));
  } catch (e) {
    // a bad string is refused at the first cell that shows it
    if (e instanceof Refusal && e.place.item === undefined && e.place.offset !== undefined && stringsRaw) e.place.item = itemAt(latin1(stringsRaw), e.place.offset);
    if (e instanceof Refusal && e.place.item !== undefined) placeItem(e, pkg, parts);
    throw e;
  }
  const ctx = {
    styles: inPart(stylesPart, () => readStyles(pkg.part(stylesPart))),
    strings,
    date1904: book.date1904,
    budget: { left: MAX_CELLS },
  };
  const sheets: SheetView[] = [];
  for (const s of parts) {
    const sheetXml = inPart(s.part, () => pkg.raw(s.part), s.name);
    if (sheetXml === undefined) continue;
    try {
      sheets.push(inPart(s.part, () => readSheet(utf8Part(sheetXml), s.name, s.state, ctx), s.name));
    } catch (e) {
      if (e instanceof Refusal && e.place.offset !== undefined && e.place.offset >= 0) e.place.cell ??= cellAround(sheetXml, e.place.offset);
      throw e;
    }
  }
  return { sheets, definedNames: book.definedNames, date1904: book.date1904 };
}

/** Names the sheet and cell of the first cell that shows the refused item of the shared string table. */
function placeItem(e: Refusal, pkg: Package, parts: readonly SheetPart[]): void {
  for (const s of parts) {
    let xml;
    try {
      xml = pkg.raw(s.part);
    } catch {
      continue;
    }
    const cell = xml && cellShowing(xml, e.place.item!);
    if (cell) {
      e.place.sheet = s.name;
      e.place.cell = cell;
      return;
    }
  }
}

/** Reads .xlsx bytes that the guard has accepted. Never throws for a bad file. */
export async function loadWorkbook(bytes: Uint8Array, inflated?: ReadonlyMap<string, Uint8Array>): Promise<Loaded> {
  try {
    return { ok: true, workbook: readWorkbook(bytes, inflated) };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    if (!(e instanceof Refusal)) return { ok: false, reason };
    const { part, sheet, cell } = e.place;
    return { ok: false, reason, detail: e.detail, ...(part ? { part } : {}), ...(sheet ? { sheet } : {}), ...(cell ? { cell } : {}) };
  }
}
