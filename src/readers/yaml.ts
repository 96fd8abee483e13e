import { capFile, SHOWN_PER_FILE } from '../diagnostics/cap.js';
import { readYamlFast } from './yaml-fast.js';
import { readYamlFull } from './yaml-full.js';
import type { YamlReadResult } from './yaml-types.js';

export type { Path, SourceMap, YamlReadResult } from './yaml-types.js';

/**
 * Reads YAML exactly and safely: every scalar stays a string (failsafe schema, so "3.182" is never 3.182),
 * aliases, duplicate keys and several documents are refused, and every value keeps its position
 * so that later problems can name the line and column.
 *
 * Plain files go through a fast reader (`yaml-fast.ts`); anything it does not take on, and every file
 * with a problem, goes through the `yaml` package (`yaml-full.ts`), which gives the diagnostics.
 */
export function readYaml(file: string, source: string): YamlReadResult {
  const r = readYamlFast(file, source) ?? readYamlFull(file, source);
  // thousands of aliases give thousands of BC103: the first ones, and a count of the others
  return r.diagnostics.length > SHOWN_PER_FILE ? { ...r, diagnostics: capFile(r.diagnostics) } : r;
}

