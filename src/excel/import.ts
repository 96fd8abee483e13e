import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { indexCatalog } from '../catalog/catalog.js';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { EXCEL_CODES } from '../diagnostics/codes-excel.js';
import { formatMonth } from '../format/date.js';
import { reportingPeriod } from '../compute/period.js';
import type { LoadedSubmission } from '../readers/submission.js';
import { runRules } from '../rules/index.js';
import type { Workspace } from '../workspace/load.js';
import { listMonths, readMonth, readPrevious, type PreviousValues } from '../workspace/month.js';
import { aboutDropped } from '../readers/validate-shape.js';
import type { Path } from '../readers/yaml.js';
import type { ModelEntryOut } from '../schema/submission.js';
import { detectForm } from './form-reader.js';
import { readLegacyWorkbook } from './legacy-reader.js';
import { formSubmission, openWorkbook, type WorkbookOpen } from './read-submission.js';
import { importChanges, type LastMonth } from './import-changes.js';
import { refusals } from './import-units.js';
import { newSubmissionYamlBytes, unchangedWithin, writeSubmissionYaml, type Scope } from './yaml-writer.js';

/**
 * `baocao import`: filled forms and legacy Phụ lục sheets → the departments' YAML files of a month.
 * Everything is read and checked first (cells, shapes, then the cross-checks with the rest of the month); each
 * input file's problems refuse its own returns only (with those of any file feeding the same department: one
 * unit), and the YAML texts of the others are returned. Writing is the caller's (atomic) business.
 */

export interface ImportFile {
  readonly absolute: string;
  /** how messages name it */
  readonly shown: string;
  /** the workbook already being read, if the caller started reading it */
  readonly opening?: Promise<WorkbookOpen>;
}

export interface ImportWrite {
  readonly department: string;
  readonly path: string;
  readonly shown: string;
  /** what the file is to hold: a new file written from one source comes as its UTF-8 bytes, made without its text */
  readonly data: string | Uint8Array;
  /** the input files it came from */
  readonly from: readonly string[];
  readonly created: boolean;
  /** false when the file already says exactly this (nothing to write) */
  readonly changed: boolean;
}

export interface ImportResult {
  readonly writes: ImportWrite[];
  /** the input files not taken in (their problems, or those of a file they feed a department with), in input order */
  readonly refused: ImportRefusal[];
  readonly diagnostics: Diagnostic[];
  /** rows read from legacy sheets, for the summary */
  readonly legacyRows: number;
}

export interface ImportRefusal {
  /** the input file, as shown */
  readonly file: string;
  /** the departments whose returns it holds (as far as it could be read) */
  readonly departments: readonly string[];
}

interface Source {
  readonly department: string;
  /** the input file it comes from, as shown */
  readonly input: string;
  readonly loaded: LoadedSubmission;
  readonly scope: Scope;
  /** a form with problems, read as far as it could be: checked with the others, never written */
  readonly partial?: { readonly dropped: readonly Path[] };
}

async function readSources(files: readonly ImportFile[], ws: Workspace, month: string, diagnostics: Diagnostic[]): Promise<{ sources: Source[]; legacyRows: number }> {
  const sources: Source[] = [];
  let legacyRows = 0;
  for (const f of files) {
    const opened = await (f.opening ?? openWorkbook(f.absolute, f.shown));
    if (!opened.ok) {
      diagnostics.push(...opened.diagnostics);
      continue;
    }
    const identity = detectForm(opened.workbook);
    if (identity) {
      const r = formSubmission(opened.workbook, f.shown, identity, ws.catalog);
      diagnostics.push(...r.diagnostics);
      const loaded = r.submission ?? r.partial?.loaded;
      if (!loaded) continue;
      if (loaded.submission.month !== month) {
        diagnostics.push(
          error(EXCEL_CODES.formMonth, `biểu mẫu của tháng ${formatMonth(loaded.submission.month)}, không phải tháng ${formatMonth(month)} đang nhập (--month)`, {
            file: f.shown,
            path: ['month'],
            ...loaded.locator.at(['month']),
          }),
        );
        continue;
      }
      sources.push({ department: identity.department, input: f.shown, loaded, scope: { kind: 'all' }, ...(r.partial ? { partial: { dropped: r.partial.dropped } } : {}) });
      continue;
    }
    const legacy = readLegacyWorkbook(opened.workbook, f.shown, ws.catalog, month);
    if (!legacy) {
      diagnostics.push(
        error(
          EXCEL_CODES.notAForm,
          'không nhận ra tệp: không phải biểu mẫu của "baocao forms", cũng không có bảng theo mẫu Phụ lục I/II (dòng tiêu đề có "STT", "Dịch vụ công trực tuyến", "Tổng hồ sơ", "Trực tuyến")',
          { file: f.shown },
        ),
      );
      continue;
    }
    legacyRows += legacy.rows;
    diagnostics.push(...legacy.diagnostics);
    for (const s of legacy.submissions) {
      sources.push({ department: s.submission.department, input: f.shown, loaded: s, scope: { kind: 'services', ids: legacy.services.get(s.submission.department) ?? [], fields: legacy.fields } });
    }
    for (const p of legacy.partials ?? []) {
      const department = p.loaded.submission.department;
      sources.push({ department, input: f.shown, loaded: p.loaded, scope: { kind: 'services', ids: Object.keys(p.loaded.submission.services ?? {}), fields: legacy.fields }, partial: { dropped: p.dropped } });
    }
  }
  return { sources, legacyRows };
}

/** Two sources may feed one department only when both are legacy sheets with different rows. */
function conflicts(sources: readonly Source[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byDept = new Map<string, Source[]>();
  for (const s of sources) byDept.set(s.department, [...(byDept.get(s.department) ?? []), s]);
  for (const [dept, list] of byDept) {
    if (list.length < 2) continue;
    const seen = new Map<string, string>();
    for (const s of list) {
      const ids = s.scope.kind === 'all' ? ['*'] : s.scope.ids;
      for (const id of ids) {
        const clash = seen.get(id) ?? (id === '*' ? [...seen.values()][0] : seen.get('*'));
        if (clash !== undefined && clash !== s.loaded.file) {
          out.push(error(EXCEL_CODES.importConflict, `số liệu của đơn vị "${dept}"${id === '*' ? '' : ` (dịch vụ ${id})`} có cả trong ${clash} và ${s.loaded.file}: chỉ nhập một tệp`, { file: s.loaded.file }));
          break;
        }
        seen.set(id, s.loaded.file);
      }
    }
  }
  return out;
}

export async function planImport(ws: Workspace, month: string, files: readonly ImportFile[]): Promise<ImportResult> {
  const diagnostics: Diagnostic[] = [];
  const { sources, legacyRows } = await readSources(files, ws, month, diagnostics);
  diagnostics.push(...conflicts(sources));

  const monthDir = join(ws.dir, month);
  const exists = (await listMonths(ws)).includes(month);
  const names = exists ? await readdir(monthDir) : [];
  const data = exists ? await readMonth(ws, month) : null;
  const departments = [...new Set(sources.map((s) => s.department))];
  /** the month's files of the departments, as shown: their problems refuse what would be written into them */
  const targets = new Map<string, string>();
  for (const d of departments) {
    const xlsx = names.find((n) => n.toLowerCase() === `${d}.xlsx`);
    if (xlsx) {
      targets.set(join(ws.shown, month, xlsx), d);
      diagnostics.push(error(EXCEL_CODES.importXlsxPresent, `thư mục tháng đã có ${xlsx} là báo cáo của đơn vị "${d}": hãy chuyển tệp đó ra ngoài thư mục tháng rồi nhập lại (mỗi đơn vị một tệp)`, { file: join(ws.shown, month, xlsx) }));
    }
    const yml = names.find((n) => n === `${d}.yaml` || n === `${d}.yml`);
    if (yml) targets.set(join(ws.shown, month, yml), d);
    const broken = yml ? (data?.diagnostics ?? []).filter((x) => x.severity === 'error' && x.file === join(ws.shown, month, yml)) : [];
    if (yml && broken.length) {
      diagnostics.push(...broken, error(EXCEL_CODES.importTargetInvalid, `tệp ${yml} hiện có lỗi (xem trên): hãy sửa trước khi nhập thêm số liệu vào`, { file: join(ws.shown, month, yml) }));
    }
  }

  // the cross-checks, with the month's other returns, on every source (a form with problems as far as it could be
  // read, so that all its problems show in one run); only findings about the imported files are ours
  const index = indexCatalog(ws.catalog);
  const prev = await readPrevious(ws, month);
  const others = (data?.submissions ?? []).filter((s) => !departments.includes(s.submission.department));
  const rules = runRules({ month, period: reportingPeriod(month, ws.settings.period.cutoffDay), catalog: ws.catalog, index, submissions: [...others, ...sources.map((s) => s.loaded)], previous: prev.previous });
  const dropped = new Map(sources.flatMap((s) => (s.partial ? [[s.loaded.file, s.partial.dropped] as const] : [])));
  const ours = new Set(sources.map((s) => s.loaded.file));
  diagnostics.push(...rules.filter((d) => d.file !== undefined && ours.has(d.file) && !aboutDropped(d.path, dropped.get(d.file) ?? [])));

  // what each source takes away from the department's file, and statuses left blank that last month had
  const last = lastMonth(prev.previous);
  for (const s of sources) {
    const before = data?.submissions.find((x) => x.submission.department === s.department && targets.has(x.file))?.submission;
    diagnostics.push(...importChanges(ws.catalog, s.department, s.loaded, s.scope, before, last));
  }

  const refusedFiles = refusals(files, sources, targets, diagnostics);
  const refused = files
    .filter((f) => refusedFiles.has(f.shown))
    .map((f) => ({ file: f.shown, departments: [...new Set(sources.filter((s) => s.input === f.shown).map((s) => s.department))] }));
  diagnostics.push(...refusedForOthers(refused, sources, targets, diagnostics));

  const writes: ImportWrite[] = [];
  for (const d of departments) {
    const mine = sources.filter((s) => s.department === d);
    if (mine.some((s) => refusedFiles.has(s.input))) continue;
    const yml = names.find((n) => n === `${d}.yaml` || n === `${d}.yml`) ?? `${d}.yaml`;
    const path = join(monthDir, yml);
    let text: string | null = null;
    // in a month without a folder every file is new (the name is still tried otherwise: a folder that does not
    // tell case apart has the file under another spelling)
    if (exists) {
      try {
        text = await readFile(path, 'utf8');
      } catch {
        text = null;
      }
    }
    const created = text === null;
    const before = text;
    const shown = join(ws.shown, month, yml);
    const only = mine.length === 1 ? mine[0]! : undefined;
    let contents: string | Uint8Array | null = null;
    if (only && created) contents = newSubmissionYamlBytes(only.loaded.submission, ws.catalog, only.scope, basename(only.loaded.file));
    else if (only && only.scope.kind === 'services') {
      // a file the sheet's rows leave as they are is not parsed into a yaml Document only to find that out
      const was = data?.submissions.find((x) => x.file === shown)?.submission;
      if (was && unchangedWithin(was, only.loaded.submission, only.scope)) contents = text;
    }
    if (contents === null) {
      for (const s of mine) text = writeSubmissionYaml(s.loaded.submission, ws.catalog, s.scope, { existing: text, source: basename(s.loaded.file) });
      contents = text ?? '';
    }
    writes.push({ department: d, path, shown, data: contents, from: mine.map((s) => s.loaded.file), created, changed: created || text !== before });
  }
  return { writes, refused, diagnostics, legacyRows };
}

/** A file refused without a problem of its own (or of its department's file) is told why: nothing silent. */
function refusedForOthers(refused: readonly ImportRefusal[], sources: readonly Source[], targets: ReadonlyMap<string, string>, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const bad = new Set(refused.map((r) => r.file));
  const out: Diagnostic[] = [];
  for (const r of refused) {
    const own = diagnostics.some((d) => d.severity === 'error' && d.file !== undefined && (d.file === r.file || r.departments.includes(targets.get(d.file) ?? '')));
    if (own) continue;
    const partners = [...new Set(sources.filter((s) => r.departments.includes(s.department) && s.input !== r.file && bad.has(s.input)).map((s) => s.input))];
    out.push(
      error(
        EXCEL_CODES.importRefused,
        partners.length
          ? `không nhập tệp này: ${partners.join(', ')} cùng ghi vào báo cáo của ${r.departments.join(', ')} và có lỗi (các tệp ghi vào một đơn vị được nhập cùng nhau)`
          : 'không nhập tệp này: lần nhập có lỗi không thuộc riêng tệp nào (xem trên)',
        { file: r.file },
      ),
    );
  }
  return out;
}

function lastMonth(previous: PreviousValues | null): LastMonth | null {
  if (!previous) return null;
  const models: Record<string, ModelEntryOut> = {};
  for (const s of previous.submissions) for (const [id, m] of Object.entries(s.models ?? {})) models[id] ??= m;
  return { month: previous.month, services: previous.services, models };
}
