import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Packer } from 'docx';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript, used by scripts/bundle.js
import { fastStringifyXmlable } from '../../scripts/docx-fast-xml.js';
import { renderReportDocx } from '../../src/render/docx/render.js';
import { loadTemplates } from '../../src/render/templates-load.js';
import { MODEL_SAMPLE } from '../fixtures/model-sample.js';

/**
 * scripts/bundle.js puts scripts/docx-fast-xml.js in place of docx's XML writer in dist/vendor/docx.cjs. Here it is
 * compared with docx's own writer, taken from the installed docx's source.
 */

type Stringify = (input: unknown, options?: { indent?: string; declaration?: { standalone?: string; encoding?: string } }) => string;
type Escape = (s: string) => string;

const docx = readFileSync(createRequire(import.meta.url).resolve('docx').replace(/index\.mjs$/, 'index.cjs'), 'utf8');
const from = docx.indexOf('var ESCAPES = ');
const to = docx.indexOf('var stringifyAttributes = ');
const original = new Function(`${docx.slice(from, to)}; return { stringifyXmlable, escapeAll };`)() as { stringifyXmlable: Stringify; escapeAll: Escape };
const fast: Stringify = (input, options = {}) => (fastStringifyXmlable as (i: unknown, d: unknown, e: Escape) => string)(input, options.declaration, original.escapeAll);

describe("the fast XML writer of the bundled docx", () => {
  it('is found in docx, as scripts/bundle.js looks for it', () => {
    expect(from).toBeGreaterThan(0);
    expect(to).toBeGreaterThan(from);
    expect(docx).toContain('var stringifyXmlable = (input, { indent = "", declaration } = {}) => {');
  });

  it('writes what docx writes, for generated element trees', () => {
    const name = fc.constantFrom('w:p', 'w:r', 'w:t', 'a', '0', '1x');
    const scalar = fc.oneof(fc.string(), fc.constantFrom('a & b < "c" \'d\' >', '\u0001x', ''), fc.integer(), fc.boolean(), fc.constant(undefined));
    const attrs = fc.dictionary(fc.constantFrom('w:val', 'xml:space', 'r:id', '2'), scalar);
    const tree: fc.Arbitrary<unknown> = fc.letrec<{ el: unknown }>((tie) => ({
      el: fc.oneof(
        { depthSize: 'small' },
        fc.tuple(name, scalar).map(([n, v]) => ({ [n]: v })),
        fc.tuple(name, attrs).map(([n, a]) => ({ [n]: { _attr: a } })),
        fc.tuple(name, fc.string()).map(([n, c]) => ({ [n]: { _cdata: c } })),
        fc.constant({}),
        fc.tuple(name).map(([n]) => ({ [n]: null })),
        fc.tuple(name, fc.array(fc.oneof(tie('el'), attrs.map((a) => ({ _attr: a })), scalar), { maxLength: 5 })).map(([n, xs]) => ({ [n]: xs })),
      ),
    })).el;
    fc.assert(
      fc.property(fc.oneof(tree, fc.array(tree, { maxLength: 3 })), fc.option(fc.record({ standalone: fc.constantFrom('yes', ''), encoding: fc.constantFrom('UTF-8', '') }), { nil: undefined }), (input, declaration) => {
        let expected: string | Error;
        try {
          expected = original.stringifyXmlable(input, { declaration });
        } catch (e) {
          expected = e as Error;
        }
        if (expected instanceof Error) expect(() => fast(input, { declaration })).toThrow();
        else expect(fast(input, { declaration })).toBe(expected);
      }),
      { seed: 11, numRuns: 2000 },
    );
  });

  it('writes what docx writes for every part of the sample report', async () => {
    const compiler = (Packer as unknown as { compiler: { formatter: { format(c: unknown, ctx: unknown): unknown } } }).compiler;
    // the report's document tree, as the renderer builds it: captured where docx formats it
    const seen: unknown[] = [];
    const format = compiler.formatter.format.bind(compiler.formatter);
    compiler.formatter.format = (c: unknown, ctx: unknown) => {
      const x = format(c, ctx);
      seen.push(x);
      return x;
    };
    try {
      const r = await renderReportDocx(MODEL_SAMPLE, await loadTemplates());
      expect('bytes' in r).toBe(true);
    } finally {
      compiler.formatter.format = format;
    }
    expect(seen.length).toBeGreaterThan(10);
    const declaration = { standalone: 'yes', encoding: 'UTF-8' };
    for (const x of seen) expect(fast(x, { declaration })).toBe(original.stringifyXmlable(x, { declaration }));
  });
});
