import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, SAMPLE } from '../helpers/workspace.js';
import { byArea } from './cases.js';
import { cli, expectCase, treeHash } from './harness.js';
import { toWindows1258 } from './legacy-encodings.js';

/**
 * Templates a secretariat might edit badly, or maliciously: a copy of templates/ given with --templates, the
 * case's line added at the top of bao-cao.hbs (so its line is 1). `build` must stop with the template's file,
 * line and column, and write nothing.
 */

interface Setup {
  /** a line put before the first line of bao-cao.hbs */
  readonly line?: string | Buffer;
  readonly edit?: (dir: string) => void;
  /** --templates given as this folder instead of the copy */
  readonly folder?: string;
}

const SETUPS: Record<string, Setup> = {
  'tpl.missing-field': { line: 'X {{count indicators.bhyt-cccd-cards.valeu}}' },
  'tpl.missing-indicator': { line: 'X {{so indicators.nope.value}}' },
  'tpl.misused-helper': { line: 'X {{count indicators.bhyt-cccd-cards}}' },
  'tpl.delta-no-unit': { line: 'X {{delta indicators.bhyt-cccd-cards.delta}}' },
  'tpl.constructor': { line: 'X {{constructor.constructor}}' },
  'tpl.proto': { line: 'X {{indicators.__proto__}}' },
  'tpl.each-constructor': { line: 'X {{#each indicators}}{{this.constructor.name}}{{/each}}' },
  'tpl.string-property': { line: 'X {{so month.length}}' },
  'tpl.lookup': { line: 'X {{lookup indicators "x"}}' },
  'tpl.log': { line: 'X {{log "x"}}' },
  'tpl.helper-missing': { line: 'X {{helperMissing}}' },
  'tpl.partial': { line: 'X {{> partial}}' },
  'tpl.inline-partial': { line: '{{#*inline "p"}}x{{/inline}}{{> p}}' },
  'tpl.syntax': { line: 'X {{#if month}}' },
  'tpl.missing-file': { edit: (dir) => unlinkSync(join(dir, 'trich-yeu.hbs')) },
  'tpl.no-folder': { folder: join(tmpdir(), 'baocao-no-such-templates-folder') },
  'tpl.not-utf8': { line: toWindows1258('Báo cáo của tỉnh về dịch vụ công') },
};

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('templates: every bad template gets a located error; nothing is written', () => {
  it('has a setup for every case of the table, and a case for every setup', () => {
    expect(Object.keys(SETUPS).sort()).toEqual(byArea('templates').map((c) => c.id).sort());
  });

  it.each(byArea('templates').map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const setup = SETUPS[c.id]!;
    dir = mkdtempSync(join(tmpdir(), 'baocao-tpl-'));
    const templates = join(dir, 'templates');
    cpSync(join(ROOT, 'templates'), templates, { recursive: true });
    if (setup.line !== undefined) {
      const body = join(templates, 'bao-cao.hbs');
      writeFileSync(body, Buffer.concat([Buffer.from(setup.line), Buffer.from('\n'), readFileSync(body)]));
    }
    setup.edit?.(templates);
    const out = join(dir, 'out');
    const before = treeHash(templates);
    const r = cli(['build', '--data', SAMPLE, '--month', '2024-09', '--templates', setup.folder ?? templates, '--out', out, '--json']);
    expectCase(c, r);
    expect(treeHash(out), 'something was written').toEqual({});
    expect(treeHash(templates)).toEqual(before);
  });
});
