import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RuleContext, Rule } from './context.js';
import { duplicateDepartment, monthMismatch, unknownDepartment } from './identity-rules.js';
import { duplicateClaim, notOwner, unknownItem } from './ownership-rules.js';
import { copiedForward, indicatorTotals, onlineExceedsTotal, partsSum, processedExceedsOnline } from './figure-rules.js';
import { asOfOutsidePeriod } from './date-rules.js';
import { footnotes } from './footnote-rules.js';
import { staleTexts } from './stale-texts.js';

/** Every cross-check, in the order their findings are listed. */
export const RULES: readonly Rule[] = [
  unknownDepartment,
  duplicateDepartment,
  monthMismatch,
  unknownItem,
  notOwner,
  duplicateClaim,
  onlineExceedsTotal,
  processedExceedsOnline,
  partsSum,
  indicatorTotals,
  asOfOutsidePeriod,
  copiedForward,
  staleTexts,
  footnotes,
];

export function runRules(ctx: RuleContext): Diagnostic[] {
  return RULES.flatMap((rule) => rule(ctx));
}
