import { join } from 'node:path';
import { error, warning, type Diagnostic, type Location } from '../diagnostics/diagnostic.js';
import { CODES } from '../diagnostics/codes.js';
import { formatMonth } from '../format/date.js';
import type { ReportModel } from '../model/report-model.js';
import type { Path } from '../readers/yaml.js';
import { describePath } from '../render/template/citations.js';
import type { Citations } from '../render/template/report-texts.js';
import type { MonthCheck } from './month.js';

/**
 * The values the report's templates cite and the month does not have, as located diagnostics: at the
 * department's file and line (or form cell) where the value belongs, with the sentence that needs it and the
 * template's line. A final build refuses them (errors); a draft lists them on its problems page. A value whose
 * department has not sent its return is not repeated here: the missing return says it (BC260).
 */
export function citationDiagnostics(check: MonthCheck, model: ReportModel, citations: Citations): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const g of citations.gaps) {
    if (g.kind === 'no-return' || derivedOfMissing(model, g.path)) continue;
    const { label } = describePath(model, g.path);
    const at = locate(check, g.owner, g.path);
    const sentence = g.sentence ? `; câu: «${g.sentence}»` : '';
    const message = `báo cáo cần "${label}" nhưng giá trị để trống${sentence} (${g.template}:${g.line})`;
    const key = `${at.file}|${at.line ?? at.cell ?? ''}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(error(CODES.citedValueMissing, message, at));
  }
  for (const m of citations.missedComparisons) {
    const { label } = describePath(model, `${m.path}.value`);
    const month = m.previousMonth ? `tháng ${formatMonth(m.previousMonth)}` : 'tháng trước';
    out.push(
      warning(CODES.comparisonLeftOut, `${month} không có số liệu "${label}": câu của báo cáo in số tháng này, không có phần so sánh với ${month} (${m.template}:${m.line})`, locate(check, m.owner, `${m.path}.value`)),
    );
  }
  return out;
}

/** A rate or remainder that is missing because its value or total is: the value's own diagnostic says it. */
function derivedOfMissing(model: ReportModel, path: string): boolean {
  const [root, id, field] = path.split('.');
  if (root !== 'indicators' || id === undefined || !Object.hasOwn(model.indicators, id)) return false;
  if (field !== 'rate' && field !== 'remaining' && field !== 'remainingRate') return false;
  const ind = model.indicators[id]!;
  return ind.value === null || ind.total === null;
}

/** The place in the department's return where the value belongs: its key, else the nearest one written. */
function locate(check: MonthCheck, owner: string | null, templatePath: string): Location {
  const sub = owner === null ? undefined : check.submissions.find((s) => s.submission.department === owner);
  if (!sub) return { file: check.workspace ? join(check.workspace.shown, check.month) : check.month };
  const path = documentPath(templatePath);
  return { file: sub.file, path, ...sub.locator.at(path, true) };
}

/** "indicators.x.parts.p.value" → ["indicators", "x", "parts", "p"]; derived fields locate their indicator. */
function documentPath(templatePath: string): Path {
  const [root, id, field, part] = templatePath.split('.');
  if (root === 'indicators' && id) {
    if (field === 'parts' && part) return ['indicators', id, 'parts', part];
    if (field === 'value' || field === 'total' || field === 'asOf' || field === 'from') return ['indicators', id, field];
    return ['indicators', id];
  }
  if (root === 'sections' && id) return ['sections', id];
  return templatePath.split('.');
}
