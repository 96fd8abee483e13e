import { ownedBy } from '../catalog/catalog.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatMonth } from '../format/date.js';
import { COLUMNS, FORM_MARKER, FORM_VERSION, META_SHEET, NAMES, SHEET_TITLE, type SheetKind } from './form-layout.js';
import type { FormContext, FormInput } from './form-context.js';
import { writeIndicatorsSheet, writeModelsSheet, writeServicesSheet } from './form-sheets.js';
import { writeFootnotesSheet, writeGeneralSheet, writeSectionsSheet } from './form-text-sheets.js';
import { SheetBuilder, fitRowHeights, type SheetSpec, type WorkbookSpec } from './workbook-spec.js';

export type { FormInput } from './form-context.js';

/**
 * A department's form as a workbook spec (pure): an instructions sheet with the general fields, a sheet each
 * for its services, indicators, models, narrative sections and footnotes, and a very hidden sheet holding the
 * form's identity (department, month, version) and the dropdown lists, also reachable by defined names.
 */

function metaSheet(input: FormInput): SheetSpec {
  const b = new SheetBuilder();
  const rows: [string, string][] = [
    [FORM_MARKER, FORM_VERSION],
    ['department', input.department.id],
    ['month', input.month],
    ['filled', input.current ? 'yes' : 'no'],
  ];
  rows.forEach(([k, v], i) => {
    b.set(i + 1, 1, k);
    b.set(i + 1, 2, v);
  });
  // the drop-down lists: the vocabularies' wordings, in their order
  const { connection, progress } = input.catalog.vocabularies;
  connection.terms.forEach((t, i) => b.set(i + 1, 4, t.label));
  progress.terms.forEach((t, i) => b.set(i + 1, 5, t.label));
  return { name: META_SHEET, state: 'veryHidden', cells: b.cells };
}

const WRITERS: Record<SheetKind, (b: SheetBuilder, ctx: FormContext, kinds: readonly SheetKind[]) => Partial<SheetSpec>> = {
  general: writeGeneralSheet,
  services: writeServicesSheet,
  indicators: writeIndicatorsSheet,
  models: writeModelsSheet,
  sections: writeSectionsSheet,
  footnotes: writeFootnotesSheet,
};

/** Which sheets a department's form has. */
export function formSheets(ctx: Pick<FormContext, 'owned' | 'texts'>): SheetKind[] {
  const kinds: SheetKind[] = ['general'];
  if (ctx.owned.service.length) kinds.push('services');
  if (ctx.owned.indicator.length) kinds.push('indicators');
  if (ctx.owned.model.length) kinds.push('models');
  if (ctx.owned.section.length) kinds.push('sections');
  if (ctx.owned.section.length || Object.keys(ctx.texts?.footnotes ?? {}).length) kinds.push('footnotes');
  return kinds;
}

/** `file` names the form in messages. Problems: texts too long for a cell. */
export function buildFormSpec(input: FormInput, file: string): { spec: WorkbookSpec; diagnostics: Diagnostic[] } {
  const ctx: FormContext = {
    ...input,
    // the return filled in (--filled) is the one whose texts the form shows
    ...(input.texts ?? input.current ? { texts: input.texts ?? input.current } : {}),
    owned: ownedBy(input.catalog, input.department.id),
    labels: { current: `Tháng ${formatMonth(input.month)}`, previous: input.previous ? `Tháng ${formatMonth(input.previous.month)}` : 'Tháng trước' },
    lists: {
      connection: `'${META_SHEET}'!$D$1:$D$${input.catalog.vocabularies.connection.terms.length}`,
      progress: `'${META_SHEET}'!$E$1:$E$${input.catalog.vocabularies.progress.terms.length}`,
    },
    problems: [],
    file,
  };
  const kinds = formSheets(ctx);
  const sheets: SheetSpec[] = kinds.map((kind) => {
    const b = new SheetBuilder();
    const extra = WRITERS[kind](b, ctx, kinds);
    const sheet: SheetSpec = {
      name: SHEET_TITLE[kind],
      cells: b.cells,
      rows: b.rows,
      merges: b.merges,
      validations: b.validations,
      columns: COLUMNS[kind].map((c) => ({ width: c.width, hidden: c.role === 'key' || c.role === 'present' })),
      protect: { insertRows: kind === 'sections' || kind === 'footnotes' },
      print: { landscape: kind !== 'general', fitToWidth: true, ...(kind === 'general' ? {} : { titleRows: '4:5' }) },
      defaultFont: { name: 'Times New Roman', size: 11 },
      ...extra,
    };
    return { ...sheet, rows: fitRowHeights(sheet) };
  });
  sheets.push(metaSheet(input));
  return {
    spec: {
      sheets,
      creator: 'baocao',
      date: input.date,
      title: `Biểu mẫu báo cáo Đề án 06 tháng ${formatMonth(input.month)} — ${input.department.name}`,
      definedNames: [
        { name: NAMES.form, ref: `'${META_SHEET}'!$A$1` },
        { name: NAMES.version, ref: `'${META_SHEET}'!$B$1` },
        { name: NAMES.department, ref: `'${META_SHEET}'!$B$2` },
        { name: NAMES.month, ref: `'${META_SHEET}'!$B$3` },
      ],
    },
    diagnostics: ctx.problems,
  };
}
