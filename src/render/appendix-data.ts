import type { HeadingCell } from '../model/appendix.js';
import type { Indicator, ModelTable, ReportModel, ServiceTable } from '../model/report-model.js';

/** What the .docx and the .xlsx renderers both read of an appendix beyond its spec: its rows and its heading lines. */

/** The service list a table names (the definition's checks made sure it exists). */
export function serviceList(model: ReportModel, id: string): ServiceTable {
  const found = [model.qd06, model.qd422].find((t) => t.id === id);
  if (!found) throw new Error(`no service list "${id}" in the model`);
  return found;
}

/** The model list a table names: "models" */
export function modelList(model: ReportModel, id: string): ModelTable {
  if (id !== 'models') throw new Error(`no model list "${id}" in the model`);
  return model.models;
}

/** The indicators a table names: "indicators", in the catalog's order */
export function indicatorList(model: ReportModel, id: string): readonly Indicator[] {
  if (id !== 'indicators') throw new Error(`no indicator list "${id}" in the model`);
  return Object.values(model.indicators);
}

/** A heading cell's lines: the template's (first the heading, then a note), or its text. */
export function headingLines(cell: HeadingCell, templated: Readonly<Record<string, readonly string[]>>): readonly string[] {
  return cell.template ? (templated[cell.template] ?? []) : [cell.text];
}
