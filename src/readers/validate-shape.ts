import * as z from 'zod';
import vi from 'zod/v4/locales/vi.js';
import { compileFn } from 'zod/v4/core';
import { CappedDiagnostics, listed, SHOWN_PER_FILE } from '../diagnostics/cap.js';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { CODES } from '../diagnostics/codes.js';
import type { Path, SourceMap } from './yaml.js';

z.config(vi());

/** Where a value came from, for locating problems: a YAML source map, or cell addresses from a workbook. */
export interface Locator {
  readonly file: string;
  at(path: Path, key?: boolean): Partial<Pick<Diagnostic, 'line' | 'column' | 'sheet' | 'cell'>>;
}

export function yamlLocator(file: string, map: SourceMap): Locator {
  return { file, at: (path, key) => (key ? map.locateKey(path) : map.locate(path)) };
}

export type Validated<T> = { ok: true; value: T; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Runs a zod schema and turns every issue into a located, Vietnamese diagnostic. `made`: the input was built by the
 * program from catalog ids (which cannot be "__proto__"), with about this many values: the walk looking for such
 * keys and counting values is not needed.
 */
export function validateShape<S extends z.ZodType>(schema: S, input: unknown, loc: Locator, made?: { values: number }): Validated<z.output<S>> {
  // zod leaves the input out of its issues unless asked: without it a wrong type would read as a missing key
  const walked = made ? { paths: [], nodes: made.values } : protoKeys(input);
  const reserved = walked.paths.map((path) =>
    error(CODES.schemaUnknownKey, 'khóa "__proto__" không được dùng (tên dành riêng của JavaScript)', { file: loc.file, path, ...loc.at(path, true) }),
  );
  if (reserved.length > 0) return { ok: false, diagnostics: reserved };
  // generated code (new Function) is worth its making for thousands of values, a loss for a file of a few dozen,
  // which is what a command starting cold mostly reads
  const r = walked.nodes < JIT_FROM_NODES ? schema.safeParse(input, { reportInput: true, jitless: true }) : compiled(schema).safeParse(input, { reportInput: true });
  if (r.success) return { ok: true, value: r.data, diagnostics: [] };
  // a file with a hundred thousand bad values: the first ones worded, the others counted
  const diagnostics = new CappedDiagnostics();
  for (const issue of r.error.issues) {
    if (diagnostics.length >= SHOWN_PER_FILE) diagnostics.omitted.errors++;
    else for (const d of toDiagnostics(issue, loc)) diagnostics.push(d);
  }
  return { ok: false, diagnostics: listed(diagnostics) };
}

/** inputs with at least this many values are parsed by zod's compiled parsers */
const JIT_FROM_NODES = 5000;

const COMPILED = new WeakMap<z.ZodType, z.ZodType>();

/**
 * The schema with the fast path zod's compiler generates for it as a whole (one function, no payload per value);
 * any input that path does not accept goes to zod's own parser, so problems are found and worded as before.
 * On 50,000 rows of Phụ lục I it parses in a third of the time of zod's per-object parsers, starting cold.
 *
 * This is `z.compile` without the second function it also generates, for `validate` (a check without the parsed
 * value), which the program never calls: generating and evaluating that one took ~8 ms of every large import.
 * A schema the compiler cannot take keeps zod's own parser, as `z.compile` does.
 */
export function compiled<S extends z.ZodType>(schema: S): S {
  let c = COMPILED.get(schema);
  if (!c) {
    try {
      c = z.withParser(schema, compileFn(schema));
    } catch {
      c = schema;
    }
    COMPILED.set(schema, c);
  }
  return c as S;
}

/** Paths of "__proto__" keys (zod's records drop such a key without a word, and its value with it); the number of values. */
function protoKeys(input: unknown): { paths: (string | number)[][]; nodes: number } {
  const out: (string | number)[][] = [];
  let nodes = 0;
  // depth-first with one path kept up to date: a path is copied only when a key is found
  const path: (string | number)[] = [];
  const walk = (value: unknown): void => {
    nodes++;
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        walk(value[i]);
        path.pop();
      }
      return;
    }
    for (const k of Object.keys(value)) {
      path.push(k);
      if (k === '__proto__') out.push([...path]);
      else walk((value as Record<string, unknown>)[k]);
      path.pop();
    }
  };
  walk(input);
  return { paths: out, nodes };
}

function describe(input: unknown): string {
  if (Array.isArray(input)) return 'một danh sách';
  if (input !== null && typeof input === 'object') return 'một nhóm khóa';
  if (typeof input === 'string') return 'một giá trị đơn';
  return 'giá trị trống';
}

function expected(name: string): string {
  switch (name) {
    case 'string':
      return 'một giá trị đơn (chữ hoặc số)';
    case 'object':
      return 'một nhóm khóa (key: value)';
    case 'array':
      return 'một danh sách (các dòng bắt đầu bằng "- ")';
    case 'record':
      return 'một nhóm khóa (mã: nội dung)';
    default:
      return name;
  }
}

function toDiagnostics(issue: z.core.$ZodIssue, loc: Locator): Diagnostic[] {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)) as (string | number)[];
  const where = (p: Path, key = false) => ({ file: loc.file, path: p, ...loc.at(p, key) });
  const last = path[path.length - 1];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((k) =>
        error(
          CODES.schemaUnknownKey,
          /^\d+$/.test(k)
            ? `khóa "${k}" không có trong mẫu: trong cặp ngoặc { } dấu "," ngăn cách các giá trị, nên "12,5" bị tách làm hai; số đếm phải là số nguyên (không có phần thập phân)`
            : `khóa "${k}" không có trong mẫu (kiểm tra chính tả, xem docs/data-format.md)`,
          where([...path, k], true),
        ),
      );
    case 'invalid_type': {
      if (issue.input === undefined) {
        return [error(CODES.schemaMissingKey, `thiếu khóa "${String(last ?? '')}"`, where(path.slice(0, -1)))];
      }
      return [
        error(
          CODES.schemaType,
          `${last !== undefined ? `"${String(last)}": ` : ''}cần ${expected(issue.expected)}, nhưng đây là ${describe(issue.input)}`,
          where(path),
        ),
      ];
    }
    case 'invalid_key':
      return [error(CODES.schemaValue, `mã "${String(last ?? '')}" không hợp lệ: chỉ gồm chữ thường không dấu, chữ số và dấu "-"`, where(path, true))];
    case 'custom': {
      const code = (issue.params as { code?: string } | undefined)?.code ?? CODES.schemaValue;
      return [error(code, issue.message, where(path))];
    }
    case 'invalid_union': {
      // the one alternative of the right kind (a value, a list, a group of keys) tells what is wrong with it
      const fitting = issue.errors.filter((branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0));
      if (fitting.length === 1) return fitting[0]!.flatMap((i) => toDiagnostics({ ...i, path: [...issue.path, ...i.path] }, loc));
      return [error(CODES.schemaType, `"${String(last ?? '')}": giá trị không đúng dạng (${issue.message})`, where(path))];
    }
    default:
      return [error(CODES.schemaValue, `${last !== undefined ? `"${String(last)}": ` : ''}${issue.message}`, where(path))];
  }
}

/** passes of `validatePartly` after the first: each drops what the one before found wrong */
const SALVAGE_PASSES = 3;

/**
 * `validateShape`, and for an input it refuses, the part of it that is valid: the values at the paths its problems
 * name are left out and the rest validated again (a few passes, as leaving a value out can make its parent
 * incomplete). The cross-checks can then run on `partial`, so that one unreadable cell does not hide the other
 * problems of a file; the file itself is still refused (its diagnostics hold errors). `dropped`: the paths left
 * out, for leaving out the cross-checks' findings about them. No `partial` when nothing is left to check (a
 * problem at the root).
 */
export function validatePartly<S extends z.ZodType>(
  schema: S,
  input: unknown,
  loc: Locator,
  made?: { values: number },
): Validated<z.output<S>> & { partial?: z.output<S>; dropped: Path[] } {
  const first = validateShape(schema, input, loc, made);
  if (first.ok) return { ...first, dropped: [] };
  const dropped: Path[] = [];
  let problems = first.diagnostics;
  let work = input;
  for (let pass = 0; pass < SALVAGE_PASSES; pass++) {
    const paths = problems.flatMap((d) => (d.severity === 'error' && d.path ? [d.path] : []));
    if (!paths.length || paths.some((p) => p.length === 0)) break;
    dropped.push(...paths);
    work = without(work, paths);
    const again = validateShape(schema, work, loc, made);
    if (again.ok) return { ok: false, diagnostics: first.diagnostics, partial: again.value, dropped };
    problems = again.diagnostics;
  }
  return { ok: false, diagnostics: first.diagnostics, dropped };
}

/** a copy of `value` without the values at `paths` (array items left out, the others keeping their order) */
function without(value: unknown, paths: readonly Path[], at = 0): unknown {
  if (value === null || typeof value !== 'object') return value;
  const here = new Set(paths.filter((p) => p.length === at + 1).map((p) => String(p[at])));
  const deeper = (k: string) => paths.filter((p) => p.length > at + 1 && String(p[at]) === k);
  if (Array.isArray(value)) return value.flatMap((v, i) => (here.has(String(i)) ? [] : [without(v, deeper(String(i)), at + 1)]));
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(value)) if (!here.has(k)) out[k] = without(v, deeper(k), at + 1);
  return out;
}

/**
 * Whether a finding at `path` is about an entry a value was dropped from (`validatePartly`): a cross-check of the
 * rest of a row (online without its total) would only repeat the problem of the value left out. Values at the top
 * (a return's `asOf`) and whole entries stand for themselves.
 */
export function aboutDropped(path: Path | undefined, dropped: readonly Path[]): boolean {
  if (path === undefined) return false;
  return dropped.some((d) => {
    const entry = d.length > 2 ? d.slice(0, -1) : d;
    return path.length >= entry.length && entry.every((p, i) => String(p) === String(path[i]));
  });
}
