// Where GNU time is missing, bench/run.js measures peak memory with this launcher: the process reports its own
// maximum resident set size (KB) into OUT when it exits. node bench/launch.js OUT (-e 0 | SCRIPT ARGS…)
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [out, first, ...rest] = process.argv.slice(2);
process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
if (first !== '-e') {
  process.argv = [process.argv[0], resolve(first), ...rest];
  await import(pathToFileURL(resolve(first)).href);
}
