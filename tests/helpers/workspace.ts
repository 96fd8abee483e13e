import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const MINI = join(ROOT, 'fixtures', 'mini');
export const SAMPLE = join(ROOT, 'data');

/** A throw-away copy of a workspace; edit its files, then `dispose()`. */
export interface TempWorkspace {
  readonly dir: string;
  read(rel: string): string;
  write(rel: string, text: string): void;
  /** replace the first occurrence of `from` in a file (fails the test when absent) */
  replace(rel: string, from: string | RegExp, to: string): void;
  dispose(): void;
}

export function tempWorkspace(source: string = MINI): TempWorkspace {
  const dir = mkdtempSync(join(tmpdir(), 'baocao-ws-'));
  cpSync(source, dir, { recursive: true });
  return {
    dir,
    read: (rel) => readFileSync(join(dir, rel), 'utf8'),
    write: (rel, text) => writeFileSync(join(dir, rel), text),
    replace(rel, from, to) {
      const before = readFileSync(join(dir, rel), 'utf8');
      const after = before.replace(from, to);
      if (after === before) throw new Error(`"${String(from)}" not found in ${rel}`);
      writeFileSync(join(dir, rel), after);
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** 1-based line of the first line containing `needle` */
export function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" not found`);
  return i + 1;
}
