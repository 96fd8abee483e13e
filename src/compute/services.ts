import type { ServiceCatalog, Vocabulary } from '../catalog/catalog.js';
import type { ConnectionCount } from '../schema/vocabularies.js';
import { printedLabel } from '../schema/labels.js';
import type { ServiceFigures, ServiceRow, ServiceTable } from '../model/report-model.js';
import { formatRate, rate } from '../format/number.js';
import type { ServiceEntryOut } from '../schema/submission.js';
import { monthOverMonth } from './delta.js';

type Figures = Omit<ServiceEntryOut, 'parts'>;

export interface ReportedService {
  readonly entry: ServiceEntryOut;
  readonly department: string;
}

function figures(e: Figures | undefined, statuses: Vocabulary<ConnectionCount>): ServiceFigures {
  const total = e?.total ?? null;
  const online = e?.online ?? null;
  const connection = e?.connection ?? null;
  return {
    connection,
    connectionLabel: printedLabel(statuses.labels, connection),
    total,
    online,
    rate: rate(online, total),
    rateText: formatRate(online, total),
    onTime: e?.onTime ?? null,
    overdue: e?.overdue ?? null,
    difficulties: e?.difficulties ?? '',
  };
}

/** Phụ lục I or II: catalog rows filled with the reported figures, rates computed, counts over the table. */
export function serviceTable(
  cat: ServiceCatalog,
  reported: ReadonlyMap<string, ReportedService>,
  previous: Readonly<Record<string, ServiceEntryOut>> | null,
  previousMonth: string | null,
  statuses: Vocabulary<ConnectionCount>,
): ServiceTable {
  const counted = new Map(statuses.terms.map((t) => [t.id, t.counts]));
  const connected = (s: string | null) => s !== null && counted.get(s) === 'connected';
  const groups = cat.groups.map((g) => ({
    id: g.id,
    title: g.title,
    rows: g.services.map((def): ServiceRow => {
      const r = reported.get(def.id);
      const own = figures(r?.entry, statuses);
      const parts = def.parts.map((p) => ({ id: p.id, name: p.name, ...figures(r?.entry.parts?.[p.id], statuses) }));
      const isConnected = connected(own.connection) || (parts.length > 0 && parts.every((p) => connected(p.connection)));
      const prev = previous?.[def.id];
      return {
        id: def.id,
        stt: def.stt,
        name: def.name,
        owner: def.owner,
        ...own,
        parts,
        counted: { connected: isConnected },
        delta: {
          total: monthOverMonth(sumWithParts(own.total, parts.map((p) => p.total)), sumWithParts(prev?.total ?? null, Object.values(prev?.parts ?? {}).map((p) => p.total ?? null)), previousMonth),
          online: monthOverMonth(sumWithParts(own.online, parts.map((p) => p.online)), sumWithParts(prev?.online ?? null, Object.values(prev?.parts ?? {}).map((p) => p.online ?? null)), previousMonth),
        },
        reportedBy: r?.department ?? null,
      };
    }),
  }));
  const rows = groups.flatMap((g) => g.rows);
  const total = rows.reduce((a, r) => a + (sumWithParts(r.total, r.parts.map((p) => p.total)) ?? 0), 0);
  const online = rows.reduce((a, r) => a + (sumWithParts(r.online, r.parts.map((p) => p.online)) ?? 0), 0);
  const connectedRows = rows.filter((r) => r.counted.connected).length;
  return {
    id: cat.id,
    groups,
    counts: {
      services: rows.length,
      connected: connectedRows,
      notConnected: rows.length - connectedRows,
      withApplications: rows.filter((r) => (sumWithParts(r.total, r.parts.map((p) => p.total)) ?? 0) > 0).length,
      total,
      online,
      rate: rate(online, total),
      rateText: formatRate(online, total),
    },
  };
}

/** a row's own figure, or the sum of its parts when it has none of its own */
function sumWithParts(own: number | null, parts: readonly (number | null)[]): number | null {
  if (own !== null) return own;
  const known = parts.filter((p): p is number => p !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
}
