import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { CODES } from '../diagnostics/codes.js';
import type { Catalog } from '../catalog/catalog.js';
import { placeholdersOf } from '../format/label.js';
import type { Locator } from '../readers/validate-shape.js';
import type { Path } from '../readers/yaml-types.js';
import type { AppendicesFileOut, AppendixTableOut } from '../schema/definition.js';
import { PROGRESS_COUNTS } from '../schema/vocabularies.js';
// the page's text widths are constants of the Nghị định 30 layout, pure numbers (no docx)
import { LANDSCAPE_TEXT_WIDTH, PORTRAIT_TEXT_WIDTH } from '../render/docx/geometry.js';

/** The list ids each table kind may name, from the catalog: the service lists by their id, "models". */
function listsOf(catalog: Catalog): Record<AppendixTableOut['kind'], readonly string[]> {
  const models = ['models'];
  return { services: [catalog.qd06.id, catalog.qd422.id], models, tally: models, indicators: ['indicators'] };
}

/** The placeholders each label may use */
const PLACEHOLDERS = {
  workbookTitle: ['month'],
  services: { groupLabel: ['id', 'title', 'count'] },
  models: { groupLabel: ['id', 'title', 'count'], rowLabel: ['number', 'id'], progressLabel: [] },
  tally: { totalLabel: ['all', ...PROGRESS_COUNTS] },
  indicators: {},
} as const;

/**
 * What the schema of data/report/appendices.yaml cannot tell: a table's list exists for its kind, labels use only
 * their placeholders, every column has a heading, at most one column of a table leaves its width out, and the
 * widths given leave room for it.
 */
export function checkDefinition(def: AppendicesFileOut, loc: Locator, catalog: Catalog): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (path: Path) => ({ file: loc.file, path, ...loc.at(path) });
  const placeholders = (label: string, allowed: readonly string[], path: Path) => {
    for (const name of placeholdersOf(label)) {
      if (!allowed.includes(name)) {
        const known = allowed.length ? allowed.map((a) => `{${a}}`).join(', ') : 'không có';
        out.push(error(CODES.definitionPlaceholder, `"{${name}}" không dùng được ở đây (dùng được: ${known})`, at(path)));
      }
    }
  };
  placeholders(def.workbookTitle, PLACEHOLDERS.workbookTitle, ['workbookTitle']);
  const lists = listsOf(catalog);
  def.appendices.forEach((a, ai) => {
    const base: Path = ['appendices', ai, 'table'];
    const t = a.table;
    if (!lists[t.kind].includes(t.list)) {
      out.push(error(CODES.definitionUnknownList, `bảng loại "${t.kind}" không có danh sách "${t.list}" (có: ${lists[t.kind].join(', ')})`, at([...base, 'list'])));
    }
    const labels = PLACEHOLDERS[t.kind] as Readonly<Record<string, readonly string[]>>;
    for (const [key, allowed] of Object.entries(labels)) {
      const label = (t as unknown as Record<string, unknown>)[key];
      if (typeof label === 'string') placeholders(label, allowed, [...base, key]);
    }
    const leaves: { path: Path; width: number | undefined; heading: boolean }[] = [];
    t.columns.forEach((c, ci) => {
      if ('field' in c) leaves.push({ path: [...base, 'columns', ci], width: c.width, heading: c.heading !== undefined || c.headingTemplate !== undefined });
      else c.columns.forEach((l, li) => leaves.push({ path: [...base, 'columns', ci, 'columns', li], width: l.width, heading: l.heading !== undefined || l.headingTemplate !== undefined }));
    });
    for (const l of leaves.filter((l) => !l.heading)) out.push(error(CODES.definitionHeading, 'cột cần tiêu đề: "heading" hoặc "headingTemplate"', at(l.path)));
    const open = leaves.filter((l) => l.width === undefined);
    for (const l of open.slice(1)) out.push(error(CODES.definitionWidths, 'chỉ một cột của bảng được bỏ trống "width" (cột đó lấy phần còn lại của bề rộng trang)', at(l.path)));
    const room = a.orientation === 'landscape' ? LANDSCAPE_TEXT_WIDTH : PORTRAIT_TEXT_WIDTH;
    const used = leaves.reduce((sum, l) => sum + (l.width ?? 0), 0);
    if (used > room || (used === room && open.length > 0) || (used < room && open.length === 0)) {
      out.push(
        error(
          CODES.definitionWidths,
          `các cột rộng ${used} twip trong khi trang ${a.orientation === 'landscape' ? 'ngang' : 'dọc'} có ${room} twip: ${open.length ? 'cột bỏ trống "width" không còn chỗ' : `hãy bỏ trống "width" của một cột, hoặc cộng lại đúng ${room}`}`,
          at([...base, 'columns']),
        ),
      );
    }
  });
  return out;
}
