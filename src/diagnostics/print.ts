import type { Diagnostic } from './diagnostic.js';

/** "so-tu-phap.xlsx › Dịch vụ công › F12" or "data/2024-09/so-y-te.yaml:12:5" */
export function formatLocation(d: Diagnostic): string {
  if (d.sheet !== undefined || d.cell !== undefined) {
    return [d.file, d.sheet, d.cell].filter((p) => p !== undefined && p !== '').join(' › ');
  }
  let s = d.file ?? '';
  if (d.line !== undefined) s += `:${d.line}`;
  if (d.line !== undefined && d.column !== undefined) s += `:${d.column}`;
  return s;
}

const LABEL = { error: 'lỗi', warning: 'cảnh báo' } as const;

export function formatDiagnostic(d: Diagnostic): string {
  const where = formatLocation(d);
  return `${where ? where + ': ' : ''}${LABEL[d.severity]} ${d.code}: ${d.message}`;
}

export function summarize(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${errors} lỗi, ${warnings} cảnh báo`;
}

/** The documented JSON shape of a diagnostic (docs/cli.md). */
export function toJson(d: Diagnostic): Record<string, unknown> {
  const out: Record<string, unknown> = { severity: d.severity, code: d.code, message: d.message };
  for (const k of ['file', 'line', 'column', 'sheet', 'cell', 'path'] as const) {
    if (d[k] !== undefined) out[k] = d[k];
  }
  return out;
}
