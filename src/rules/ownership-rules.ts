import { error } from '../diagnostics/diagnostic.js';
import { CODES } from '../diagnostics/codes.js';
import type { ItemKind, ServiceDef } from '../catalog/catalog.js';
import type { LoadedSubmission } from '../readers/submission.js';
import { at, type Rule, type RuleContext } from './context.js';
import { figureRows } from './figure-rules.js';

const KIND: Record<ItemKind, { key: 'services' | 'models' | 'indicators' | 'sections'; what: string; file: string }> = {
  service: { key: 'services', what: 'dịch vụ công', file: 'catalog/services-qd06.yaml, services-qd422.yaml' },
  model: { key: 'models', what: 'mô hình', file: 'catalog/models.yaml' },
  indicator: { key: 'indicators', what: 'chỉ tiêu', file: 'catalog/indicators.yaml' },
  section: { key: 'sections', what: 'mục báo cáo', file: 'catalog/sections.yaml' },
};

function ownerOf(ctx: RuleContext, kind: ItemKind, id: string): string | undefined {
  switch (kind) {
    case 'service':
      return ctx.index.service.get(id)?.owner;
    case 'model':
      return ctx.index.model.get(id)?.lead;
    case 'indicator':
      return ctx.index.indicator.get(id)?.owner;
    case 'section':
      return ctx.index.section.get(id)?.owner;
  }
}

function claims(s: LoadedSubmission, kind: ItemKind): string[] {
  return Object.keys(s.submission[KIND[kind].key] ?? {});
}

const KINDS: ItemKind[] = ['service', 'model', 'indicator', 'section'];

/** a catalog item's part ids, made once per item with many parts (a month may name thousands of items) */
const PART_IDS = new WeakMap<{ readonly parts: readonly { readonly id: string }[] }, Set<string>>();
/** up to this many parts are looked through: quicker than making and keeping a set for each of thousands of items */
const SCANNED_PARTS = 16;
function hasPart(def: { readonly parts: readonly { readonly id: string }[] }, part: string): boolean {
  const parts = def.parts;
  if (parts.length <= SCANNED_PARTS) {
    for (let i = 0; i < parts.length; i++) if (parts[i]!.id === part) return true;
    return false;
  }
  let ids = PART_IDS.get(def);
  if (!ids) {
    ids = new Set(parts.map((p) => p.id));
    PART_IDS.set(def, ids);
  }
  return ids.has(part);
}

/** Every service, model, indicator and section named in a return exists; parts exist under their row. */
export const unknownItem: Rule = (ctx) => {
  // the sub-rows as the figure rules walk them: each return's services, each row followed by its sub-rows'
  const rows = figureRows(ctx.submissions);
  let i = 0;
  return ctx.submissions.flatMap((s) => {
    const out = KINDS.flatMap((kind) =>
      claims(s, kind)
        .filter((id) => ownerOf(ctx, kind, id) === undefined)
        .map((id) => error(CODES.unknownItem, `${KIND[kind].what} "${id}" không có trong danh mục (${KIND[kind].file})`, at(s, [KIND[kind].key, id], true))),
    );
    let def: ServiceDef | undefined;
    for (; i < rows.length && rows[i]!.s === s; i++) {
      const { id, part } = rows[i]!;
      if (part === undefined) def = ctx.index.service.get(id);
      else if (def && !hasPart(def, part)) {
        const list = def.parts.length ? `các dòng con: ${def.parts.map((p) => p.id).join(', ')}` : 'dịch vụ này không có dòng con';
        out.push(error(CODES.unknownItem, `dòng con "${part}" không thuộc dịch vụ "${id}" (${list})`, at(s, ['services', id, 'parts', part], true)));
      }
    }
    for (const [id, entry] of Object.entries(s.submission.indicators ?? {})) {
      const def = ctx.index.indicator.get(id);
      if (!def) continue;
      for (const part of Object.keys(entry.parts ?? {})) {
        if (!hasPart(def, part)) {
          out.push(error(CODES.unknownItem, `thành phần "${part}" không thuộc chỉ tiêu "${id}"`, at(s, ['indicators', id, 'parts', part], true)));
        }
      }
    }
    return out;
  });
};

/** A department reports only the rows it owns. */
export const notOwner: Rule = (ctx) =>
  ctx.submissions.flatMap((s) =>
    KINDS.flatMap((kind) =>
      claims(s, kind).flatMap((id) => {
        const owner = ownerOf(ctx, kind, id);
        if (owner === undefined || owner === s.submission.department) return [];
        const name = ctx.index.department.get(owner)?.name ?? owner;
        return [error(CODES.notOwner, `${KIND[kind].what} "${id}" do ${name} (${owner}) phụ trách, không phải đơn vị "${s.submission.department}"`, at(s, [KIND[kind].key, id], true))];
      }),
    ),
  );

/** No row is claimed by two returns. */
export const duplicateClaim: Rule = (ctx) => {
  const first = new Map<string, string>();
  return ctx.submissions.flatMap((s) =>
    KINDS.flatMap((kind) =>
      claims(s, kind).flatMap((id) => {
        const key = `${kind}:${id}`;
        const seen = first.get(key);
        if (seen === undefined) {
          first.set(key, s.file);
          return [];
        }
        return [error(CODES.duplicateClaim, `${KIND[kind].what} "${id}" đã có trong ${seen}`, at(s, [KIND[kind].key, id], true))];
      }),
    ),
  );
};
