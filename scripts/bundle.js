// Builds dist/ with esbuild (docs/performance.md):
//   dist/cli/main.cjs    the program, one CommonJS file (commander, zod, date-fns … inside);
//   dist/vendor/*.cjs    each large library in one file: docx, exceljs (680 modules), handlebars, yaml, micromark;
//   dist/boot.cjs        what bin/baocao.js runs: loads those files with a code cache (src/boot/boot.ts);
//   dist/templates.cjs   the shipped templates compiled by Handlebars ahead of time;
//   dist/gen-schemas.js  writes schemas/ (run by `npm run build`).
// A command loads the program and, only when it needs them, the libraries: `--help` and YAML validation never
// load docx or exceljs.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { fastStringifyXmlable } from './docx-fast-xml.js';

/** libraries kept out of the program's bundle, each its own bundle loaded on first require */
const VENDORS = ['docx', 'exceljs', 'handlebars', 'yaml', 'mdast-util-from-markdown', 'mdast-util-gfm-footnote', 'micromark-extension-gfm-footnote'];

const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', legalComments: 'none' };
const hash = (file) => createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);

// Built beside dist/ and swapped in at the end, so that a CLI started meanwhile (a test, another build) never
// finds dist/ half written.
const OUT = `dist.building-${process.pid}`;
rmSync(OUT, { recursive: true, force: true });

/**
 * commander requires node:child_process when it loads, for subcommands run as separate executables, which baocao
 * has none of; loading it (with net, dgram, streams) is a tenth of `--help`. Here commander gets it on first use.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents: 'let m; const load = () => (m ??= require("node:child_process")); module.exports = new Proxy({}, { get: (_, k) => load()[k], has: (_, k) => k in load() });',
      loader: 'js',
    }));
  },
};

/** the program requires each library by its bundle's path (dist/cli/ → dist/vendor/), which plain `require` resolves */
const vendorRequest = (name) => `../vendor/${name}.cjs`;
const vendorFiles = {
  name: 'vendor-files',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${VENDORS.map((v) => v.replace(/[-/]/g, '\\$&')).join('|')})$`) }, (args) => ({ path: vendorRequest(args.path), external: true }));
  },
};

await build({
  ...common,
  plugins: [lazyChildProcess, vendorFiles],
  entryPoints: { 'cli/main': 'src/cli/main.ts' },
  outdir: OUT,
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  // import() of the program's own modules stays lazy (a function that runs the module on first call)
  supported: { 'dynamic-import': false },
  define: { 'import.meta.url': '__baocao_import_meta_url' },
  banner: { js: 'var __baocao_import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
});

/**
 * docx's XML writer replaced by scripts/docx-fast-xml.js (same output, a fraction of the time) for the
 * non-indented XML it writes for us. If a docx release no longer has the function, docx is bundled as it is.
 */
const DOCX_XML = 'var stringifyXmlable = (input, { indent = "", declaration } = {}) => {';
const docxFastXml = {
  name: 'docx-fast-xml',
  setup(b) {
    b.onLoad({ filter: /[\\/]docx[\\/]dist[\\/]index\.cjs$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes(DOCX_XML) || !text.includes('var escapeAll = ')) {
        console.warn('docx: stringifyXmlable not found, its fast replacement is not applied (scripts/docx-fast-xml.js)');
        return { contents: text, loader: 'js' };
      }
      const fast =
        `var fastStringifyXmlable = ${fastStringifyXmlable.toString()};\n` +
        'var stringifyXmlable = (input, options = {}) => options.indent ? stringifyXmlable$docx(input, options) : fastStringifyXmlable(input, options.declaration, escapeAll);\n';
      return { contents: text.replace(DOCX_XML, `${fast}var stringifyXmlable$docx = (input, { indent = "", declaration } = {}) => {`), loader: 'js' };
    });
  },
};

const vendors = {};
for (const name of VENDORS) {
  const file = `vendor/${name}.cjs`;
  await build({
    ...common,
    stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: process.cwd(), loader: 'js' },
    outfile: `${OUT}/${file}`,
    format: 'cjs',
    plugins: name === 'docx' ? [docxFastXml] : [],
  });
  vendors[vendorRequest(name)] = { file, hash: hash(`${OUT}/${file}`) };
}

await build({
  ...common,
  entryPoints: { boot: 'src/boot/boot.ts' },
  outdir: OUT,
  outExtension: { '.js': '.cjs' },
  // CommonJS, as bin/baocao.js: Node then never starts its ES module loader
  format: 'cjs',
  define: {
    __BAOCAO_BUNDLES__: JSON.stringify({ main: { file: 'cli/main.cjs', hash: hash(`${OUT}/cli/main.cjs`) }, vendors }),
    'import.meta.url': '__baocao_import_meta_url',
  },
  banner: { js: 'var __baocao_import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
});

// build-time scripts: plain ESM that imports the packages from node_modules
await build({
  ...common,
  entryPoints: { 'gen-schemas': 'scripts/gen-schemas.ts', 'precompile-templates': 'scripts/precompile-templates.ts' },
  outdir: OUT,
  format: 'esm',
  packages: 'external',
});

// dist/templates.cjs: the shipped templates compiled by Handlebars ahead of time (src/render/template/precompiled.ts)
process.env.BAOCAO_DIST = OUT;
await import(pathToFileURL(`${OUT}/precompile-templates.js`).href);

// the code cache is named by content hashes: what is still valid stays valid
if (existsSync('dist/.cache')) {
  try {
    renameSync('dist/.cache', `${OUT}/.cache`);
  } catch {
    // in use elsewhere: the new dist/ starts without it
  }
}
for (let attempt = 0; ; attempt++) {
  const old = `dist.old-${process.pid}-${attempt}`;
  try {
    if (existsSync('dist')) renameSync('dist', old);
    renameSync(OUT, 'dist');
    rmSync(old, { recursive: true, force: true });
    break;
  } catch (e) {
    // another build swapped its dist/ in between: go again
    rmSync(old, { recursive: true, force: true });
    if (attempt >= 5) {
      rmSync('dist', { recursive: true, force: true });
      renameSync(OUT, 'dist');
      break;
    }
  }
}
