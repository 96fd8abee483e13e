import { EMPTY_OBJECT, NextAttributeComponent, XmlComponent, isXmlComponent } from 'docx';

/**
 * Faster equivalents of docx internals that dominate packing a large report (docs/performance.md). Each gives
 * exactly the result of the code it replaces; tests/render/docx/docx-speedups.test.ts compares them.
 *
 * docx's NextAttributeComponent.prepForXml (every run's font, size, spacing … attributes) rebuilds its result
 * object once per attribute through Babel's object-spread helper: quadratic, and ~7% of a build of the sample.
 * Here the same object is built in one pass: the same keys, in the same order, the last value of a repeated key.
 *
 * XmlComponent.prepForXml, which every element goes through, collects its children with flatMap and filter and
 * two closures per element; `prepareChildren` is the same walk as one loop.
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

interface Context {
  readonly stack: unknown[];
}
interface Component {
  readonly root: readonly unknown[];
  readonly rootKey: string;
}
type Preparable = { prepForXml(context: Context): unknown; readonly writtenAs?: readonly Preparable[] };

/** docx's XmlComponent.prepForXml, written as a loop: the same children (flattened one level, undefined left out). */
export function prepareChildren(this: Component, context: Context): Record<string, unknown> {
  context.stack.push(this);
  const children: unknown[] = [];
  for (const comp of this.root) {
    let r: unknown;
    if (isXmlComponent(comp)) {
      const parts = (comp as unknown as Preparable).writtenAs;
      r = parts ? parts.map((part) => part.prepForXml(context)) : (comp as unknown as Preparable).prepForXml(context);
    } else r = comp;
    if (Array.isArray(r)) {
      for (const x of r) if (x !== undefined) children.push(x);
    } else if (r !== undefined) children.push(r);
  }
  context.stack.pop();
  const first = children[0] as { _attr?: unknown } | undefined;
  return { [this.rootKey]: children.length ? (children.length === 1 && first?._attr ? first : children) : EMPTY_OBJECT };
}

const base = XmlComponent.prototype as unknown as { prepForXml(context: unknown): unknown };
if (typeof base.prepForXml === 'function') base.prepForXml = prepareChildren as unknown as (context: unknown) => unknown;
