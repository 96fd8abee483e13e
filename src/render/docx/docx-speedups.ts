import { NextAttributeComponent } from 'docx';

/**
 * Faster equivalents of docx internals that dominate packing a large report (docs/performance.md). Each gives
 * exactly the result of the code it replaces; tests/render/docx/docx-speedups.test.ts compares them.
 *
 * docx's NextAttributeComponent.prepForXml (every run's font, size, spacing … attributes) rebuilds its result
 * object once per attribute through Babel's object-spread helper: quadratic, and ~7% of a build of the sample.
 * Here the same object is built in one pass: the same keys, in the same order, the last value of a repeated key.
 */
type Root = Readonly<Record<string, { readonly key: string; readonly value: unknown }>>;

export function attributesOf(root: Root): { _attr: Record<string, unknown> } {
  const attrs: Record<string, unknown> = {};
  for (const { key, value } of Object.values(root)) if (value !== undefined) attrs[key] = value;
  return { _attr: attrs };
}

const proto = NextAttributeComponent.prototype as unknown as { prepForXml(context: unknown): unknown };
if (typeof proto.prepForXml === 'function') {
  proto.prepForXml = function (this: { root: Root }) {
    return attributesOf(this.root);
  };
}
