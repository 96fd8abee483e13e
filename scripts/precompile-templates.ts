// Writes dist/templates.cjs: the shipped templates/*.hbs compiled by Handlebars ahead of time (see
// src/render/template/precompiled.ts). Run by `npm run build`, after the bundle.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRECOMPILED_FILE, precompiledModule } from '../src/render/template/precompiled.js';

const dir = join(process.cwd(), 'templates');
const names = readdirSync(dir).filter((n) => n.endsWith('.hbs')).sort();
const templates = Object.fromEntries(names.map((n) => [n.slice(0, -'.hbs'.length), readFileSync(join(dir, n), 'utf8')]));
// scripts/bundle.js builds into a folder beside dist/ and names it in BAOCAO_DIST
const out = process.env.BAOCAO_DIST ? join(process.env.BAOCAO_DIST, PRECOMPILED_FILE.replace(/^dist[\\/]/, '')) : PRECOMPILED_FILE;
writeFileSync(join(process.cwd(), out), precompiledModule(templates));
