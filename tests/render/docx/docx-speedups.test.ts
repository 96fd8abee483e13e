import { NextAttributeComponent } from 'docx';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributesOf } from '../../../src/render/docx/docx-speedups.js';

/** docx's own NextAttributeComponent.prepForXml, as docx 9 writes it (before docx-speedups.ts replaces it). */
function original(root: Record<string, { key: string; value: unknown }>): unknown {
  return {
    _attr: Object.values(root)
      .filter(({ value }) => value !== undefined)
      .reduce<Record<string, unknown>>((acc, { key, value }) => ({ ...acc, [key]: value }), {}),
  };
}

describe('docx speed-ups', () => {
  it('give the attributes docx gives, keys in the same order, the last of a repeated key', () => {
    const entry = fc.record({ key: fc.constantFrom('w:val', 'w:ascii', 'w:hAnsi', 'w:cs', 'w:eastAsia', 'w:hint', 'w:w', 'w:type'), value: fc.oneof(fc.constant(undefined), fc.integer(), fc.string()) });
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), entry), (root) => {
        const ours = attributesOf(root);
        expect(ours).toEqual(original(root));
        expect(Object.keys(ours._attr)).toEqual(Object.keys((original(root) as { _attr: object })._attr));
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('are what docx uses once the renderer is loaded', async () => {
    await import('../../../src/render/docx/render.js');
    const c = new NextAttributeComponent<{ a: number; b: string }>({ a: { key: 'w:val', value: 2 }, b: { key: 'w:x', value: undefined as unknown as string } });
    expect(c.prepForXml({} as never)).toEqual({ _attr: { 'w:val': 2 } });
    expect(NextAttributeComponent.prototype.prepForXml.toString()).not.toContain('reduce');
  });
});
