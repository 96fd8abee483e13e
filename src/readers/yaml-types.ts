import type { Diagnostic } from '../diagnostics/diagnostic.js';

export type Path = readonly (string | number)[];

export interface SourceMap {
  /** the line/column of the value at `path`, or of its nearest located ancestor */
  locate(path: Path): { line: number; column: number };
  /** the line/column of the key that names `path` (for unknown keys) */
  locateKey(path: Path): { line: number; column: number };
}

export interface YamlReadResult {
  value: unknown;
  map: SourceMap;
  diagnostics: Diagnostic[];
  /** read by the fast reader (plain YAML): its positions can be found again from the text alone */
  fast?: boolean;
}
