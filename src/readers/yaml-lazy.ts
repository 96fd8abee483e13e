import { readYamlFast } from './yaml-fast.js';
import type { YamlReadResult } from './yaml-types.js';

/**
 * `readYaml` (yaml.ts) loading the `yaml` package only when a file needs it, so that a command reading plain
 * files never compiles it: validate and build start cold on every run.
 */
export async function readYamlLazily(file: string, source: string): Promise<YamlReadResult> {
  return readYamlFast(file, source) ?? (await import('./yaml-full.js')).readYamlFull(file, source);
}
