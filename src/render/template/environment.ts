import Handlebars from 'handlebars';
import { HELPERS } from './helpers.js';

/**
 * An isolated Handlebars environment for the report's templates.
 *
 * Handlebars' `strict` mode only checks the last segment of a path printed on its own ("{{a.b}}"); a path
 * given to a helper ("{{so indicators.x.valeu}}") silently resolves to undefined, and `{{constructor}}`
 * passes because `"constructor" in {}` is true. Our templates print nearly every figure through a helper,
 * so every segment of every path is looked up strictly here: it must be an own property of an object, or
 * the template stops with Handlebars' located "not defined" exception. This also closes the prototype chain
 * (`constructor`, `__proto__`, `toString` …) on top of Handlebars' own prototype-access denial.
 */

/** Own property of an object, or null so that `container.strict` throws with the template location. */
const OWN = '((p,n)=>p!==null&&typeof p==="object"&&Object.prototype.hasOwnProperty.call(p,n)?p:null)';

type Code = string | Code[] | object;

interface CompilerInternals {
  options: { strict?: boolean };
  source: { currentLocation?: { start: { line: number; column: number } } };
  popStack(): Code;
  push(expr: Code): void;
  quotedString(s: string): string;
  resolvePath(type: string, parts: string[], start: number, falsy: boolean, strict: boolean): void;
}

type CompilerClass = new (...args: unknown[]) => CompilerInternals;

function strictCompiler(Base: CompilerClass): CompilerClass {
  class StrictPathCompiler extends Base {
    override resolvePath(type: string, parts: string[], start: number, falsy: boolean, strict: boolean): void {
      if (!this.options.strict) {
        super.resolvePath(type, parts, start, falsy, strict);
        return;
      }
      const at = this.source.currentLocation;
      const loc = at ? JSON.stringify({ start: { line: at.start.line, column: at.start.column } }) : 'undefined';
      let stack = this.popStack();
      for (let i = start; i < parts.length; i++) {
        const name = this.quotedString(parts[i] ?? '');
        stack = ['container.strict(', OWN, '(', stack, ',', name, '),', name, ',', loc, ')'];
      }
      this.push(stack);
    }
  }
  // Block bodies ({{#if}}…{{/if}}) are compiled by `new this.compiler()`: make them strict too.
  (StrictPathCompiler.prototype as unknown as { compiler: CompilerClass }).compiler = StrictPathCompiler;
  return StrictPathCompiler;
}

/** Helpers that exist for templates; Handlebars' `log` (console) and `lookup` (dynamic paths) are left out. */
export const KNOWN_HELPERS: Readonly<Record<string, boolean>> = {
  ...Object.fromEntries(Object.keys(HELPERS).map((name) => [name, true])),
  log: false,
  lookup: false,
};

export const COMPILE_OPTIONS = {
  noEscape: true,
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: KNOWN_HELPERS,
  /** helpers are told the paths of their parameters: a missing value is reported by what the template wrote */
  trackIds: true,
} as const;

/** Prototype properties and methods are never reachable; stating it also silences Handlebars' console warning. */
export const RUNTIME_OPTIONS = {
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
} as const;

export type TemplateEnvironment = typeof Handlebars;

export function createEnvironment(): TemplateEnvironment {
  const env = Handlebars.create();
  const withCompiler = env as unknown as { JavaScriptCompiler: CompilerClass };
  withCompiler.JavaScriptCompiler = strictCompiler(withCompiler.JavaScriptCompiler);
  env.unregisterHelper('log');
  env.unregisterHelper('lookup');
  for (const [name, fn] of Object.entries(HELPERS)) env.registerHelper(name, fn);
  return env;
}
