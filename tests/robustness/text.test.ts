import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE, tempWorkspace, type TempWorkspace } from '../helpers/workspace.js';
import { byArea } from './cases.js';
import { caseById, cli, expectCase, treeHash, type Run } from './harness.js';
import { documentText, xmlError, xmlParts } from './docx-xml.js';

/**
 * Text typed by departments on its way into the report: paragraphs added to the "kien-nghi" section of the
 * sample's van-phong-ubnd.yaml (line 98 on), then `build`. What must come out is checked in the document XML.
 */

const FILE = '2024-09/van-phong-ubnd.yaml';
const AT = '  kien-nghi:\n';

interface Setup {
  /** the paragraph as typed (a JSON string is valid YAML double-quoted) */
  readonly typed: string;
  /** what the report must print for it */
  readonly printed: string;
}

const NFD = 'Sở Y tế triển khai thanh toán không dùng tiền mặt'.normalize('NFD');
const SETUPS: Record<string, Setup> = {
  'text.controls': { typed: 'MARK1 a\u0001b\u0008c\u000bd\u001fe\u007ff\ufffeg\uffffh', printed: 'MARK1 abcdefgh' },
  'text.lone-surrogate': { typed: 'MARK2 x\ud800y\udc00z', printed: 'MARK2 xyz' },
  'text.handlebars': {
    typed: 'MARK3 {{constructor.constructor "return process"}} {{#each indicators}}x{{/each}} {{{@root}}}',
    printed: 'MARK3 {{constructor.constructor "return process"}} {{#each indicators}}x{{/each}} {{{@root}}}',
  },
  'text.partial': { typed: 'MARK4 {{> partial}} {{> (lookup . "x")}}', printed: 'MARK4 {{> partial}} {{> (lookup . "x")}}' },
  'text.xml': {
    typed: 'MARK5 </w:t></w:r><w:r><w:t>injected <![CDATA[x]]> &amp; <b>đậm</b> "nháy" \'đơn\'',
    printed: 'MARK5 </w:t></w:r><w:r><w:t>injected <![CDATA[x]]> &amp; <b>đậm</b> "nháy" \'đơn\'',
  },
  'text.emoji': { typed: 'MARK6 👩‍👩‍👧 🇻🇳 ✅', printed: 'MARK6 👩‍👩‍👧 🇻🇳 ✅' },
  'text.nfd': { typed: `MARK7 ${NFD}`, printed: `MARK7 ${NFD.normalize('NFC')}` },
};

function withParagraphs(ws: TempWorkspace, paragraphs: readonly string[]): void {
  ws.replace(FILE, AT, AT + paragraphs.map((p) => `    - ${JSON.stringify(p)}\n`).join(''));
}

let ws: TempWorkspace;
let built: Run;
let docText = '';
let parts: Record<string, string> = {};
let before: Record<string, string>;

beforeAll(() => {
  ws = tempWorkspace(SAMPLE);
  withParagraphs(ws, Object.values(SETUPS).map((s) => s.typed));
  before = treeHash(ws.dir);
  const out = join(ws.dir, 'out');
  built = cli(['build', '--data', ws.dir, '--month', '2024-09', '--format', 'docx', '--out', out, '--json']);
  const docx = readdirSync(out).find((n) => n.endsWith('.docx'));
  if (docx) {
    parts = xmlParts(new Uint8Array(readFileSync(join(out, docx))));
    docText = documentText(parts['word/document.xml'] ?? '');
  }
}, 60_000);
afterAll(() => ws.dispose());

describe('text reaching the report is printed, cleaned, never evaluated', () => {
  it('has a setup for every case of the table that shares the build', () => {
    const own = ['text.100kb', 'text.footnote-prototype'];
    expect(Object.keys(SETUPS).sort()).toEqual(byArea('text').map((c) => c.id).filter((id) => !own.includes(id)).sort());
  });

  it('every XML part of the document is well-formed', () => {
    expect(Object.keys(parts)).toContain('word/document.xml');
    for (const [name, xml] of Object.entries(parts)) expect(xmlError(xml), name).toBeNull();
  });

  it.each(Object.keys(SETUPS))('%s', (id) => {
    const c = caseById(byArea('text'), id);
    expectCase(c, built);
    expect(docText).toContain(SETUPS[id]!.printed);
  });

  it('the workspace is unchanged but for the report written to out/', () => {
    const after = treeHash(ws.dir);
    for (const k of Object.keys(after)) if (k.startsWith('out/')) delete after[k];
    expect(after).toEqual(before);
  });
});

describe('text cases with a build of their own', () => {
  it('text.100kb', () => {
    const c = caseById(byArea('text'), 'text.100kb');
    const w = tempWorkspace(SAMPLE);
    try {
      const sentence = 'Tiếp tục triển khai đồng bộ các giải pháp, nâng cao tỷ lệ hồ sơ trực tuyến toàn trình. ';
      const big = 'MARK8 ' + sentence.repeat(Math.ceil(100_000 / sentence.length));
      withParagraphs(w, [big]);
      const out = join(w.dir, 'out');
      const r = cli(['build', '--data', w.dir, '--month', '2024-09', '--format', 'docx', '--out', out, '--json']);
      expectCase(c, r);
      const docx = readdirSync(out).find((n) => n.endsWith('.docx'))!;
      const xml = xmlParts(new Uint8Array(readFileSync(join(out, docx))))['word/document.xml']!;
      expect(xmlError(xml)).toBeNull();
      expect(documentText(xml)).toContain(big.trim());
    } finally {
      w.dispose();
    }
  });

  it('text.footnote-prototype', () => {
    const c = caseById(byArea('text'), 'text.footnote-prototype');
    const w = tempWorkspace(SAMPLE);
    try {
      withParagraphs(w, ['Theo văn bản[^constructor] đã ban hành.']);
      const before = treeHash(w.dir);
      const r = cli(['build', '--data', w.dir, '--month', '2024-09', '--out', join(w.dir, 'out'), '--json']);
      expectCase(c, r);
      expect(treeHash(w.dir)).toEqual(before);
    } finally {
      w.dispose();
    }
  });
});
