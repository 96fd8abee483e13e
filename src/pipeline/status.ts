import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Submission } from '../schema/submission.js';
import type { MonthCheck } from './month.js';

export interface DepartmentStatusRow {
  readonly id: string;
  readonly name: string;
  /** missing: no return, or only the carried-forward file of `baocao open`, still marked "review" */
  readonly status: 'submitted' | 'missing';
  /** the department's file exists but is still the unreviewed copy written by `baocao open` */
  readonly pendingReview: boolean;
  readonly file: string | null;
  /** ISO time of the file's last change */
  readonly lastModified: string | null;
  readonly errors: number;
  readonly warnings: number;
  /** narrative texts identical to last month's (carried forward and not yet rewritten) */
  readonly unchangedTexts: number;
}

/** every narrative text of a return: sections, model cells, difficulties */
export function textsOf(s: Submission | undefined): string[] {
  if (!s) return [];
  return [
    ...Object.values(s.sections ?? {}).flat(),
    ...Object.values(s.models ?? {}).flatMap((m) => [m.progress, m.results, m.difficulties, m.effectiveness, m.funding, m.continuation]),
    ...Object.values(s.services ?? {}).map((e) => e.difficulties),
  ].filter((t): t is string => typeof t === 'string' && t.trim() !== '');
}

async function modified(file: string): Promise<string | null> {
  try {
    return (await stat(resolve(file))).mtime.toISOString();
  } catch {
    return null;
  }
}

export async function departmentStatuses(r: MonthCheck): Promise<DepartmentStatusRow[]> {
  const ws = r.workspace;
  if (!ws) return [];
  // last month's returns, as checkMonth read them (none when the comparison is with the baseline)
  const before = r.previous?.submissions ?? [];
  return Promise.all(
    ws.catalog.departments.map(async (d): Promise<DepartmentStatusRow> => {
      const s = r.submissions.find((x) => x.submission.department === d.id);
      const p = r.pending.find((x) => x.submission.department === d.id);
      const file = s?.file ?? p?.file ?? null;
      const mine = file ? r.diagnostics.filter((x) => x.file === file && x.code !== 'BC260') : [];
      const old = new Set(textsOf(before.find((x) => x.department === d.id)));
      return {
        id: d.id,
        name: d.name,
        status: s ? 'submitted' : 'missing',
        pendingReview: !s && p !== undefined,
        file,
        lastModified: file ? await modified(file) : null,
        errors: mine.filter((x) => x.severity === 'error').length,
        warnings: mine.filter((x) => x.severity === 'warning').length,
        unchangedTexts: textsOf((s ?? p)?.submission).filter((t) => old.has(t)).length,
      };
    }),
  );
}
