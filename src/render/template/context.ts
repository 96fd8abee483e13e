import type { ReportModel } from '../../model/report-model.js';

/**
 * What templates see: the report model as it is, plus `derived`, the few figures the printed wording needs
 * that the model does not carry. Templates do no arithmetic (design.md), so these are worked out here.
 */
export interface TemplateContext extends ReportModel {
  readonly derived: {
    /** QĐ 422 services handled at ministry level, not locally: the "06" of "còn lại 06 DVC ở cấp Bộ" */
    readonly qd422MinistryLevel: number;
  };
}

export function templateContext(model: ReportModel): TemplateContext {
  return {
    ...model,
    derived: { qd422MinistryLevel: Math.max(0, model.qd422.nationalTotal - model.qd422.counts.services) },
  };
}
