/**
 * A fast path for validateShape: the zod schemas of the data files, walked directly for input that passes them.
 * zod's own parse is generic (payloads, issue lists, async checks, a code generator per object schema) and, on a
 * command's cold start, reading a month's returns through it costs several times what reading the YAML does.
 *
 * Only schema kinds whose success semantics are mirrored here are walked: strict and plain objects, records with
 * string keys, arrays, strings, enums, optional, pipe, transform, and checks (each run by its own zod code). The
 * result is what zod's parse gives: the same values, keys in the same order. Anything else, and any input that
 * fails (a check or a transform reports an issue, a key is unknown or missing, a type is wrong …), gives null:
 * validateShape then runs zod, which says what is wrong. tests/readers/fast-shape.test.ts compares the two.
 */

interface Def {
  readonly type: string;
  readonly checks?: readonly Schema[];
  readonly coerce?: boolean;
  readonly innerType?: Schema;
  readonly in?: Schema;
  readonly out?: Schema;
  readonly transform?: (value: unknown, payload: Payload) => unknown;
  readonly shape?: Readonly<Record<string, Schema>>;
  readonly catchall?: Schema;
  readonly keyType?: Schema;
  readonly valueType?: Schema;
  readonly element?: Schema;
  readonly entries?: Readonly<Record<string, unknown>>;
  readonly when?: unknown;
  readonly mode?: string;
}

interface Schema {
  readonly _zod: {
    readonly def: Def;
    readonly optin?: string;
    readonly optout?: string;
    readonly values?: unknown;
    readonly traits?: ReadonlySet<string>;
    check?(payload: Payload): unknown;
  };
}

interface Payload {
  value: unknown;
  issues: unknown[];
}

class HandOver {}
const HAND_OVER = new HandOver();
function handOver(): never {
  throw HAND_OVER;
}

/** The parsed value, as zod would give it, or null when zod must parse (failure or an unmirrored schema). */
export function fastShape(schema: unknown, input: unknown): { value: unknown } | null {
  try {
    return { value: walk(schema as Schema, input) };
  } catch (e) {
    if (e === HAND_OVER) return null;
    throw e;
  }
}

/** per object schema: its keys (or null when it cannot be walked); per enum: its values */
const objectKeys = new WeakMap<Def, readonly string[] | null>();
const enumValues = new WeakMap<Def, ReadonlySet<unknown>>();

function keysOf(def: Def): readonly string[] | null {
  let keys = objectKeys.get(def);
  if (keys === undefined) {
    const shape = def.shape ?? {};
    const catchall = def.catchall?._zod.def.type;
    keys = Object.getOwnPropertySymbols(shape).length > 0 || (def.catchall && catchall !== 'never') || Object.prototype.hasOwnProperty.call(shape, '__proto__') ? null : Object.keys(shape);
    objectKeys.set(def, keys);
  }
  return keys;
}

function plainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === null || proto === Object.prototype;
}

function walk(schema: Schema, input: unknown): unknown {
  const z = schema._zod;
  const def = z.def;
  let value: unknown;
  switch (def.type) {
    case 'string':
      if (def.coerce || typeof input !== 'string') handOver();
      value = input;
      break;
    case 'enum': {
      let values = enumValues.get(def);
      if (!values) enumValues.set(def, (values = new Set(Object.values(def.entries ?? {}))));
      if (!values.has(input)) handOver();
      value = input;
      break;
    }
    case 'optional':
      if (def.innerType!._zod.optin === 'defaulted') handOver();
      value = input === undefined ? undefined : walk(def.innerType!, input);
      break;
    case 'pipe':
      value = walk(def.out!, walk(def.in!, input));
      break;
    case 'transform': {
      const payload: Payload = { value: input, issues: [] };
      value = def.transform!(input, payload);
      if (payload.issues.length > 0 || value instanceof Promise) handOver();
      break;
    }
    case 'array':
      if (!Array.isArray(input)) handOver();
      {
        // by index, as zod: a hole is an undefined element (map would skip it)
        const out: unknown[] = new Array(input.length);
        for (let i = 0; i < input.length; i++) out[i] = walk(def.element!, input[i]);
        value = out;
      }
      break;
    case 'object':
      value = object(def, input);
      break;
    case 'record':
      value = record(def, input);
      break;
    default:
      handOver();
  }
  // zod runs a schema's checks after its parse, on the parsed value (an overwrite check may replace it)
  if (def.checks && def.checks.length > 0) {
    const payload: Payload = { value, issues: [] };
    for (const ch of def.checks) {
      if (ch._zod.def.when !== undefined || typeof ch._zod.check !== 'function') handOver();
      const r = ch._zod.check(payload);
      if (r instanceof Promise || payload.issues.length > 0) handOver();
    }
    value = payload.value;
  }
  return value;
}

function object(def: Def, input: unknown): Record<string, unknown> {
  if (!plainObject(input)) handOver();
  const keys = keysOf(def);
  if (!keys) handOver();
  const shape = def.shape!;
  const out: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const el = shape[key]!;
    if (!(key in input)) {
      if (el._zod.optin === 'optional' && el._zod.optout === 'optional') continue;
      handOver();
    }
    out[key] = walk(el, input[key]);
  }
  // strict: an unknown key is an error; plain: unknown keys are dropped
  if (def.catchall) for (const key in input) if (!Object.prototype.hasOwnProperty.call(shape, key)) handOver();
  return out;
}

function record(def: Def, input: unknown): Record<string, unknown> {
  if (!plainObject(input)) handOver();
  if (def.keyType!._zod.values !== undefined || def.mode === 'loose') handOver();
  const out: Record<string, unknown> = {};
  // zod takes Reflect.ownKeys: the same order as Object.keys, which leaves out symbols and hidden keys (none here)
  if (Object.getOwnPropertySymbols(input).length > 0 || Object.getOwnPropertyNames(input).length !== Object.keys(input).length) handOver();
  for (const key of Object.keys(input)) {
    if (key === '__proto__') handOver();
    const k = walk(def.keyType!, key);
    if (k !== key) handOver();
    out[key] = walk(def.valueType!, input[key]);
  }
  return out;
}
