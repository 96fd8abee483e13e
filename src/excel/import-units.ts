import type { Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * Which input files of an import are refused. A file is refused for an error about itself (its cells, its
 * shape, a cross-check's finding about its returns) or about the month's file of a department it feeds (`targets`:
 * shown path → department); files feeding one department (two legacy sheets with different rows of it) stand or
 * fall together, as their rows end up in one file. An error that names no input file and no target refuses
 * every file: nothing is written on a doubt.
 */
export function refusals(
  files: readonly { readonly shown: string }[],
  sources: readonly { readonly department: string; readonly input: string }[],
  targets: ReadonlyMap<string, string>,
  diagnostics: readonly Diagnostic[],
): Set<string> {
  // units: union-find over the input files, joined by the departments they feed
  const parent = new Map(files.map((f) => [f.shown, f.shown]));
  const root = (f: string): string => {
    let r = f;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(f, r);
    return r;
  };
  const byDepartment = new Map<string, string>();
  for (const s of sources) {
    const first = byDepartment.get(s.department);
    if (first === undefined) byDepartment.set(s.department, s.input);
    else parent.set(root(s.input), root(first));
  }
  const bad = new Set<string>();
  for (const d of diagnostics) {
    if (d.severity !== 'error') continue;
    const file = d.file !== undefined && parent.has(d.file) ? d.file : d.file !== undefined ? byDepartment.get(targets.get(d.file) ?? '') : undefined;
    if (file === undefined) return new Set(files.map((f) => f.shown));
    bad.add(root(file));
  }
  return new Set(files.map((f) => f.shown).filter((f) => bad.has(root(f))));
}
