/**
 * Diagnostic codes of the Excel side (BC4xx), documented in docs/diagnostics-excel.md.
 * BC40x the file itself (guarded reader) · BC41x forms · BC42x cells · BC43x legacy Phụ lục sheets ·
 * BC44x import and forms commands.
 */
export const EXCEL_CODES = {
  /** not a zip archive: not an .xlsx at all (renamed text, PDF, truncated download…) */
  notXlsx: 'BC401',
  /** an Excel 97–2003 .xls (OLE compound file) */
  xlsLegacy: 'BC402',
  /** a password-protected (encrypted) workbook, or an encrypted zip entry */
  encrypted: 'BC403',
  /** the file is over the size cap */
  tooLarge: 'BC404',
  /** inflated size, entry count or compression ratio is absurd (zip bomb) */
  zipBomb: 'BC405',
  /** a zip archive that is damaged, or a workbook exceljs cannot read */
  corrupt: 'BC406',
  /** another spreadsheet format in a zip (.ods, .xlsb, .numbers) */
  otherFormat: 'BC407',

  /** a workbook that is neither a baocao form nor a recognisable Phụ lục I/II sheet */
  notAForm: 'BC410',
  /** a form written by a newer or unknown version of baocao */
  formVersion: 'BC411',
  /** the form is for another month than the one being imported */
  formMonth: 'BC412',
  /** a sheet the department's form must have is missing (deleted, or its hidden header row damaged) */
  formSheet: 'BC413',
  /** a row of the form appears twice (copied) */
  formRow: 'BC414',
  /** figures in a row that is none of the form's rows (inserted, or below the table): they would be lost */
  strayFigure: 'BC415',

  /** an error value in a cell (#DIV/0!, #N/A, #VALUE!…) */
  cellError: 'BC420',
  /** a formula whose result was never computed and saved */
  formulaNoResult: 'BC421',
  /** a value cell inside a merged range that starts elsewhere */
  mergedCell: 'BC422',
  /** a date where a count is expected (Excel turned "15/9" into a date) */
  dateInCount: 'BC423',
  /** TRUE/FALSE where a figure or text is expected */
  booleanCell: 'BC424',
  /** a text longer than a cell can hold (32 767 characters) */
  textTooLong: 'BC425',

  /** a row whose service name matches no catalog service */
  legacyUnmatched: 'BC431',
  /** a row whose name matches several catalog services */
  legacyAmbiguous: 'BC432',
  /** warning: the sheet's printed Tỷ lệ differs from online/total */
  legacyRate: 'BC433',
  /** the same service appears twice */
  legacyDuplicate: 'BC434',
  /** a "- …" sub-row that is not a part of the row above */
  legacyPart: 'BC436',

  /** two input files give the return of the same department */
  importConflict: 'BC440',
  /** the month folder already holds an .xlsx return of that department */
  importXlsxPresent: 'BC441',
  /** warning: a department has nothing to report (empty form) */
  formEmpty: 'BC442',
  /** the month's return of the department has errors, so it cannot fill a form */
  formSourceInvalid: 'BC443',
  /** the department's YAML file that an import would update has errors of its own */
  importTargetInvalid: 'BC444',
  /** warning: the department's file of the month cannot be read, so its form shows last month's texts carried forward */
  formTextsCarried: 'BC445',
  /** warning: an import clears a text or status the department's file of the month has (its cell left blank) */
  importCleared: 'BC446',
  /** a connection or progress status left blank where last month's return has one */
  importStatusBlank: 'BC447',
  /** the file is refused (its own problems, or those of a file it is imported with): its returns are not written */
  importRefused: 'BC448',
} as const;

export type ExcelCode = (typeof EXCEL_CODES)[keyof typeof EXCEL_CODES];
