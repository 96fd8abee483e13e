import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { MonthCheck } from './month.js';

export interface DepartmentStatusRow {
  readonly id: string;
  readonly name: string;
  readonly status: 'submitted' | 'missing';
  readonly file: string | null;
  /** ISO time of the file's last change */
  readonly lastModified: string | null;
  readonly errors: number;
  readonly warnings: number;
  /** narrative blocks identical to last month's (carried forward and not yet reviewed) */
  readonly unchangedTexts: number;
}

export async function departmentStatuses(r: MonthCheck, previousTexts: ReadonlyMap<string, ReadonlySet<string>> = new Map()): Promise<DepartmentStatusRow[]> {
  const departments = r.workspace?.catalog.departments ?? [];
  return Promise.all(
    departments.map(async (d) => {
      const s = r.submissions.find((x) => x.submission.department === d.id);
      const mine = s ? r.diagnostics.filter((x) => x.file === s.file) : [];
      let lastModified: string | null = null;
      if (s) {
        try {
          lastModified = (await stat(resolve(s.file))).mtime.toISOString();
        } catch {
          lastModified = null;
        }
      }
      const before = previousTexts.get(d.id);
      const texts = s ? Object.values(s.submission.sections ?? {}).flat() : [];
      return {
        id: d.id,
        name: d.name,
        status: s ? 'submitted' : 'missing',
        file: s?.file ?? null,
        lastModified,
        errors: mine.filter((x) => x.severity === 'error').length,
        warnings: mine.filter((x) => x.severity === 'warning').length,
        unchangedTexts: before ? texts.filter((t) => before.has(t)).length : 0,
      } satisfies DepartmentStatusRow;
    }),
  );
}
