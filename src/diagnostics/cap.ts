import { CODES } from './codes.js';
import { error, warning, type Diagnostic } from './diagnostic.js';

/**
 * Caps on the problems listed: a file with a million bad rows gives the first ones and a count of the rest, in
 * bounded memory and time, instead of a million lines (or an exhausted heap). Per file, where the problems are
 * found (`CappedDiagnostics`); per run, where they are printed (`capRun`). Those left out are counted in one
 * more diagnostic, BC010 "và N lỗi khác".
 */

/** problems listed per file */
export const SHOWN_PER_FILE = 200;
/** problems listed per run (all files) */
export const SHOWN_PER_RUN = 200;

interface Omitted {
  errors: number;
  warnings: number;
}

/** the BC010 diagnostics made here → what each of them counts */
const counted = new WeakMap<Diagnostic, Omitted>();

function count(into: Omitted, d: Diagnostic): void {
  const inner = counted.get(d);
  if (inner) {
    into.errors += inner.errors;
    into.warnings += inner.warnings;
  } else if (d.severity === 'error') into.errors++;
  else into.warnings++;
}

function summary(omitted: Omitted, file: string | undefined, scope: string): Diagnostic | undefined {
  if (omitted.errors + omitted.warnings === 0) return undefined;
  const n = (k: number) => k.toLocaleString('vi-VN');
  const parts = [omitted.errors ? `${n(omitted.errors)} lỗi` : '', omitted.warnings ? `${n(omitted.warnings)} cảnh báo` : ''].filter(Boolean).join(' và ');
  const message = `${['và', parts, 'khác', scope].filter(Boolean).join(' ')} không được liệt kê: hãy sửa các lỗi trên rồi kiểm tra lại`;
  const at = file === undefined ? {} : { file };
  const d = omitted.errors ? error(CODES.moreDiagnostics, message, at) : warning(CODES.moreDiagnostics, message, at);
  counted.set(d, { ...omitted });
  return d;
}

/**
 * A list of diagnostics that keeps the first `max` pushed and counts the others (an Array, so that code that
 * pushes onto a `Diagnostic[]` needs no change). `listed()` gives them with the count.
 */
export class CappedDiagnostics extends Array<Diagnostic> {
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  readonly omitted: Omitted = { errors: 0, warnings: 0 };

  constructor(private readonly max: number = SHOWN_PER_FILE) {
    super();
  }

  override push(...items: Diagnostic[]): number {
    for (const d of items) {
      if (this.length < this.max && !counted.has(d)) super.push(d);
      else count(this.omitted, d);
    }
    return this.length;
  }
}

/** The diagnostics of a list, those a `CappedDiagnostics` left out counted in one more, BC010, at the end. */
export function listed(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const out = Array.from(diagnostics);
  if (diagnostics instanceof CappedDiagnostics) {
    const more = summary(diagnostics.omitted, out[0]?.file, 'trong tệp này');
    if (more) out.push(more);
  }
  return out;
}

/** At most `max` diagnostics of a file (or several), the others counted in one more. */
export function capFile(diagnostics: Iterable<Diagnostic>, max = SHOWN_PER_FILE): Diagnostic[] {
  const list = new CappedDiagnostics(max);
  for (const d of diagnostics) list.push(d);
  return listed(list);
}

/** The diagnostics a run prints: the first `max`, and one that counts all the others (with those each file left out). */
export function capRun(diagnostics: readonly Diagnostic[], max = SHOWN_PER_RUN): Diagnostic[] {
  if (diagnostics.length <= max) return [...diagnostics];
  const kept = diagnostics.slice(0, max);
  const omitted: Omitted = { errors: 0, warnings: 0 };
  for (let i = max; i < diagnostics.length; i++) count(omitted, diagnostics[i]!);
  return [...kept, summary(omitted, undefined, '')!];
}
