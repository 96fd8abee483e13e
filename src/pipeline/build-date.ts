import type { ReportModel } from '../model/report-model.js';

/**
 * The date stamped into built documents, so that the same inputs give byte-identical files:
 * SOURCE_DATE_EPOCH when set (reproducible-builds.org), else the end of the reporting period at 00:00 UTC.
 */
export function buildDate(model: ReportModel, sourceDateEpoch: string | undefined): Date {
  if (sourceDateEpoch !== undefined && /^\d+$/.test(sourceDateEpoch.trim())) return new Date(Number(sourceDateEpoch.trim()) * 1000);
  const [y, m, d] = model.period.to.split('-').map(Number);
  return new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, d ?? 1));
}
