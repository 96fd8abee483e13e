// npm's `prepare`: builds dist/ and schemas/ (`npm run build`) unless they were built from these very inputs.
//
// npm runs `prepare` on `npm ci`, and again when `npx baocao` first installs the project into npx's own cache (it
// links this folder there): that second time finds dist/ as the first left it, and starts the command at once
// instead of building it all again (docs/performance.md). The type check is the tests' (`npm test`), not the
// install's.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** everything the build reads, besides node_modules/ (which package-lock.json stands for) */
const INPUTS = ['package.json', 'package-lock.json', 'src', 'scripts', 'templates'];
const STAMP = join('dist', '.built-from');

function digest() {
  const h = createHash('sha256');
  const add = (path) => {
    const entries = readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(path, e.name);
      if (e.isDirectory()) add(p);
      else if (e.isFile()) {
        const bytes = readFileSync(p);
        h.update(`${p}\0${bytes.length}\0`).update(bytes);
      }
    }
  };
  for (const input of INPUTS) {
    if (!existsSync(input)) continue;
    if (input.includes('.')) h.update(`${input}\0`).update(readFileSync(input));
    else add(input);
  }
  return `${h.digest('hex')}\n`;
}

const want = digest();
const have = existsSync(STAMP) && existsSync(join('dist', 'boot.cjs')) && existsSync('schemas') ? readFileSync(STAMP, 'utf8') : '';
if (have !== want) {
  // the npm that runs this script, as npm sets it for the scripts it runs
  const npm = process.env.npm_execpath;
  const r = npm ? spawnSync(process.execPath, [npm, 'run', 'build'], { stdio: 'inherit' }) : spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  writeFileSync(STAMP, want);
}
