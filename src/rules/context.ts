import type { Catalog, CatalogIndex } from '../catalog/catalog.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ReportingPeriod } from '../model/report-model.js';
import type { LoadedSubmission } from '../readers/submission.js';
import type { Path } from '../readers/yaml.js';
import type { PreviousValues } from '../workspace/month.js';

export interface RuleContext {
  readonly month: string;
  readonly period: ReportingPeriod;
  readonly catalog: Catalog;
  readonly index: CatalogIndex;
  readonly submissions: readonly LoadedSubmission[];
  readonly previous: PreviousValues | null;
}

/** A named cross-check: takes the month's data, returns what is wrong with it. */
export type Rule = (ctx: RuleContext) => Diagnostic[];

/** file, path and line/column (or sheet/cell) of a value in a submission */
export function at(s: LoadedSubmission, path: Path, key = false) {
  return { file: s.file, path, ...s.locator.at(path, key) };
}
