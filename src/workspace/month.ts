import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { CODES } from '../diagnostics/codes.js';
import { readSubmission, submissionKind, type LoadedSubmission } from '../readers/submission.js';
import { submissionSchemas, type IndicatorEntryOut, type ServiceEntryOut, type Submission } from '../schema/submission.js';
import { previousMonth } from '../compute/period.js';
import type { Workspace } from './load.js';
import type { Path } from '../readers/yaml.js';
import { loadYamlFile } from './load.js';

const MONTH_DIR = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Month folders of the workspace, oldest first. */
export async function listMonths(ws: Workspace): Promise<string[]> {
  const entries = await readdir(ws.dir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory() && MONTH_DIR.test(e.name)).map((e) => e.name).sort();
}

export interface MonthData {
  readonly month: string;
  readonly exists: boolean;
  readonly submissions: readonly LoadedSubmission[];
  /** what of each return with problems still validates, and the paths left out: the cross-checks run on it too */
  readonly partials?: readonly { readonly loaded: LoadedSubmission; readonly dropped: readonly Path[] }[];
  /** every file considered, as shown in messages */
  readonly files: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

/** `onFile` is told of each file once it is read (for progress on a terminal). */
export async function readMonth(ws: Workspace, month: string, onFile?: (shown: string, done: number, total: number) => void): Promise<MonthData> {
  const dir = join(ws.dir, month);
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort();
  } catch {
    return {
      month,
      exists: false,
      submissions: [],
      files: [],
      diagnostics: [error(CODES.monthMissing, `chưa có thư mục tháng ${month} trong "${ws.shown}" (tạo bằng "baocao open --month ${month}")`, { file: join(ws.shown, month) })],
    };
  }
  const wanted = names.filter((n) => submissionKind(n) !== 'ignore');
  let done = 0;
  const results = await Promise.all(
    wanted.map(async (n) => {
      const r = await readSubmission(join(dir, n), join(ws.shown, month, n), ws.catalog);
      onFile?.(n, ++done, wanted.length);
      return r;
    }),
  );
  const submissions = results.flatMap((r) => (r.submission ? [r.submission] : []));
  const partials = results.flatMap((r) => (r.partial ? [r.partial] : []));
  return {
    month,
    exists: true,
    submissions,
    partials,
    files: wanted.map((n) => join(ws.shown, month, n)),
    diagnostics: results.flatMap((r) => r.diagnostics),
  };
}

/** Last month's figures, from its folder or, for a workspace's first month, from baseline.yaml. */
export interface PreviousValues {
  readonly month: string;
  readonly source: 'month' | 'baseline';
  readonly services: Readonly<Record<string, ServiceEntryOut>>;
  readonly indicators: Readonly<Record<string, IndicatorEntryOut>>;
  /** the previous month's returns as read (none when the values come from the baseline) */
  readonly submissions: readonly Submission[];
}

export async function readPrevious(ws: Workspace, month: string): Promise<{ previous: PreviousValues | null; diagnostics: Diagnostic[] }> {
  const prev = previousMonth(month);
  const months = await listMonths(ws);
  if (months.includes(prev)) {
    const data = await readMonth(ws, prev);
    const services: Record<string, ServiceEntryOut> = {};
    const indicators: Record<string, IndicatorEntryOut> = {};
    for (const s of data.submissions) {
      for (const [id, v] of Object.entries(s.submission.services ?? {})) services[id] ??= v;
      for (const [id, v] of Object.entries(s.submission.indicators ?? {})) indicators[id] ??= v;
    }
    const broken = [...new Set(data.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file))];
    const diagnostics = broken.map((f) =>
      warning(CODES.fileUnreadable, `tệp tháng trước có lỗi nên không dùng được để so sánh tăng/giảm`, { file: f ?? join(ws.shown, prev) }),
    );
    return { previous: { month: prev, source: 'month', services, indicators, submissions: data.submissions.map((s) => s.submission) }, diagnostics };
  }
  const baselinePath = join(ws.dir, 'baseline.yaml');
  const exists = await readdir(ws.dir).then((n) => n.includes('baseline.yaml'));
  if (!exists) return { previous: null, diagnostics: [] };
  const r = await loadYamlFile(baselinePath, join(ws.shown, 'baseline.yaml'), submissionSchemas(ws.catalog.vocabularies.labels).BaselineFile);
  if (!r.loaded) return { previous: null, diagnostics: r.diagnostics };
  if (r.loaded.value.month !== prev) return { previous: null, diagnostics: [] };
  const b = r.loaded.value;
  return { previous: { month: prev, source: 'baseline', services: b.services ?? {}, indicators: b.indicators ?? {}, submissions: [] }, diagnostics: [] };
}
