import type { IndicatorDef } from '../catalog/catalog.js';
import type { Indicator } from '../model/report-model.js';
import { formatFraction, rate } from '../format/number.js';
import type { IndicatorEntryOut } from '../schema/submission.js';
import { monthOverMonth } from './delta.js';

export interface ReportedIndicator {
  readonly entry: IndicatorEntryOut;
  readonly department: string;
}

/** value, or the sum of the parts when only parts were given */
function valueOf(e: IndicatorEntryOut | undefined, def: IndicatorDef): number | null {
  if (!e) return null;
  if (e.value != null) return e.value;
  const parts = def.parts.map((p) => e.parts?.[p.id] ?? null);
  if (parts.length === 0 || parts.some((p) => p === null)) return null;
  return parts.reduce<number>((a, b) => a + (b ?? 0), 0);
}

export function indicator(
  def: IndicatorDef,
  reported: ReportedIndicator | undefined,
  previous: IndicatorEntryOut | undefined,
  previousMonth: string | null,
  /** the date a reported figure is as of when its entry does not say */
  defaultAsOf: string | null = null,
): Indicator {
  const e = reported?.entry;
  const value = valueOf(e, def);
  const total = e?.total ?? null;
  const r = rate(value, total);
  const remaining = value !== null && total !== null ? total - value : null;
  const rr = rate(remaining, total);
  return {
    id: def.id,
    name: def.name,
    unit: def.unit,
    owner: def.owner,
    value,
    total,
    rate: r,
    rateText: formatFraction(r),
    remaining,
    remainingRate: rr,
    remainingRateText: formatFraction(rr),
    asOf: e?.asOf ?? (value !== null ? defaultAsOf : null),
    from: e?.from ?? null,
    parts: Object.fromEntries(
      def.parts.map((p) => [
        p.id,
        { id: p.id, name: p.name, value: e?.parts?.[p.id] ?? null, delta: monthOverMonth(e?.parts?.[p.id], previous?.parts?.[p.id], previousMonth) },
      ]),
    ),
    delta: monthOverMonth(value, previous ? valueOf(previous, def) : null, previousMonth),
    reportedBy: reported?.department ?? null,
  };
}
