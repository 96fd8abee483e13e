import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BaocaoError, EXIT, error } from '../../diagnostics/diagnostic.js';
import { CODES } from '../../diagnostics/codes.js';
import { writeOutputs, type OutputFile } from '../../workspace/write.js';
import { CATALOG_FILES, DEFINITION_FILE } from '../../workspace/load.js';
import { packageRoot } from '../../workspace/package-root.js';
import { dataDir } from '../options.js';
import { printJson, printLine } from '../output.js';
import { INIT_README, INIT_REPORT } from './init-files.js';

/** The bundled workspace and templates shipped with the tool: the starting point of a new workspace. */
function bundled(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}

/**
 * baocao init DIR: a new workspace — report.yaml with every field the province must fill left blank (validate and
 * build name each one, BC115, until it is filled), the bundled catalogs, vocabularies, report definition and
 * templates to adapt, and a README.
 */
export async function run(opts: { dir?: string; json?: boolean }): Promise<number> {
  const target = dataDir(opts.dir ?? 'data');
  let entries: string[] = [];
  try {
    entries = await readdir(target.absolute);
  } catch {
    entries = [];
  }
  if (entries.length > 0) {
    throw new BaocaoError(EXIT.usage, error(CODES.usage, `thư mục "${target.shown}" đã có dữ liệu: hãy chọn một thư mục mới hoặc trống`, { file: target.shown }));
  }
  const file = (rel: string, data: string): OutputFile => ({ path: join(target.absolute, rel), shown: join(target.shown, rel), data });
  const files: OutputFile[] = [file('README.md', INIT_README), file('report.yaml', INIT_REPORT)];
  for (const rel of [...Object.values(CATALOG_FILES).map(([rel]) => rel), DEFINITION_FILE]) files.push(file(rel, await readFile(bundled('data', rel), 'utf8')));
  const templates = (await readdir(bundled('templates'))).filter((n) => n.endsWith('.hbs')).sort();
  for (const name of templates) files.push(file(join('templates', name), await readFile(bundled('templates', name), 'utf8')));
  await writeOutputs(files);
  if (opts.json) printJson({ command: 'init', dir: target.shown, created: files.map((f) => f.shown), diagnostics: [] });
  else {
    printLine(`Đã tạo thư mục dữ liệu "${target.shown}":`);
    for (const f of files) printLine(`  + ${f.shown}`);
    printLine(`Tiếp theo: làm theo ${join(target.shown, 'README.md')}; "baocao validate --data ${target.shown}" nêu từng chỗ còn phải điền.`);
  }
  return EXIT.ok;
}
