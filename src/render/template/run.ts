import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { error } from '../../diagnostics/diagnostic.js';
import { RENDER_CODES } from './codes.js';
import { COMPILE_OPTIONS, KNOWN_HELPERS, RUNTIME_OPTIONS, type TemplateEnvironment } from './environment.js';
import { HelperArgumentError } from './helper-error.js';
import type { CitationSink } from './citations.js';

/** A template file's text and the name diagnostics print for it (e.g. "templates/bao-cao.hbs"). */
export interface TemplateSource {
  readonly file: string;
  readonly text: string;
  /** the text compiled ahead of time (precompiled.ts), when it is a shipped template */
  readonly precompiled?: object;
}

export type TemplateResult = { readonly text: string } | { readonly diagnostics: readonly Diagnostic[] };

/**
 * Runs one template on a context. Only the template's own text is compiled: values from the data are
 * inserted as they are and never read as Handlebars. Every failure comes back as a located diagnostic.
 */
export function runTemplate(env: TemplateEnvironment, source: TemplateSource, context: object, citations?: CitationSink): TemplateResult {
  const runtime = citations ? { ...RUNTIME_OPTIONS, data: { citations } } : RUNTIME_OPTIONS;
  const ahead = source.precompiled ? precompiled(env, source.precompiled) : undefined;
  if (ahead) {
    try {
      return { text: ahead(context, runtime) };
    } catch (e) {
      return { diagnostics: [explain(e, source, env.parse(source.text))] };
    }
  }
  let ast: hbs.AST.Program;
  try {
    ast = env.parse(source.text);
  } catch (e) {
    return fail(RENDER_CODES.templateSyntax, `lỗi cú pháp Handlebars: ${firstLine(e)}`, source, lineOf(e));
  }
  const refused = forbidden(ast, source);
  if (refused) return { diagnostics: [refused] };
  try {
    const template = env.compile(ast, COMPILE_OPTIONS);
    return { text: template(context, runtime) };
  } catch (e) {
    return { diagnostics: [explain(e, source, ast)] };
  }
}

/** A precompiled template, or undefined when this Handlebars cannot run it (then the text is compiled). */
function precompiled(env: TemplateEnvironment, spec: object): HandlebarsTemplateDelegate | undefined {
  try {
    return env.template(spec as TemplateSpecification);
  } catch {
    return undefined;
  }
}

function explain(e: unknown, source: TemplateSource, ast: hbs.AST.Program): Diagnostic {
  if (e instanceof HelperArgumentError) {
    const at = e.loc ? { line: e.loc.start.line, column: e.loc.start.column + 1 } : {};
    return error(RENDER_CODES.helperArgument, e.message, { file: source.file, ...at });
  }
  const message = e instanceof Error ? e.message : String(e);
  const at = locationOf(e);
  const missing = /^"(.*)" not defined in /.exec(message);
  if (missing) {
    const path = at ? pathAt(ast, at.line, at.column - 1) : undefined;
    const field = path && path !== missing[1] ? `"${path}" (không có "${missing[1]}")` : `"${missing[1]}"`;
    return error(RENDER_CODES.unknownField, `mẫu dùng trường ${field} không có trong dữ liệu báo cáo`, {
      file: source.file,
      ...at,
    });
  }
  const helper = /unknown helper (\S+)/.exec(message);
  if (helper) {
    const allowed = Object.keys(KNOWN_HELPERS).filter((k) => KNOWN_HELPERS[k]).join(', ');
    return error(
      RENDER_CODES.unknownHelper,
      `"${helper[1]}" không phải là hàm định dạng được dùng trong mẫu (được dùng: ${allowed})`,
      { file: source.file, ...at },
    );
  }
  const partial = /The partial (\S+) could not be/.exec(message);
  const text = partial ? `mẫu không được gọi mẫu con ("{{> ${partial[1]}}}")` : `lỗi khi chạy mẫu: ${firstLine(e)}`;
  return error(RENDER_CODES.templateRuntime, text, { file: source.file, ...at });
}

function fail(code: string, message: string, source: TemplateSource, line: number | undefined): TemplateResult {
  return { diagnostics: [error(code, message, { file: source.file, ...(line ? { line } : {}) })] };
}

/** Handlebars exceptions carry 1-based lines and 0-based columns; ours are both 1-based. */
function locationOf(e: unknown): { line: number; column: number } | undefined {
  const { lineNumber, column } = (e ?? {}) as { lineNumber?: unknown; column?: unknown };
  if (typeof lineNumber !== 'number') return undefined;
  return { line: lineNumber, column: (typeof column === 'number' ? column : 0) + 1 };
}

function lineOf(e: unknown): number | undefined {
  const at = locationOf(e);
  if (at) return at.line;
  const m = /on line (\d+)/.exec(e instanceof Error ? e.message : '');
  return m ? Number(m[1]) : undefined;
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
}

/**
 * Constructs templates cannot use, found before compiling so that each is named at its place: partials
 * (`{{> …}}`, which an inline partial `{{#*inline}}` would otherwise make work), decorators, and Handlebars'
 * internal helpers, which `knownHelpersOnly` lets through and which then fail without a location.
 */
function forbidden(node: unknown, source: TemplateSource): Diagnostic | undefined {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = forbidden(child, source);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof node !== 'object' || node === null) return undefined;
  const n = node as { type?: unknown; name?: { original?: unknown }; path?: { original?: unknown }; loc?: hbs.AST.SourceLocation };
  const at = n.loc ? { line: n.loc.start.line, column: n.loc.start.column + 1 } : {};
  if (n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') {
    return error(RENDER_CODES.templateRuntime, `mẫu không được gọi mẫu con ("{{> ${String(n.name?.original ?? '')}}}")`, { file: source.file, ...at });
  }
  if (n.type === 'Decorator' || n.type === 'DecoratorBlock') {
    return error(RENDER_CODES.templateRuntime, `mẫu không dùng được "{{* …}}" (decorator, mẫu con nội tuyến "{{#*inline}}")`, { file: source.file, ...at });
  }
  const helper = n.path?.original;
  if ((n.type === 'MustacheStatement' || n.type === 'BlockStatement' || n.type === 'SubExpression') && (helper === 'helperMissing' || helper === 'blockHelperMissing')) {
    return error(RENDER_CODES.unknownHelper, `"${helper}" không phải là hàm định dạng được dùng trong mẫu`, { file: source.file, ...at });
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc') continue;
    const found = forbidden(value, source);
    if (found) return found;
  }
  return undefined;
}

/** The path expression written at a position, e.g. "indicators.bhyt-cccd-cards.valeu". */
function pathAt(node: unknown, line: number, column: number): string | undefined {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = pathAt(child, line, column);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof node !== 'object' || node === null) return undefined;
  const n = node as { type?: unknown; original?: unknown; loc?: hbs.AST.SourceLocation };
  if (n.type === 'PathExpression' && n.loc?.start.line === line && n.loc.start.column === column) {
    return typeof n.original === 'string' ? n.original : undefined;
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc') continue;
    const found = pathAt(value, line, column);
    if (found) return found;
  }
  return undefined;
}
