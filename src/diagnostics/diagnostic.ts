/** A problem found in the user's data or environment: a value, never a thrown string. */
export type Severity = 'error' | 'warning';

export interface Location {
  /** path relative to the workspace (or as given on the command line) */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly sheet?: string;
  readonly cell?: string;
  /** path inside the document, e.g. ["services", "qd06-02", "online"] */
  readonly path?: readonly (string | number)[];
}

export interface Diagnostic extends Location {
  readonly severity: Severity;
  /** stable machine code, e.g. "BC101"; see docs/diagnostics.md */
  readonly code: string;
  /** Vietnamese, for people */
  readonly message: string;
}

export function error(code: string, message: string, at: Location = {}): Diagnostic {
  return { severity: 'error', code, message, ...at };
}

export function warning(code: string, message: string, at: Location = {}): Diagnostic {
  return { severity: 'warning', code, message, ...at };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** A bug or an environment failure that is reported to the user with an exit code, not a stack trace. */
export class BaocaoError extends Error {
  constructor(
    readonly exitCode: number,
    readonly diagnostic: Diagnostic,
  ) {
    super(diagnostic.message);
  }
}

export const EXIT = { ok: 0, data: 1, usage: 2, io: 3, internal: 70 } as const;
