import { SaxesParser, type SaxesTagNS } from 'saxes';

/**
 * A small XML tree for checking written packages: parsed with saxes (namespaces resolved), processed as the
 * Markup Compatibility part of ECMA-376 (Part 3) says a consumer does, and written back for xmllint.
 */

export interface XmlElement {
  /** the qualified name as written ("w:p") */
  readonly name: string;
  readonly uri: string;
  readonly local: string;
  /** attributes as written, namespace declarations included, with their namespace */
  attributes: { name: string; uri: string; value: string }[];
  /** prefix → namespace in scope */
  readonly ns: Readonly<Record<string, string>>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

export const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('opentag', (tag: SaxesTagNS) => {
    const el: XmlElement = {
      name: tag.name,
      uri: tag.uri,
      local: tag.local,
      attributes: Object.values(tag.attributes).map((a) => ({ name: a.name, uri: a.uri, value: a.value })),
      ns: { ...(stack[stack.length - 1]?.ns ?? {}), ...tag.ns },
      children: [],
    };
    stack[stack.length - 1]?.children.push(el);
    stack.push(el);
    root ??= el;
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (t) => void stack[stack.length - 1]?.children.push(t));
  parser.on('cdata', (t) => void stack[stack.length - 1]?.children.push(t));
  parser.write(text).close();
  if (!root) throw new Error('no root element');
  return root;
}

const escape = (s: string, attr: boolean) => s.replace(attr ? /[&<"\t\n\r]/g : /[&<>\r]/g, (c) => `&#${c.charCodeAt(0)};`);

export function serialize(el: XmlElement): string {
  const attrs = el.attributes.map((a) => ` ${a.name}="${escape(a.value, true)}"`).join('');
  if (el.children.length === 0) return `<${el.name}${attrs}/>`;
  return `<${el.name}${attrs}>${el.children.map((c) => (typeof c === 'string' ? escape(c, false) : serialize(c))).join('')}</${el.name}>`;
}

export function* elements(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) if (typeof c !== 'string') yield* elements(c);
}

export function attr(el: XmlElement, local: string, uri = ''): string | undefined {
  return el.attributes.find((a) => a.uri === uri && a.name.replace(/^[^:]*:/, '') === local && !a.name.startsWith('xmlns'))?.value;
}

export const childrenOf = (el: XmlElement, uri: string, local: string): XmlElement[] =>
  el.children.filter((c): c is XmlElement => typeof c !== 'string' && c.uri === uri && c.local === local);

/**
 * Markup-compatibility processing, in place (ECMA-376 Part 3, as a consumer that understands only `understood`):
 * elements and attributes of the namespaces an `mc:Ignorable` names are removed, `mc:AlternateContent` is
 * replaced by the content of its first `mc:Choice` whose `Requires` are understood, else of its `mc:Fallback`;
 * the `mc:` attributes go. Returns the problems Office itself refuses (an undeclared ignorable prefix, a
 * namespace it must understand and does not).
 */
export function processMarkupCompatibility(root: XmlElement, understood: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const walk = (el: XmlElement, inherited: ReadonlySet<string>): void => {
    const ignorable = new Set(inherited);
    for (const pre of (attr(el, 'Ignorable', MC) ?? '').split(/\s+/).filter(Boolean)) {
      const uri = el.ns[pre];
      if (uri === undefined) problems.push(`mc:Ignorable names the prefix "${pre}", which is not declared`);
      else ignorable.add(uri);
    }
    for (const pre of (attr(el, 'MustUnderstand', MC) ?? '').split(/\s+/).filter(Boolean)) {
      if (!understood.has(el.ns[pre] ?? '')) problems.push(`mc:MustUnderstand names "${pre}", not understood`);
    }
    const gone = (uri: string) => uri !== '' && ignorable.has(uri) && !understood.has(uri);
    el.attributes = el.attributes.filter((a) => a.uri !== MC && !gone(a.uri));
    const next: XmlNode[] = [];
    for (const c of el.children) {
      if (typeof c === 'string') {
        next.push(c);
        continue;
      }
      if (c.uri === MC && c.local === 'AlternateContent') {
        const chosen = c.children.find(
          (alt): alt is XmlElement =>
            typeof alt !== 'string' &&
            alt.uri === MC &&
            (alt.local === 'Fallback' || (alt.local === 'Choice' && (attr(alt, 'Requires') ?? '').split(/\s+/).filter(Boolean).every((p) => understood.has(alt.ns[p] ?? '')))),
        );
        for (const sub of chosen?.children ?? []) {
          if (typeof sub !== 'string') walk(sub, ignorable);
          next.push(sub);
        }
        continue;
      }
      if (gone(c.uri)) continue;
      walk(c, ignorable);
      next.push(c);
    }
    el.children = next;
  };
  walk(root, new Set());
  return problems;
}
