/**
 * The robustness cases, one row each: what goes in, what must come out. docs/robustness.md prints this table
 * (tests/robustness/table.test.ts keeps the two equal), and each area's test file runs every row of its area.
 *
 * Locations are what the `--json` diagnostic must say: `file` (last path segment), `line`/`column`, or
 * `sheet`/`cell`. For Excel forms, `row`/`field` name the cell the test edited (its address depends on the form's
 * layout and is looked up in the workbook), e.g. row "service:qd06-09", field "total".
 */

import { XLSX_CASES } from './xlsx-cases.js';

export type Area = 'YAML' | 'encoding' | 'Excel' | 'xlsx' | 'text' | 'templates' | 'output';

export interface Loc {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly sheet?: string;
  readonly cell?: string;
  /** a form's row key and field key, resolved to the cell the test edited */
  readonly row?: string;
  readonly field?: string;
}

export interface Case {
  readonly id: string;
  readonly area: Area;
  /** the input, in words */
  readonly input: string;
  /** null: the process is killed, there is no exit code */
  readonly exit: 0 | 1 | 2 | 3 | null;
  /** the diagnostic that must be there (an error, or with exit 0 a warning); null: none needed */
  readonly code: string | null;
  readonly at: Loc | null;
  /** what the tool does with it */
  readonly outcome: string;
  /** milliseconds; default 5 000 */
  readonly boundMs?: number;
  /** the process's peak memory, MB (measured only for the cases that have one) */
  readonly boundMb?: number;
}

const Y = 'so-y-te.yaml';
const FORM = 'so-tu-phap.xlsx';
const SVC = 'Dịch vụ công';
const REPORT = 'bao-cao-de-an-06-2024-09.docx';

export const CASES: readonly Case[] = [
  // ---------------------------------------------------------------- YAML
  { id: 'yaml.syntax-token', area: 'YAML', input: 'text after a flow map (`s2: { total: 1 } x`)', exit: 1, code: 'BC101', at: { file: Y, line: 4, column: 20 }, outcome: 'syntax error at the stray text' },
  { id: 'yaml.syntax-colon', area: 'YAML', input: 'a key without its colon (`month 2024-09`)', exit: 1, code: 'BC101', at: { file: Y, line: 2, column: 1 }, outcome: 'syntax error at the line' },
  { id: 'yaml.syntax-quote', area: 'YAML', input: 'a quote never closed', exit: 1, code: 'BC101', at: { file: Y, line: 5, column: 1 }, outcome: 'syntax error where the file ends' },
  { id: 'yaml.tab', area: 'YAML', input: 'indentation by Tab', exit: 1, code: 'BC106', at: { file: Y, line: 4, column: 1 }, outcome: 'refused: YAML indents with spaces' },
  { id: 'yaml.duplicate-key', area: 'YAML', input: 'a key written twice (`month:`)', exit: 1, code: 'BC102', at: { file: Y, line: 3, column: 1 }, outcome: 'refused at the second key' },
  { id: 'yaml.duplicate-nested', area: 'YAML', input: 'a service id written twice', exit: 1, code: 'BC102', at: { file: Y, line: 5, column: 3 }, outcome: 'refused at the second key' },
  { id: 'yaml.alias-bomb', area: 'YAML', input: '"billion laughs": 9 levels of anchors and aliases', exit: 1, code: 'BC103', at: { file: Y, line: 4, column: 8 }, outcome: 'aliases refused, never expanded' },
  { id: 'yaml.deep-flow', area: 'YAML', input: '10,000 nested `[`', exit: 1, code: 'BC107', at: { file: Y, line: 3 }, outcome: 'refused before the parser recurses' },
  { id: 'yaml.deep-flow-map', area: 'YAML', input: '10,000 nested `{a: `', exit: 1, code: 'BC107', at: { file: Y, line: 3 }, outcome: 'refused before the parser recurses' },
  { id: 'yaml.deep-block', area: 'YAML', input: '10,000 nested `- ` on one line', exit: 1, code: 'BC107', at: { file: Y, line: 4 }, outcome: 'refused before the parser recurses' },
  { id: 'yaml.deep-indent', area: 'YAML', input: '1,000 keys each indented one more space', exit: 1, code: 'BC107', at: { file: Y }, outcome: 'refused before the parser recurses' },
  { id: 'yaml.deep-65', area: 'YAML', input: '65 nested flow sequences', exit: 1, code: 'BC107', at: { file: Y, line: 3 }, outcome: 'refused (more than 64 levels)' },
  { id: 'yaml.proto', area: 'YAML', input: '`__proto__:` as a top-level key', exit: 1, code: 'BC111', at: { file: Y, line: 3, column: 1 }, outcome: 'unknown key, named; no prototype touched' },
  { id: 'yaml.proto-service', area: 'YAML', input: '`__proto__:` as a service id', exit: 1, code: 'BC111', at: { file: Y, line: 4, column: 3 }, outcome: 'refused, named (not silently dropped)' },
  { id: 'yaml.proto-section', area: 'YAML', input: '`__proto__:` as a section id', exit: 1, code: 'BC111', at: { file: Y, line: 4, column: 3 }, outcome: 'refused, named (not silently dropped)' },
  { id: 'yaml.constructor', area: 'YAML', input: '`constructor:` as a top-level key', exit: 1, code: 'BC111', at: { file: Y, line: 3, column: 1 }, outcome: 'unknown key, named' },
  { id: 'yaml.constructor-service', area: 'YAML', input: '`constructor:` as a service id', exit: 1, code: 'BC202', at: { file: Y, line: 4, column: 3 }, outcome: 'not in the catalog, named' },
  { id: 'yaml.tag', area: 'YAML', input: 'a tag (`!!js/function "…"`)', exit: 1, code: 'BC101', at: { file: Y, line: 2, column: 8 }, outcome: 'tags refused; nothing is run' },
  { id: 'yaml.directive-1.1', area: 'YAML', input: '`%YAML 1.1` directive, `total: 010`', exit: 0, code: null, at: null, outcome: 'read by the same rules: every value is text, 010 is 10 (not octal 8)' },
  { id: 'yaml.directive-bad', area: 'YAML', input: '`%YAML 2.0` directive', exit: 1, code: 'BC101', at: { file: Y, line: 1 }, outcome: 'directive refused' },
  { id: 'yaml.multi-doc', area: 'YAML', input: 'two documents (`---`)', exit: 1, code: 'BC104', at: { file: Y, line: 5, column: 1 }, outcome: 'refused at the second document' },
  { id: 'yaml.empty', area: 'YAML', input: 'an empty file', exit: 1, code: 'BC105', at: { file: Y, line: 1, column: 1 }, outcome: 'empty file' },
  { id: 'yaml.comment-only', area: 'YAML', input: 'only a comment', exit: 1, code: 'BC105', at: { file: Y, line: 1, column: 1 }, outcome: 'empty file' },
  { id: 'yaml.type-scalar', area: 'YAML', input: '`services: hello` (a value where a map belongs)', exit: 1, code: 'BC110', at: { file: Y, line: 3, column: 11 }, outcome: 'wrong type, at the value' },
  { id: 'yaml.type-list', area: 'YAML', input: 'a list where a service map belongs', exit: 1, code: 'BC110', at: { file: Y, line: 4, column: 7 }, outcome: 'wrong type, at the value' },
  { id: 'yaml.type-root', area: 'YAML', input: 'the whole file is a list', exit: 1, code: 'BC110', at: { file: Y, line: 1, column: 1 }, outcome: 'wrong type' },
  { id: 'yaml.number-dotted', area: 'YAML', input: '`total: "3.182"`', exit: 0, code: null, at: null, outcome: 'read as 3182 ("." groups thousands)' },
  { id: 'yaml.number-comma', area: 'YAML', input: '`onTime: "3,5"`', exit: 1, code: 'BC120', at: { file: Y, line: 4, column: 68 }, outcome: 'decimal where a count belongs' },
  { id: 'yaml.number-comma-flow', area: 'YAML', input: '`onTime: 3,5` inside `{ }`', exit: 1, code: 'BC111', at: { file: Y, line: 4, column: 70 }, outcome: 'the "," split the value: unknown key "5", explained' },
  { id: 'yaml.number-leading-zero', area: 'YAML', input: '`total: 08`', exit: 0, code: null, at: null, outcome: 'read as 8' },
  { id: 'yaml.number-exponent', area: 'YAML', input: '`onTime: 1e3`', exit: 1, code: 'BC120', at: { file: Y, line: 4, column: 68 }, outcome: 'exponent refused' },
  { id: 'yaml.too-large', area: 'YAML', input: 'a 6 MB file', exit: 1, code: 'BC008', at: { file: Y }, outcome: 'refused before reading' },
  { id: 'yaml.too-many-nodes', area: 'YAML', input: 'a 2 MB flow sequence (`[a,a,a,…]`)', exit: 1, code: 'BC008', at: { file: Y, line: 3 }, outcome: 'refused before parsing: too many YAML items' },
  { id: 'yaml.catalog-3mb-tab', area: 'YAML', input: 'a 3 MB catalog (26,000 services) with one Tab in a comment: the fast reader declines it', exit: 0, code: null, at: null, outcome: 'read by the full reader (token budget 2,000,000: every catalog up to the 5 MB cap)', boundMs: 30_000 },
  { id: 'yaml.many-errors', area: 'YAML', input: '20,000 footnotes each a map (`f1: { a: 1 }`)', exit: 1, code: 'BC110', at: { file: Y }, outcome: '200 located errors and BC010 counting the rest (no stack overflow)' },
  { id: 'yaml.many-aliases', area: 'YAML', input: '5,000 aliases (`- *x`)', exit: 1, code: 'BC103', at: { file: Y }, outcome: '200 located errors and BC010 counting the rest' },
  { id: 'yaml.many-keys', area: 'YAML', input: '10,000 footnotes in one map', exit: 0, code: 'BC241', at: { file: Y }, outcome: 'read in bounded time (footnotes unused: warnings)' },

  // ---------------------------------------------------------------- encoding (xlsx: tests/robustness/xlsx-cases.ts)
  { id: 'enc.windows-1258', area: 'encoding', input: 'a file saved in Windows-1258 (Vietnamese "ANSI")', exit: 1, code: 'BC002', at: { file: Y, line: 5, column: 9 }, outcome: 'not UTF-8: names Windows-1258, at the first bad byte' },
  { id: 'enc.tcvn3-bytes', area: 'encoding', input: 'text typed in TCVN3 (ABC), saved as 8-bit', exit: 1, code: 'BC002', at: { file: Y, line: 5, column: 9 }, outcome: 'not UTF-8: names TCVN3, at the first bad byte' },
  { id: 'enc.vni-bytes', area: 'encoding', input: 'text typed in VNI-Windows, saved as 8-bit', exit: 1, code: 'BC002', at: { file: Y, line: 5, column: 9 }, outcome: 'not UTF-8: names VNI, at the first bad byte' },
  { id: 'enc.tcvn3-utf8', area: 'encoding', input: 'TCVN3 text converted to UTF-8 as if Latin-1 (one line)', exit: 1, code: 'BC003', at: { file: Y, line: 5, column: 8 }, outcome: 'legacy encoding detected: names TCVN3' },
  { id: 'enc.vni-utf8', area: 'encoding', input: 'VNI text converted to UTF-8 as if Latin-1 (one line)', exit: 1, code: 'BC003', at: { file: Y, line: 5, column: 19 }, outcome: 'legacy encoding detected: names VNI' },
  { id: 'enc.utf16-bom', area: 'encoding', input: 'UTF-16 with a byte-order mark (Notepad "Unicode")', exit: 1, code: 'BC002', at: { file: Y, line: 1, column: 1 }, outcome: 'not UTF-8: names UTF-16' },
  { id: 'enc.utf16-no-bom', area: 'encoding', input: 'UTF-16 without a byte-order mark', exit: 1, code: 'BC002', at: { file: Y, line: 1, column: 2 }, outcome: 'not UTF-8: names UTF-16 (NUL bytes)' },
  { id: 'enc.binary', area: 'encoding', input: 'a PNG image renamed .yaml', exit: 1, code: 'BC002', at: { file: Y, line: 1, column: 1 }, outcome: 'not UTF-8' },
  { id: 'enc.bom', area: 'encoding', input: 'UTF-8 with a byte-order mark', exit: 0, code: null, at: null, outcome: 'read as usual' },
  { id: 'enc.nfd', area: 'encoding', input: 'text in decomposed Unicode (NFD, as typed on a Mac)', exit: 0, code: null, at: null, outcome: 'read and normalised to NFC' },
  { id: 'enc.foreign-names', area: 'encoding', input: 'Vietnamese with French and German names (Société, Müller, Jürgen, Düsseldorf)', exit: 0, code: null, at: null, outcome: 'read as usual (no false alarm)' },

  // ---------------------------------------------------------------- Excel (so-tu-phap's form in the month folder, or import)
  { id: 'xl.decimal-text', area: 'Excel', input: '"12,5" typed in a count cell', exit: 1, code: 'BC120', at: { file: FORM, sheet: SVC, row: 'service:qd06-09', field: 'total' }, outcome: 'decimal where a count belongs, at the cell' },
  { id: 'xl.decimal-number', area: 'Excel', input: '12.5 as a number in a count cell', exit: 1, code: 'BC120', at: { file: FORM, sheet: SVC, row: 'service:qd06-09', field: 'total' }, outcome: 'decimal where a count belongs, at the cell' },
  { id: 'xl.div0', area: 'Excel', input: '#DIV/0! in a cell', exit: 1, code: 'BC420', at: { file: FORM, sheet: SVC, row: 'service:qd06-09', field: 'online' }, outcome: 'error value, at the cell' },
  { id: 'xl.formula-no-result', area: 'Excel', input: 'a formula with no cached value', exit: 1, code: 'BC421', at: { file: FORM, sheet: SVC, row: 'service:qd06-09', field: 'total' }, outcome: 'asks to recalculate in Excel, at the cell' },
  { id: 'xl.formula-result', area: 'Excel', input: 'a formula with a cached value (=4000+681)', exit: 0, code: null, at: null, outcome: 'the cached result is read (4681)' },
  { id: 'xl.merged', area: 'Excel', input: 'two figure cells merged', exit: 1, code: 'BC422', at: { file: FORM, sheet: SVC, row: 'service:qd06-09', field: 'online' }, outcome: 'merged cell, at the covered cell' },
  { id: 'xl.rich-text', area: 'Excel', input: 'rich text ("46" + bold "81") in a count cell', exit: 0, code: null, at: null, outcome: 'runs joined: 4681' },
  { id: 'xl.date', area: 'Excel', input: 'a date where a count belongs (Excel turned "15/9" into a date)', exit: 1, code: 'BC423', at: { file: FORM, sheet: SVC, row: 'service:qd06-09', field: 'onTime' }, outcome: 'date in a count, at the cell' },
  { id: 'xl.boolean', area: 'Excel', input: 'TRUE in a count cell', exit: 1, code: 'BC424', at: { file: FORM, sheet: SVC, row: 'service:qd06-09', field: 'overdue' }, outcome: 'boolean, at the cell' },
  { id: 'xl.size-cap', area: 'Excel', input: 'a 21 MB workbook', exit: 1, code: 'BC404', at: { file: FORM }, outcome: 'over the 20 MB cap: refused before reading' },
  { id: 'xl.50mb', area: 'Excel', input: 'a 50 MB workbook (a form padded with a 50 MB picture)', exit: 1, code: 'BC404', at: { file: FORM }, outcome: 'over the 20 MB cap: refused before reading' },
  { id: 'xl.not-zip', area: 'Excel', input: 'a CSV renamed .xlsx', exit: 1, code: 'BC401', at: { file: FORM }, outcome: 'not an .xlsx' },
  { id: 'xl.xls-renamed', area: 'Excel', input: 'an Excel 97-2003 file renamed .xlsx', exit: 1, code: 'BC402', at: { file: FORM }, outcome: '.xls: asks to save as .xlsx' },
  { id: 'xl.xls', area: 'Excel', input: 'an Excel 97-2003 .xls in the month folder', exit: 1, code: 'BC402', at: { file: 'so-tu-phap.xls' }, outcome: '.xls: asks to save as .xlsx' },
  { id: 'xl.encrypted', area: 'Excel', input: 'a password-protected workbook', exit: 1, code: 'BC403', at: { file: FORM }, outcome: 'asks to remove the password' },
  { id: 'xl.zip-bomb-ratio', area: 'Excel', input: 'zip bomb: 200 MB of zeros in one entry', exit: 1, code: 'BC405', at: { file: FORM }, outcome: 'refused before inflating' },
  { id: 'xl.zip-bomb-lying', area: 'Excel', input: 'zip bomb: an entry lying about its size', exit: 1, code: 'BC405', at: { file: FORM }, outcome: 'caught by a bounded inflate' },
  { id: 'xl.truncated', area: 'Excel', input: 'a truncated download', exit: 1, code: 'BC406', at: { file: FORM }, outcome: 'damaged zip' },
  { id: 'xl.ods', area: 'Excel', input: 'an OpenDocument spreadsheet renamed .xlsx', exit: 1, code: 'BC407', at: { file: FORM }, outcome: 'other format: asks to save as .xlsx' },
  { id: 'xl.hidden-sheet', area: 'Excel', input: 'the "Dịch vụ công" sheet hidden', exit: 0, code: null, at: null, outcome: 'read as usual: same model as the YAML return' },
  { id: 'xl.renamed-sheet', area: 'Excel', input: 'the "Dịch vụ công" sheet renamed', exit: 0, code: null, at: null, outcome: 'found by its marker: same model' },
  { id: 'xl.column-added', area: 'Excel', input: 'a column inserted in the middle of the table', exit: 0, code: null, at: null, outcome: 'columns found by their hidden keys: same model' },
  { id: 'xl.column-moved', area: 'Excel', input: 'the "Khó khăn" column moved to the front', exit: 0, code: null, at: null, outcome: 'columns found by their hidden keys: same model' },
  { id: 'xl.column-removed', area: 'Excel', input: 'the "Tổng số hồ sơ" column deleted', exit: 1, code: 'BC413', at: { file: FORM, sheet: SVC }, outcome: 'the form lost a column: named, nothing read as empty' },
  { id: 'xl.header-moved-down', area: 'Excel', input: 'two rows inserted above the hidden header row', exit: 1, code: 'BC413', at: { file: FORM }, outcome: 'the sheet is no longer recognised: named' },
  { id: 'xl.row-below-table', area: 'Excel', input: 'a figure typed below the table (a row that is not the form\'s)', exit: 1, code: 'BC415', at: { file: FORM, sheet: SVC }, outcome: 'the figure would be lost: refused, at the cell' },
  { id: 'xl.row-past-limit', area: 'Excel', input: 'a cell at row 1,000,000,000 (past Excel\'s 1,048,576)', exit: 1, code: 'BC406', at: { file: FORM }, outcome: 'refused at that row, the row named' },
  { id: 'xl.column-past-limit', area: 'Excel', input: 'a cell in column ZZZZZZ (past Excel\'s XFD)', exit: 1, code: 'BC406', at: { file: FORM }, outcome: 'damaged workbook' },
  { id: 'xl.dimension-lie', area: 'Excel', input: 'a sheet claiming the dimension A1:XFD1048576', exit: 0, code: null, at: null, outcome: 'read in bounded time: same model' },
  { id: 'xl.last-row', area: 'Excel', input: 'a copy of a form row at row 1,048,576', exit: 1, code: 'BC414', at: { file: FORM, sheet: SVC, cell: 'C1048576' }, outcome: 'duplicated row, at the cell, in bounded time' },
  { id: 'xl.import-div0', area: 'Excel', input: '`import` of a form with #DIV/0!', exit: 1, code: 'BC420', at: { file: 'in.xlsx', sheet: SVC, row: 'service:qd06-09', field: 'online' }, outcome: 'nothing written to the month folder' },
  { id: 'xl.legacy-header-down', area: 'Excel', input: '`import` of a Phụ lục I sheet with 5 blank rows above the header', exit: 0, code: null, at: null, outcome: 'header found (rows 1–40 are searched)' },
  { id: 'xl.legacy-header-far', area: 'Excel', input: '`import` of a Phụ lục I sheet with the header at row 60', exit: 1, code: 'BC410', at: { file: 'in.xlsx' }, outcome: 'not recognised: says what a Phụ lục sheet needs' },
  { id: 'xl.legacy-hidden', area: 'Excel', input: '`import` of a Phụ lục I workbook whose table sheet is hidden', exit: 1, code: 'BC410', at: { file: 'in.xlsx' }, outcome: 'hidden sheets are not read: not recognised' },

  // ---------------------------------------------------------------- text reaching the report (a paragraph of a section, through build)
  { id: 'text.controls', area: 'text', input: 'XML-illegal control characters (U+0001, U+0008, U+000B, U+001F, U+007F, U+FFFE, U+FFFF)', exit: 0, code: null, at: null, outcome: 'removed; the document XML is well-formed' },
  { id: 'text.lone-surrogate', area: 'text', input: 'lone UTF-16 surrogates ("\\ud800")', exit: 0, code: null, at: null, outcome: 'removed; the document XML is well-formed' },
  { id: 'text.handlebars', area: 'text', input: '`{{constructor.constructor "return process"}}`, `{{#each indicators}}…{{/each}}`', exit: 0, code: null, at: null, outcome: 'printed literally, never evaluated' },
  { id: 'text.partial', area: 'text', input: '`{{> partial}}`', exit: 0, code: null, at: null, outcome: 'printed literally, never evaluated' },
  { id: 'text.xml', area: 'text', input: '`</w:t></w:r><w:r><w:t>`, `<![CDATA[`, `&amp;`, `<b>`', exit: 0, code: null, at: null, outcome: 'printed literally (escaped); no markup injected' },
  { id: 'text.emoji', area: 'text', input: 'emoji with joiners and flags (👩‍👩‍👧 🇻🇳)', exit: 0, code: null, at: null, outcome: 'kept as typed' },
  { id: 'text.nfd', area: 'text', input: 'decomposed Vietnamese (NFD)', exit: 0, code: null, at: null, outcome: 'printed composed (NFC)' },
  { id: 'text.100kb', area: 'text', input: 'a 100 KB paragraph', exit: 0, code: null, at: null, outcome: 'printed whole, in bounded time', boundMs: 10_000 },
  { id: 'text.footnote-prototype', area: 'text', input: 'a call `[^constructor]` with no such footnote', exit: 1, code: 'BC240', at: { file: 'van-phong-ubnd.yaml', line: 96, column: 7 }, outcome: 'undefined footnote, at the paragraph (the prototype does not count)' },

  ...XLSX_CASES,

  // ---------------------------------------------------------------- templates (a copy of templates/ given with --templates; the line is added at the top of bao-cao.hbs)
  { id: 'tpl.missing-field', area: 'templates', input: '`{{count indicators.bhyt-cccd-cards.valeu}}`', exit: 1, code: 'BC603', at: { file: 'bao-cao.hbs', line: 1, column: 11 }, outcome: 'unknown field, named with its path' },
  { id: 'tpl.missing-indicator', area: 'templates', input: '`{{so indicators.nope.value}}`', exit: 1, code: 'BC603', at: { file: 'bao-cao.hbs', line: 1, column: 8 }, outcome: 'unknown field, named with its path' },
  { id: 'tpl.misused-helper', area: 'templates', input: '`{{count indicators.bhyt-cccd-cards}}` (a group, not a number)', exit: 1, code: 'BC605', at: { file: 'bao-cao.hbs', line: 1, column: 3 }, outcome: 'wrong argument for the helper' },
  { id: 'tpl.delta-no-unit', area: 'templates', input: '`{{delta indicators.bhyt-cccd-cards.delta}}` (unit missing)', exit: 1, code: 'BC605', at: { file: 'bao-cao.hbs', line: 1, column: 3 }, outcome: 'wrong arguments for the helper' },
  { id: 'tpl.constructor', area: 'templates', input: '`{{constructor.constructor}}`', exit: 1, code: 'BC603', at: { file: 'bao-cao.hbs', line: 1, column: 5 }, outcome: 'prototype not reachable: unknown field' },
  { id: 'tpl.proto', area: 'templates', input: '`{{indicators.__proto__}}`', exit: 1, code: 'BC603', at: { file: 'bao-cao.hbs', line: 1, column: 5 }, outcome: 'prototype not reachable: unknown field' },
  { id: 'tpl.each-constructor', area: 'templates', input: '`{{#each indicators}}{{this.constructor.name}}{{/each}}`', exit: 1, code: 'BC603', at: { file: 'bao-cao.hbs', line: 1, column: 25 }, outcome: 'prototype not reachable: unknown field' },
  { id: 'tpl.string-property', area: 'templates', input: '`{{so month.length}}` (a property of a string)', exit: 1, code: 'BC603', at: { file: 'bao-cao.hbs', line: 1, column: 8 }, outcome: 'only own fields of the data: unknown field' },
  { id: 'tpl.lookup', area: 'templates', input: '`{{lookup indicators "x"}}`', exit: 1, code: 'BC604', at: { file: 'bao-cao.hbs', line: 1, column: 3 }, outcome: 'helper not allowed' },
  { id: 'tpl.log', area: 'templates', input: '`{{log "x"}}`', exit: 1, code: 'BC604', at: { file: 'bao-cao.hbs', line: 1, column: 3 }, outcome: 'helper not allowed' },
  { id: 'tpl.helper-missing', area: 'templates', input: '`{{helperMissing}}` (a Handlebars internal)', exit: 1, code: 'BC604', at: { file: 'bao-cao.hbs', line: 1, column: 3 }, outcome: 'helper not allowed' },
  { id: 'tpl.partial', area: 'templates', input: '`{{> partial}}`', exit: 1, code: 'BC606', at: { file: 'bao-cao.hbs', line: 1, column: 3 }, outcome: 'partials not allowed' },
  { id: 'tpl.inline-partial', area: 'templates', input: '`{{#*inline "p"}}…{{/inline}}{{> p}}`', exit: 1, code: 'BC606', at: { file: 'bao-cao.hbs', line: 1, column: 1 }, outcome: 'partials and decorators not allowed' },
  { id: 'tpl.syntax', area: 'templates', input: '`{{#if month}}` never closed', exit: 1, code: 'BC602', at: { file: 'bao-cao.hbs' }, outcome: 'syntax error, with its line' },
  { id: 'tpl.missing-file', area: 'templates', input: '`trich-yeu.hbs` deleted', exit: 1, code: 'BC601', at: { file: 'trich-yeu.hbs' }, outcome: 'missing template, named' },
  { id: 'tpl.no-folder', area: 'templates', input: '`--templates` naming a folder that does not exist', exit: 2, code: 'BC009', at: null, outcome: 'usage error, named' },
  { id: 'tpl.not-utf8', area: 'templates', input: '`bao-cao.hbs` saved in Windows-1258', exit: 1, code: 'BC002', at: { file: 'bao-cao.hbs', line: 1 }, outcome: 'not UTF-8: named, not printed as mojibake' },

  // ---------------------------------------------------------------- output (build of the sample over a previous report in the out folder)
  { id: 'out.locked', area: 'output', input: 'the report open in Word (its owner file `~$o-cao-de-an-06-2024-09.docx` beside it)', exit: 3, code: 'BC007', at: { file: REPORT }, outcome: 'refused before writing; the previous report unchanged' },
  { id: 'out.read-only', area: 'output', input: 'a read-only out folder (`chattr +i` as root, `chmod 555` otherwise)', exit: 3, code: 'BC006', at: { file: REPORT }, outcome: 'named as a folder that cannot be written; the previous report unchanged' },
  { id: 'out.parent-is-file', area: 'output', input: '`--out` under a path that is a file', exit: 3, code: 'BC006', at: { file: REPORT }, outcome: 'named; nothing written' },
  { id: 'out.out-is-file', area: 'output', input: '`--out` naming an existing file', exit: 3, code: 'BC006', at: { file: REPORT }, outcome: 'named; the file untouched' },
  { id: 'out.disk-full', area: 'output', input: 'the disk fills up while writing (simulated: `ulimit -f 8`, writes fail with EFBIG)', exit: 3, code: 'BC006', at: { file: REPORT }, outcome: 'named; the previous report unchanged; no temporary file left' },
  { id: 'out.killed', area: 'output', input: 'the build killed (SIGKILL) at 8 moments, one of them while the report is being written', exit: null, code: null, at: null, outcome: 'each report is the previous one or the new one, whole; the next build removes the temporary files', boundMs: 60_000 },
];

export function byArea(area: Area): readonly Case[] {
  return CASES.filter((c) => c.area === area);
}

export { FORM, SVC };
