import { makeZip, type RawEntry } from './zip-builder.js';

/**
 * Workbooks written by hand, part by part, with every kind of cell a reader meets: what Excel writes (shared
 * and rich strings, `_x000D_`, entities, 1900 and 1904 dates, percentages, formulas with and without cached
 * values, shared formulas, errors, booleans, merged ranges, hidden sheets, defined names) and what other
 * programs write (inline strings, cells out of order, single quotes, comments, white space between tags,
 * cells without `r`, namespace prefixes).
 */

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface BookParts {
  /** sheet name → worksheet XML (without the XML declaration) */
  readonly sheets: readonly { readonly name: string; readonly state?: string; readonly xml: string; readonly rels?: string }[];
  readonly sharedStrings?: string;
  readonly styles?: string;
  /** inside <workbook>, before <sheets> */
  readonly workbookPr?: string;
  /** the <definedName> elements */
  readonly definedNames?: string;
  /** a namespace prefix for every SpreadsheetML element ("x" → <x:c>) */
  readonly prefix?: string;
}

/** `<c>` → `<x:c>` for every element of the text; the default namespace moves to the prefix */
export function prefixed(xml: string, prefix: string): string {
  return xml
    .replace(/<(\/?)([A-Za-z][\w.]*)(?=[\s>/])/g, (_, slash: string, name: string) => `<${slash}${prefix}:${name}`)
    .replace(/ xmlns="/g, ` xmlns:${prefix}="`);
}

export function book(parts: BookParts): Uint8Array {
  const p = (xml: string) => (parts.prefix ? prefixed(xml, parts.prefix) : xml);
  const decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const entries: RawEntry[] = [
    {
      name: '[Content_Types].xml',
      data:
        decl +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        parts.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        (parts.sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '') +
        (parts.styles ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' : '') +
        '</Types>',
    },
    { name: '_rels/.rels', data: `${decl}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    {
      name: 'xl/workbook.xml',
      data:
        decl +
        p(
          `<workbook xmlns="${MAIN}" xmlns:r="${REL}">${parts.workbookPr ?? ''}<sheets>` +
            parts.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('') +
            `</sheets>${parts.definedNames ? `<definedNames>${parts.definedNames}</definedNames>` : ''}</workbook>`,
        ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        `${decl}<Relationships xmlns="${PKG_REL}">` +
        parts.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        (parts.sharedStrings ? `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
        (parts.styles ? `<Relationship Id="rIdT" Type="${REL}/styles" Target="/xl/styles.xml"/>` : '') +
        '</Relationships>',
    },
    ...parts.sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: decl + p(s.xml) })),
    ...parts.sheets.flatMap((s, i) => (s.rels ? [{ name: `xl/worksheets/_rels/sheet${i + 1}.xml.rels`, data: decl + s.rels }] : [])),
  ];
  if (parts.sharedStrings) entries.push({ name: 'xl/sharedStrings.xml', data: decl + p(parts.sharedStrings) });
  if (parts.styles) entries.push({ name: 'xl/styles.xml', data: decl + p(parts.styles) });
  return makeZip(entries);
}

export function worksheet(body: string, after = ''): string {
  return `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${body}</sheetData>${after}</worksheet>`;
}

/** Number formats by style index (the `s` of a cell). */
export const STYLE = {
  general: 0,
  dateBuiltIn: 1, // 14 mm-dd-yy
  percent: 2, // 9 0%
  percent2: 3, // 10 0.00%
  dateCustom: 4, // 164 dd/mm/yyyy
  percent1Custom: 5, // 165 0.0%
  thousands: 6, // 3 #,##0
  currency: 7, // 166 #,##0 "đ"
  red: 8, // 167 [Red]0.00
  dateTime: 9, // 22 m/d/yy "h":mm
  text: 10, // 49 @
  localeBuiltIn: 11, // 27: no format string
  customGeneral: 12, // 168 General
  quotedLetters: 13, // 169 0 "ngày"
  time: 14, // 170 [h]:mm:ss
} as const;

export const STYLES =
  `<styleSheet xmlns="${MAIN}"><numFmts count="7"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.0%"/>` +
  '<numFmt numFmtId="166" formatCode="#,##0 &quot;đ&quot;"/><numFmt numFmtId="167" formatCode="[Red]0.00"/><numFmt numFmtId="168" formatCode="General"/>' +
  '<numFmt numFmtId="169" formatCode="0 &quot;ngày&quot;"/><numFmt numFmtId="170" formatCode="[h]:mm:ss"/></numFmts>' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
  '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="14" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="15">' +
  [0, 14, 9, 10, 164, 165, 3, 166, 167, 22, 49, 27, 168, 169, 170].map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ''}/>`).join('') +
  '</cellXfs><dxfs count="1"><dxf><numFmt numFmtId="171" formatCode="yyyy"/></dxf></dxfs></styleSheet>';

/** the shared strings: index → what it reads as */
export const SHARED: readonly [string, string][] = [
  ['<si><t>một</t></si>', 'một'],
  ['<si><t xml:space="preserve">  có dấu cách  </t></si>', '  có dấu cách  '],
  ['<si><t>A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos; &#x1EA1; &#7841;</t></si>', 'A & B <c> "d" \'e\' ạ ạ'],
  ['<si><t>dòng 1_x000D_\ndòng 2</t></si>', 'dòng 1\r\ndòng 2'],
  ['<si><t>_x005F_x000D_ giữ nguyên</t></si>', '_x000D_ giữ nguyên'],
  ['<si><r><t>đậm</t></r><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve"> và </t></r><r><rPr><i/></rPr><t>nghiêng</t></r></si>', 'đậm và nghiêng'],
  ['<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si>', '漢字'],
  ['<si><t></t></si>', ''],
  ['<si><t>229.046</t></si>', '229.046'],
  ['<si><t>Dịch vụ công trực tuyến</t></si>', 'Dịch vụ công trực tuyến'],
];

export const SHARED_STRINGS = `<sst xmlns="${MAIN}" count="${SHARED.length}" uniqueCount="${SHARED.length}">${SHARED.map(([x]) => x).join('')}</sst>`;

/** A sheet with a cell of every kind that exceljs and the reader read alike. */
export const KINDS_SHEET = worksheet(
  [
    // numbers in each number format
    '<row r="1" spans="1:15">',
    `<c r="A1"><v>3182603</v></c><c r="B1" s="${STYLE.percent}"><v>0.2587</v></c><c r="C1" s="${STYLE.percent2}"><v>0.25870000000000004</v></c>`,
    `<c r="D1" s="${STYLE.thousands}"><v>229046</v></c><c r="E1" s="${STYLE.dateCustom}"><v>45550</v></c><c r="F1" s="${STYLE.dateBuiltIn}"><v>45550.75</v></c>`,
    `<c r="G1" s="${STYLE.dateTime}"><v>45551.999999</v></c><c r="H1" s="${STYLE.percent1Custom}"><v>1</v></c><c r="I1" s="${STYLE.currency}"><v>15000</v></c>`,
    `<c r="J1" s="${STYLE.red}"><v>-1.5</v></c><c r="K1" s="${STYLE.localeBuiltIn}"><v>7</v></c><c r="L1" s="${STYLE.customGeneral}"><v>8</v></c>`,
    `<c r="M1" s="0"><v>9</v></c><c r="N1" s="${STYLE.quotedLetters}"><v>30</v></c><c r="O1" s="${STYLE.time}"><v>0.5</v></c><c r="P1" s="99"><v>10</v></c>`,
    '</row>',
    // shared strings
    `<row r="2">${SHARED.map((_, i) => `<c r="${String.fromCharCode(65 + i)}2" t="s"><v>${i}</v></c>`).join('')}</row>`,
    // inline strings and formula-less str
    '<row r="3"><c r="A3" t="inlineStr"><is><t>chữ trong ô</t></is></c>',
    '<c r="B3" t="inlineStr"><is><r><t>a</t></r><r><rPr><b/></rPr><t xml:space="preserve"> b</t></r></is></c>',
    '<c r="C3" t="inlineStr"><is><t>A &amp; B</t></is></c><c r="D3" t="str"><v>chữ</v></c><c r="E3" t="n"><v>12</v></c></row>',
    // booleans and errors
    '<row r="4"><c r="A4" t="b"><v>1</v></c><c r="B4" t="b"><v>0</v></c><c r="C4" t="e"><v>#N/A</v></c><c r="D4" t="e"><v>#DIV/0!</v></c><c r="E4" t="e"><v>#REF!</v></c></row>',
    // formulas: cached values of each type, none, empty, dates and percentages
    '<row r="5"><c r="A5"><f>1+1</f><v>2</v></c><c r="B5"><f>A5*2</f></c><c r="C5" t="str"><f>"x"&amp;"y"</f><v>xy</v></c>',
    '<c r="D5" t="b"><f>A5&gt;1</f><v>1</v></c><c r="E5" t="e"><f>1/0</f><v>#DIV/0!</v></c>',
    `<c r="F5" s="${STYLE.dateCustom}"><f>DATE(2024,9,15)</f><v>45550</v></c><c r="G5" s="${STYLE.percent2}"><f>A1/D1</f><v>13.895</v></c>`,
    '<c r="H5"><f>IF(A1&gt;0,"a&amp;b","")</f><v></v></c><c r="I5"><f>SUM(A1:A4)</f><v>-0</v></c></row>',
    // shared formulas down a column and across a row; one cell without a cached value
    '<row r="6"><c r="A6"><v>1</v></c><c r="B6"><v>2</v></c><c r="C6"><v>3</v></c><c r="D6"><f t="shared" ref="D6:D9" si="0">A6+$B$6*C6</f><v>7</v></c>',
    '<c r="E6"><f t="shared" ref="E6:G6" si="1">SUM(A6:A$9)+LOG10(B6)</f><v>4.3</v></c><c r="F6"><f t="shared" si="1"/><v>5.3</v></c><c r="G6"><f t="shared" si="1"/></c></row>',
    '<row r="7"><c r="A7"><v>4</v></c><c r="C7"><v>5</v></c><c r="D7"><f t="shared" si="0"/><v>14</v></c></row>',
    '<row r="8"><c r="D8"><f t="shared" si="0"/><v>0</v></c></row>',
    '<row r="9"><c r="D9" s="3"><f t="shared" si="0"/><v>0.5</v></c></row>',
    // merged ranges: values in covered cells are hidden by the merge
    '<row r="10"><c r="A10" t="s"><v>9</v></c><c r="B10"><v>1</v></c><c r="D10" s="1"/></row>',
    '<row r="11"><c r="A11"><v>2</v></c><c r="C11" t="s"><v>0</v></c></row>',
    '<row r="12"><c r="B12" s="1"/><c r="C12"></c><c r="D12" t="s"></c><c r="E12"><v></v></c><c r="F12" t="str"><v></v></c><c r="G12" t="inlineStr"><is><t></t></is></c></row>',
    // numbers as Excel and others write them
    '<row r="14"><c r="A14"><v>-12.5</v></c><c r="B14"><v>1.5E-3</v></c><c r="C14"><v>12345678901234567890</v></c><c r="D14"><v>-0</v></c>',
    '<c r="E14"><v>0.1</v></c><c r="F14"><v>.5</v></c><c r="G14"><v>100.00000000000001</v></c><c r="H14"><v>3.</v></c><c r="I14"><v> 7</v></c></row>',
    // cells out of order in a row, rows out of order
    '<row r="15"><c r="C15"><v>3</v></c><c r="A15"><v>1</v></c></row>',
    '<row r="17"><c r="A17"><v>17</v></c></row><row r="16"><c r="A16"><v>16</v></c></row>',
    // cells without r after one with r: the next columns
    '<row r="18"><c r="B18"><v>1</v></c><c><v>2</v></c><c t="s"><v>0</v></c></row>',
    // other writers: single quotes, extra attributes, comments and white space between tags
    "<row r='19'><c r='A19' t='s'><v>1</v></c><c r=\"B19\" cm=\"1\" vm=\"2\"><v>5</v></c><!-- a comment --><c r=\"C19\" s=\"2\" ><v>0.5</v></c></row>",
    '\n  <row r="20">\n    <c r="A20" t="s">\n      <v>2</v>\n    </c>\n    <c r="B20">\n      <f>A1+1</f>\n      <v>3182604</v>\n    </c>\n  </row>\n',
    // a far cell
    '<row r="1000" spans="30:30"><c r="AD1000"><v>1</v></c></row>',
  ].join(''),
  '<mergeCells count="4"><mergeCell ref="A10:C11"/><mergeCell ref="D10:D12"/><mergeCell ref="E10:F10"/><mergeCell ref="H20:H20"/></mergeCells>',
);

export const DEFINED_NAMES =
  `<definedName name="one">'Kinds'!$B$2</definedName><definedName name="range">Kinds!$C$3:$A$1</definedName>` +
  `<definedName name="_xlnm.Print_Area" localSheetId="0">Kinds!$A$1:$D$10</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">Kinds!$1:$2</definedName>` +
  `<definedName name="quoted">'R&amp;D ''x'' 2'!$A$1</definedName><definedName name="relative">Kinds!A1</definedName>` +
  `<definedName name="constant">0.5</definedName><definedName name="broken">#REF!</definedName><definedName name="hidden" hidden="1">'Ẩn'!$A$1:$A$1</definedName>` +
  `<definedName name="local" localSheetId="1">'Ẩn'!$B$2</definedName><definedName name="_xlnm._FilterDatabase" hidden="1">Kinds!$A$1:$C$20</definedName>`;

/** A workbook of four sheets (one hidden, one very hidden) with cells of every kind. */
export function kindsBook(options: { date1904?: boolean; prefix?: string } = {}): Uint8Array {
  return book({
    sheets: [
      { name: 'Kinds', xml: KINDS_SHEET },
      { name: 'Ẩn', state: 'hidden', xml: worksheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="B2" s="4"><v>1</v></c></row>') },
      { name: 'Rất ẩn', state: 'veryHidden', xml: worksheet('<row r="3"><c r="C3"><v>3</v></c></row>') },
      { name: 'R&amp;D &apos;x&apos; 2', xml: worksheet('') },
      { name: 'Trống', xml: `<worksheet xmlns="${MAIN}"><dimension ref="A1"/></worksheet>` },
    ],
    sharedStrings: SHARED_STRINGS,
    styles: STYLES,
    workbookPr: options.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr defaultThemeVersion="124226"/>',
    definedNames: DEFINED_NAMES,
    ...(options.prefix ? { prefix: options.prefix } : {}),
  });
}
