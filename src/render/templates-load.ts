import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BaocaoError, EXIT, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { decodeText } from '../workspace/files.js';
import { RENDER_CODES } from './template/codes.js';
import { precompiledTemplates } from './template/precompiled.js';
import type { AppendicesFileOut } from '../schema/definition.js';
import { templateNamesRead, type TemplateSources } from './template/report-texts.js';

/** The templates shipped with the program: `templates/` at the package root. */
export function defaultTemplatesDir(): string {
  // src/render/ (tests) and dist/render/ (built) both sit two levels below the package root
  return fileURLToPath(new URL('../../templates/', import.meta.url));
}

/** A file of the templates folder as diagnostics name it (see loadTemplates). */
function shownPath(dir: string, name: string): string {
  const path = join(dir, name);
  const inside = relative(process.cwd(), path);
  return isAbsolute(dir) && inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path;
}

/**
 * The files of a templates folder that neither the report nor its definition reads (a "phu-luc-4.hbs" no appendix names, a "bao-cao.hbs.txt" saved by
 * an editor that hides extensions, a sub-folder): each one is a warning with its file, since nothing of it would
 * be printed. Hidden files (".…") are left alone.
 */
export async function unusedTemplates(definition: AppendicesFileOut, dir: string = defaultTemplatesDir()): Promise<Diagnostic[]> {
  const names = templateNamesRead(definition).map((n) => `${n}.hbs`);
  const read = new Set(names);
  const entries = await readdir(dir, { withFileTypes: true });
  const listed = names.join(', ');
  return entries
    .filter((e) => !e.name.startsWith('.') && !(e.isFile() && read.has(e.name)))
    .map((e) => e.name)
    .sort()
    .map((name) =>
      warning(
        RENDER_CODES.unusedTemplate,
        name.endsWith('.hbs')
          ? `mẫu "${name}" không được dùng: Báo cáo chỉ đọc các mẫu ${listed} (docs/markup.md); đổi tên cho đúng hoặc xóa tệp`
          : `"${name}" trong thư mục mẫu không được dùng: Báo cáo chỉ đọc các mẫu ${listed}; đổi tên cho đúng hoặc xóa`,
        { file: shownPath(dir, name) },
      ),
    );
}

/**
 * Reads every `*.hbs` of a folder, keyed by file name without ".hbs". `file` in each entry is the path as
 * diagnostics print it: the folder as given, joined with the file name, relative to the working folder when it
 * is inside it (the shipped templates are named "templates/bao-cao.hbs", not by the machine's full path).
 */
export async function loadTemplates(dir: string = defaultTemplatesDir()): Promise<TemplateSources> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.hbs')).sort();
  const precompiled = precompiledTemplates();
  const entries = await Promise.all(
    names.map(async (name) => {
      const path = join(dir, name);
      const file = shownPath(dir, name);
      const key = name.slice(0, -'.hbs'.length);
      // a template saved in another encoding would print mojibake: refused, located (BC002, BC003)
      const decoded = decodeText(await readFile(path), file);
      if (!decoded.ok) throw new BaocaoError(EXIT.data, decoded.diagnostic);
      const text = decoded.text;
      // the same text as a shipped template: use its precompiled form (template/precompiled.ts)
      const ahead = Object.hasOwn(precompiled, key) && precompiled[key]!.text === text ? precompiled[key]!.spec : undefined;
      return [key, ahead ? { file, text, precompiled: ahead } : { file, text }] as const;
    }),
  );
  return Object.fromEntries(entries);
}
