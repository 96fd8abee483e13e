// Builds dist/ with esbuild: the CLI as a few ESM chunks, so that start-up reads one file instead of hundreds
// of modules. Heavy libraries (docx, exceljs, handlebars) stay external and load only when a command needs them.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { 'cli/main': 'src/cli/main.ts', 'gen-schemas': 'scripts/gen-schemas.ts', 'precompile-templates': 'scripts/precompile-templates.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['docx', 'exceljs', 'handlebars', 'fflate', 'write-file-atomic'],
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
  legalComments: 'none',
  // commander is CommonJS: give the ESM chunks a require() for its node: built-ins
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});

// dist/templates.cjs: the shipped templates compiled by Handlebars ahead of time (src/render/template/precompiled.ts)
await import(pathToFileURL('dist/precompile-templates.js').href);
