import { allModels, allServices, ownedBy, type Catalog } from '../catalog/catalog.js';
import { printedLabel } from '../schema/labels.js';
import type { Submission } from '../schema/submission.js';
import type { AsWritten } from '../schema/as-written.js';
import { formatDateShort } from '../format/date.js';

type Obj = { [key: string]: AsWritten };

/**
 * A department's return for a new month, as written: every row it owns, in catalog order, with last month's
 * texts and statuses carried forward for review and every figure emptied.
 */
export function carryForward(catalog: Catalog, department: string, month: string, previous: Submission | undefined): Obj {
  const owned = ownedBy(catalog, department);
  const { connection, progress } = catalog.vocabularies.labels;
  const out: Obj = { department, month, review: reviewNote(previous ? month : null) };
  const services: Obj = {};
  for (const def of allServices(catalog).filter((s) => owned.service.includes(s.id))) {
    const prev = previous?.services?.[def.id];
    const row: Obj = {
      connection: printedLabel(connection, prev?.connection),
      total: '',
      online: '',
      onTime: '',
      overdue: '',
      difficulties: prev?.difficulties ?? '',
    };
    if (def.parts.length) {
      row.parts = Object.fromEntries(
        def.parts.map((p) => {
          const pp = prev?.parts?.[p.id];
          return [p.id, { connection: printedLabel(connection, pp?.connection), total: '', online: '', onTime: '', overdue: '' }];
        }),
      );
    }
    services[def.id] = row;
  }
  if (Object.keys(services).length) out.services = services;

  const indicators: Obj = {};
  for (const def of catalog.indicators.filter((i) => i.owner === department)) {
    const prev = previous?.indicators?.[def.id];
    const row: Obj = { value: '' };
    if (def.withTotal) row.total = '';
    row.asOf = '';
    if (prev?.from) row.from = formatDateShort(prev.from);
    if (def.parts.length) row.parts = Object.fromEntries(def.parts.map((p) => [p.id, '']));
    indicators[def.id] = row;
  }
  if (Object.keys(indicators).length) out.indicators = indicators;

  const models: Obj = {};
  for (const def of allModels(catalog).filter((m) => m.lead === department)) {
    const prev = previous?.models?.[def.id];
    models[def.id] = {
      status: printedLabel(progress, prev?.status),
      progress: prev?.progress ?? '',
      results: prev?.results ?? '',
      difficulties: prev?.difficulties ?? '',
      effectiveness: prev?.effectiveness ?? '',
      funding: prev?.funding ?? '',
      continuation: prev?.continuation ?? '',
    };
  }
  if (Object.keys(models).length) out.models = models;

  const sections: Obj = {};
  for (const def of catalog.sections.filter((s) => s.owner === department)) sections[def.id] = [...(previous?.sections?.[def.id] ?? [])];
  if (Object.keys(sections).length) out.sections = sections;
  if (previous?.footnotes && Object.keys(previous.footnotes).length) out.footnotes = { ...previous.footnotes };
  return out;
}

/** The line `baocao open` writes; the department deletes it when its return is complete. */
export function reviewNote(carriedFrom: string | null): string {
  return carriedFrom
    ? 'Bản chép từ tháng trước, chưa gửi. Điền số liệu, xem lại lời văn, rồi xóa dòng "review" này.'
    : 'Bản mẫu, chưa gửi. Điền số liệu và lời văn, rồi xóa dòng "review" này.';
}
