import type { Case } from './cases.js';

/**
 * Hostile and odd workbooks, made by the tests from a real form (Sở Tư pháp's, filled) by editing its package:
 * zip tricks, XML tricks, cell tricks and volume. Each goes through `import` (the month folder must stay as it
 * was) or, placed in the month folder, through `validate`; `tests/robustness/xlsx.test.ts` runs them.
 * The valid odd files (exit 0) must give the model the clean form gives.
 */

const IN = 'in.xlsx';
const FORM = 'so-tu-phap.xlsx';
const SVC = 'Dịch vụ công';
const TOTAL = { sheet: SVC, row: 'service:qd06-09', field: 'total' } as const;
const MB = 512;

export const XLSX_CASES: readonly Case[] = [
  // cells: exact or refused
  { id: 'xlsx.number-comma', area: 'xlsx', input: '`<v>4,637</v>` in a count cell', exit: 1, code: 'BC406', at: { file: IN, ...TOTAL }, outcome: 'not a number: refused at its cell, the text as found (not read as 4)', boundMb: MB },
  { id: 'xlsx.number-suffix', area: 'xlsx', input: '`<v>12abc</v>` in a count cell', exit: 1, code: 'BC406', at: { file: IN, ...TOTAL }, outcome: 'refused at its cell (not read as 12)', boundMb: MB },
  { id: 'xlsx.number-hex', area: 'xlsx', input: '`<v>0x10</v>` in a count cell', exit: 1, code: 'BC406', at: { file: IN, ...TOTAL }, outcome: 'refused at its cell (not read as 0)', boundMb: MB },
  { id: 'xlsx.number-inf', area: 'xlsx', input: '`<v>INF</v>` in a count cell', exit: 1, code: 'BC406', at: { file: IN, ...TOTAL }, outcome: 'not a finite number: refused at its cell', boundMb: MB },
  { id: 'xlsx.number-month', area: 'xlsx', input: '`<v>4,637</v>` in a form placed in the month folder (`validate`)', exit: 1, code: 'BC406', at: { file: FORM, ...TOTAL }, outcome: 'refused at its cell; validate exits 1', boundMb: MB },
  { id: 'xlsx.formula-result', area: 'xlsx', input: 'a formula whose cached value is `2 apples`', exit: 1, code: 'BC406', at: { file: IN, ...TOTAL }, outcome: 'refused at its cell', boundMb: MB },
  { id: 'xlsx.boolean', area: 'xlsx', input: '`t="b"` with `<v>yes</v>`', exit: 1, code: 'BC406', at: { file: IN, ...TOTAL }, outcome: 'not 0 or 1: refused at its cell', boundMb: MB },
  { id: 'xlsx.date', area: 'xlsx', input: '`t="d"` with `<v>2024-09-15garbage</v>`', exit: 1, code: 'BC406', at: { file: IN, ...TOTAL }, outcome: 'not a date: refused at its cell (no prefix read)', boundMb: MB },
  { id: 'xlsx.shared-index', area: 'xlsx', input: 'a shared-string index past the table (`t="s"`, `<v>999999</v>`)', exit: 1, code: 'BC406', at: { file: IN, ...TOTAL }, outcome: 'refused at its cell, the table size said', boundMb: MB },
  { id: 'xlsx.address-past', area: 'xlsx', input: 'a cell address `XFD1048577`', exit: 1, code: 'BC406', at: { file: IN, sheet: SVC }, outcome: 'refused, naming the sheet and the address as found', boundMb: MB },
  { id: 'xlsx.address-zero', area: 'xlsx', input: 'a cell address `A0`', exit: 1, code: 'BC406', at: { file: IN, sheet: SVC }, outcome: 'refused, naming the sheet and the address as found', boundMb: MB },
  // XML
  { id: 'xlsx.doctype-xxe', area: 'xlsx', input: 'a sheet with `<!DOCTYPE … [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>` and `&xxe;` in a cell', exit: 1, code: 'BC406', at: { file: IN, sheet: SVC }, outcome: 'DOCTYPE refused in its part; nothing expanded, nothing kept as text', boundMb: MB },
  { id: 'xlsx.billion-laughs', area: 'xlsx', input: 'the shared strings with 9 levels of nested entities (`&lol9;`)', exit: 1, code: 'BC406', at: { file: IN }, outcome: 'DOCTYPE refused, the part named (xl/sharedStrings.xml)', boundMb: MB },
  { id: 'xlsx.undeclared-entity', area: 'xlsx', input: '`&nbsp;` (an entity XML does not define) in an inline string', exit: 1, code: 'BC406', at: { file: IN, ...TOTAL }, outcome: 'refused at its cell (not kept as "&nbsp;")', boundMb: MB },
  { id: 'xlsx.charref-nul', area: 'xlsx', input: '`&#0;` in an inline string', exit: 1, code: 'BC406', at: { file: IN, ...TOTAL }, outcome: 'a character XML forbids: refused at its cell (not U+FFFD)', boundMb: MB },
  { id: 'xlsx.charref-surrogate', area: 'xlsx', input: '`&#xD800;` (a lone surrogate) in an inline string', exit: 1, code: 'BC406', at: { file: IN, ...TOTAL }, outcome: 'refused at its cell (not U+FFFD)', boundMb: MB },
  { id: 'xlsx.control-char', area: 'xlsx', input: 'a raw U+0001 byte in a shared string shown in a cell', exit: 1, code: 'BC406', at: { file: IN, sheet: SVC, row: 'service:qd06-09', field: 'name' }, outcome: 'refused at the first cell that shows the string', boundMb: MB },
  { id: 'xlsx.bad-utf8', area: 'xlsx', input: 'bytes that are not UTF-8 (`C3 28`) in an inline string', exit: 1, code: 'BC406', at: { file: IN, ...TOTAL }, outcome: 'refused at its cell, as the YAML reader refuses such bytes (not U+FFFD)', boundMb: MB },
  { id: 'xlsx.bad-utf8-shared', area: 'xlsx', input: 'bytes that are not UTF-8 in a shared string', exit: 1, code: 'BC406', at: { file: IN, sheet: SVC, row: 'service:qd06-09', field: 'name' }, outcome: 'refused at the first cell that shows the string', boundMb: MB },
  { id: 'xlsx.unclosed', area: 'xlsx', input: 'a sheet whose `</sheetData>` is missing', exit: 1, code: 'BC406', at: { file: IN, sheet: SVC }, outcome: 'damaged XML: refused, the sheet named', boundMb: MB },
  // zip
  { id: 'xlsx.crc', area: 'xlsx', input: 'a sheet entry whose CRC-32 does not match its data', exit: 1, code: 'BC406', at: { file: IN }, outcome: 'refused, the entry named (never read as if sound)', boundMb: MB },
  { id: 'xlsx.duplicate-entry', area: 'xlsx', input: 'two entries named `xl/worksheets/sheet2.xml` (the second with other figures)', exit: 1, code: 'BC406', at: { file: IN }, outcome: 'refused, the entry named (no reader\'s choice of copy)', boundMb: MB },
  { id: 'xlsx.case-entry', area: 'xlsx', input: 'entries `xl/worksheets/sheet2.xml` and `XL/Worksheets/Sheet2.xml`', exit: 1, code: 'BC406', at: { file: IN }, outcome: 'refused: part names are compared without case', boundMb: MB },
  { id: 'xlsx.zip-encrypted', area: 'xlsx', input: 'a zip entry flagged encrypted', exit: 1, code: 'BC403', at: { file: IN }, outcome: 'refused: password', boundMb: MB },
  { id: 'xlsx.zip-method', area: 'xlsx', input: 'an entry compressed with bzip2 (method 12)', exit: 1, code: 'BC406', at: { file: IN }, outcome: 'unsupported method: refused, the entry named', boundMb: MB },
  // volume
  { id: 'xlsx.million-rows', area: 'xlsx', input: 'figures typed in 1,000,000 rows below the table', exit: 1, code: 'BC415', at: { file: IN, sheet: SVC }, outcome: '200 located errors listed and "và 999.800 lỗi khác" (BC010) counted', boundMs: 10_000, boundMb: MB },
  { id: 'xlsx.million-rows-month', area: 'xlsx', input: 'the same form placed in the month folder (`validate`)', exit: 1, code: 'BC415', at: { file: FORM, sheet: SVC }, outcome: 'capped list, BC010 counts the rest', boundMs: 10_000, boundMb: MB },
  { id: 'xlsx.legacy-unknown', area: 'xlsx', input: 'a legacy Phụ lục sheet of 200,000 rows of unknown service names', exit: 1, code: 'BC431', at: { file: IN, sheet: 'Phụ lục I' }, outcome: 'capped list, BC010 counts the rest', boundMs: 10_000, boundMb: MB },
  { id: 'xlsx.cells-12m', area: 'xlsx', input: '12 million cells in a 3 MB file', exit: 1, code: 'BC406', at: { file: IN, sheet: SVC }, outcome: 'refused past 2,000,000 cells, the sheet named', boundMs: 10_000, boundMb: MB },
  { id: 'xlsx.merges', area: 'xlsx', input: '150,000 merged ranges in a sheet', exit: 1, code: 'BC406', at: { file: IN, sheet: SVC }, outcome: 'refused past 100,000 ranges, the sheet named', boundMs: 10_000, boundMb: MB },
  { id: 'xlsx.strings-3m', area: 'xlsx', input: '3 million shared strings', exit: 1, code: 'BC406', at: { file: IN }, outcome: 'refused past 500,000 strings, the part named', boundMs: 10_000, boundMb: MB },
  // valid odd files: the model of the clean form
  { id: 'xlsx.inline-strings', area: 'xlsx', input: 'every shared string made an inline string (`t="inlineStr"`)', exit: 0, code: null, at: null, outcome: 'read as the clean form: same model', boundMb: MB },
  { id: 'xlsx.shared-formulas', area: 'xlsx', input: 'the figures as a shared formula group with cached values', exit: 0, code: null, at: null, outcome: 'read as the clean form: same model', boundMb: MB },
  { id: 'xlsx.date1904', area: 'xlsx', input: 'the 1904 date system, dates shifted by 1,462 days', exit: 0, code: null, at: null, outcome: 'read as the clean form: same model', boundMb: MB },
  { id: 'xlsx.strict', area: 'xlsx', input: 'saved as Strict Open XML (purl.oclc.org namespaces and relationship types)', exit: 0, code: null, at: null, outcome: 'read as the clean form: same model', boundMb: MB },
  { id: 'xlsx.libreoffice', area: 'xlsx', input: 'opened and saved again by LibreOffice Calc', exit: 0, code: null, at: null, outcome: 'read as the clean form: same model', boundMs: 60_000, boundMb: MB },
];
