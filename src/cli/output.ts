import { capRun } from '../diagnostics/cap.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostic, summarize, toJson } from '../diagnostics/print.js';

/** stdout for results, stderr for problems; under --json one JSON document on stdout and nothing else. */
export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

export function printLine(text = ''): void {
  process.stdout.write(text + '\n');
}

/** the diagnostics of a run, capped (src/diagnostics/cap.ts) */
export function printDiagnostics(diagnostics: readonly Diagnostic[]): void {
  for (const d of capRun(diagnostics)) process.stderr.write(formatDiagnostic(d) + '\n');
}

export function diagnosticsJson(diagnostics: readonly Diagnostic[]): Record<string, unknown>[] {
  return capRun(diagnostics).map(toJson);
}

export { summarize };
