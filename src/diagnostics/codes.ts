/**
 * Stable diagnostic codes (documented in docs/diagnostics.md). Ranges:
 * BC0xx environment and files · BC1xx YAML and schema · BC2xx cross-checks · BC4xx Excel · BC6xx rendering.
 */
export const CODES = {
  fileUnreadable: 'BC001',
  notUtf8: 'BC002',
  legacyEncoding: 'BC003',
  workspaceMissing: 'BC004',
  monthMissing: 'BC005',
  writeFailed: 'BC006',
  targetLocked: 'BC007',
  fileTooLarge: 'BC008',
  usage: 'BC009',
  /** more problems than are listed: the count of those left out (src/diagnostics/cap.ts) */
  moreDiagnostics: 'BC010',
  internal: 'BC099',

  yamlSyntax: 'BC101',
  yamlDuplicateKey: 'BC102',
  yamlAlias: 'BC103',
  yamlMultiDoc: 'BC104',
  yamlEmpty: 'BC105',
  yamlTab: 'BC106',
  yamlTooDeep: 'BC107',
  yamlComplexKey: 'BC108',

  schemaType: 'BC110',
  schemaUnknownKey: 'BC111',
  schemaMissingKey: 'BC112',
  schemaValue: 'BC113',
  // BC114–BC115: printed lines and fields to fill (schema/lines.ts LINE_CODES)
  // BC120–BC124: scalars (schema/scalars.ts ISSUE_CODES)

  unknownDepartment: 'BC201',
  unknownItem: 'BC202',
  notOwner: 'BC203',
  duplicateClaim: 'BC204',
  duplicateDepartment: 'BC205',
  onlineExceedsTotal: 'BC210',
  processedExceedsOnline: 'BC211',
  partsSum: 'BC212',
  valueExceedsTotal: 'BC213',
  unexpectedTotal: 'BC214',
  monthMismatch: 'BC220',
  asOfOutsidePeriod: 'BC221',
  copiedForward: 'BC230',
  footnoteUndefined: 'BC240',
  footnoteUnused: 'BC241',
  duplicateFootnote: 'BC242',
  catalogDuplicateId: 'BC250',
  catalogUnknownOwner: 'BC251',
  catalogDuplicateNumber: 'BC252',
  vocabularyDuplicate: 'BC253',
  definitionUnknownList: 'BC254',
  definitionPlaceholder: 'BC255',
  definitionWidths: 'BC256',
  definitionHeading: 'BC257',
  missingDepartment: 'BC260',
  citedValueMissing: 'BC270',
  comparisonLeftOut: 'BC271',
  staleMonthInText: 'BC272',
} as const;
