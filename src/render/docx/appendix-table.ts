import type { Table } from 'docx';
import type { Appendix } from '../../model/appendix.js';
import type { ReportModel } from '../../model/report-model.js';
import { indicatorList, modelList, serviceList } from '../appendix-data.js';
import { indicatorsTable } from './indicators-table.js';
import { fillWidths, LANDSCAPE_TEXT_WIDTH, PORTRAIT_TEXT_WIDTH } from './geometry.js';
import { modelTable } from './models-table.js';
import { serviceTable } from './services-table.js';
import { tallyTable } from './tally-table.js';

/** The columns' widths in twips: as the definition gives them, the one left open taking the rest of the text width. */
export function appendixWidths(a: Appendix): number[] {
  const room = a.orientation === 'landscape' ? LANDSCAPE_TEXT_WIDTH : PORTRAIT_TEXT_WIDTH;
  const open = a.table.columns.findIndex((c) => c.width === null);
  if (open < 0) return a.table.columns.map((c) => c.width!);
  const fixed = a.table.columns.filter((c) => c.width !== null).map((c) => c.width!);
  const filled = fillWidths(room, fixed);
  const rest = filled.pop()!;
  return [...filled.slice(0, open), rest, ...filled.slice(open)];
}

/** An appendix's table, of the kind its definition names. */
export function appendixTable(model: ReportModel, a: Appendix, templated: Readonly<Record<string, readonly string[]>>): Table {
  const t = a.table;
  switch (t.kind) {
    case 'services':
      return serviceTable(t, serviceList(model, t.list), appendixWidths(a), templated);
    case 'models':
      return modelTable(t, modelList(model, t.list), appendixWidths(a), templated);
    case 'tally':
      return tallyTable(t, appendixWidths(a), templated);
    case 'indicators':
      return indicatorsTable(t, indicatorList(model, t.list), appendixWidths(a), templated);
  }
}
