import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { CODES } from '../diagnostics/codes.js';
import type { CatalogFiles } from '../catalog/catalog.js';
import type { Locator } from '../readers/validate-shape.js';
import type { Path } from '../readers/yaml.js';
import { foldLabel } from '../schema/labels.js';

/**
 * An id declared somewhere in the catalogs, with where it was declared and who owns it: the path is `base`, then
 * `index`, then for a part "parts" and `part` (a national catalog declares tens of thousands of ids: a path is
 * made only for a finding).
 */
interface Declared {
  readonly id: string;
  readonly owner?: string;
  readonly file: keyof CatalogFiles;
  readonly base: Path;
  readonly index: number;
  /** index of the part, or -1 */
  readonly part: number;
}

function pathOf(d: Declared): Path {
  return d.part < 0 ? [...d.base, d.index] : [...d.base, d.index, 'parts', d.part];
}

function declarations(files: CatalogFiles): Declared[] {
  const out: Declared[] = [];
  for (const key of ['qd06', 'qd422'] as const) {
    const f = files[key];
    const lists: [Path, NonNullable<typeof f.services>][] = f.groups
      ? f.groups.map((g, gi) => [['groups', gi, 'services'], g.services])
      : [[['services'], f.services ?? []]];
    for (const [base, services] of lists) {
      for (let si = 0; si < services.length; si++) {
        const s = services[si]!;
        out.push({ id: s.id, owner: s.owner, file: key, base, index: si, part: -1 });
        const parts = s.parts ?? [];
        for (let pi = 0; pi < parts.length; pi++) out.push({ id: parts[pi]!.id, owner: undefined, file: key, base, index: si, part: pi });
      }
    }
  }
  files.models.groups.forEach((g, gi) => g.models.forEach((m, mi) => out.push({ id: m.id, owner: m.lead, file: 'models', base: ['groups', gi, 'models'], index: mi, part: -1 })));
  files.indicators.indicators.forEach((i, ii) => out.push({ id: i.id, owner: i.owner, file: 'indicators', base: ['indicators'], index: ii, part: -1 }));
  files.sections.sections.forEach((s, si) => out.push({ id: s.id, owner: s.owner, file: 'sections', base: ['sections'], index: si, part: -1 }));
  return out;
}

/** Ids are unique across all catalogs; every owner is a known department; the secretariat exists. */
export function checkCatalog(
  files: CatalogFiles,
  locators: Record<keyof CatalogFiles, Locator>,
  secretariat: string,
  settingsLocator: Locator,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const at = (d: Declared, field: string) => {
    const loc = locators[d.file];
    const path = [...pathOf(d), field];
    return { file: loc.file, path, ...loc.at(path) };
  };
  const departments = new Set<string>();
  files.departments.departments.forEach((d, i) => {
    if (departments.has(d.id)) {
      const loc = locators.departments;
      const path = ['departments', i, 'id'];
      diagnostics.push(error(CODES.catalogDuplicateId, `mã đơn vị "${d.id}" bị khai báo hai lần`, { file: loc.file, path, ...loc.at(path) }));
    }
    departments.add(d.id);
  });
  const seen = new Map<string, Declared>();
  for (const d of declarations(files)) {
    const first = seen.get(d.id);
    if (first) {
      diagnostics.push(error(CODES.catalogDuplicateId, `mã "${d.id}" đã được dùng trong ${locators[first.file].file}`, at(d, 'id')));
    } else {
      seen.set(d.id, d);
    }
    if (d.owner !== undefined && !departments.has(d.owner)) {
      const field = d.file === 'models' ? 'lead' : 'owner';
      diagnostics.push(error(CODES.catalogUnknownOwner, `đơn vị "${d.owner}" không có trong catalog/departments.yaml`, at(d, field)));
    }
  }
  // "Mô hình 6" names one model: a number given twice would print two rows of that name
  const numbers = new Map<number, string>();
  files.models.groups.forEach((g, gi) =>
    g.models.forEach((m, mi) => {
      const first = numbers.get(m.number);
      if (first === undefined) numbers.set(m.number, m.id);
      else {
        const path = ['groups', gi, 'models', mi, 'number'];
        diagnostics.push(error(CODES.catalogDuplicateNumber, `số mô hình ${m.number} đã là số của mô hình "${first}": mỗi mô hình một số riêng`, { file: locators.models.file, path, ...locators.models.at(path) }));
      }
    }),
  );
  vocabularyDuplicates(files, locators, diagnostics);
  if (!departments.has(secretariat)) {
    diagnostics.push(
      error(CODES.catalogUnknownOwner, `đơn vị thường trực "${secretariat}" không có trong catalog/departments.yaml`, {
        file: settingsLocator.file,
        ...settingsLocator.at(['secretariat']),
      }),
    );
  }
  return diagnostics;
}

/** A status's id or wording that, folded as returns may write it (case, diacritics aside), names another status too. */
function vocabularyDuplicates(files: CatalogFiles, locators: Record<keyof CatalogFiles, Locator>, out: Diagnostic[]): void {
  const loc = locators.vocabularies;
  for (const key of ['connection', 'progress'] as const) {
    const seen = new Map<string, string>();
    files.vocabularies[key].forEach((t, i) => {
      for (const field of ['id', 'label'] as const) {
        const folded = foldLabel(t[field]);
        const first = seen.get(folded);
        if (first === undefined) seen.set(folded, t.id);
        else if (first !== t.id || field === 'id') {
          const path = [key, i, field];
          out.push(error(CODES.vocabularyDuplicate, `"${t[field]}" trùng với trạng thái "${first}" (không kể hoa thường, dấu): một báo cáo ghi như vậy không rõ là trạng thái nào`, { file: loc.file, path, ...loc.at(path) }));
        }
      }
    });
  }
}
