import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { readZipDirectory } from '../../src/excel/zip.js';
import { strictness } from './strictness.js';
import { MC, XML_NS, attr, elements, parseXml, processMarkupCompatibility, serialize, type XmlElement } from './xml-tree.js';

/**
 * The check of every package the program writes, as Word and Excel would judge it, offline: the zip (no duplicate
 * or case-colliding names), the package (content types, relationships), each XML part validated by xmllint
 * against the ISO/IEC 29500-4:2016 Transitional schemas (vendored in tests/ooxml/xsd, with the ECMA-376 OPC and
 * Dublin Core schemas) after markup-compatibility processing, and the checks a schema cannot express
 * (strictness.ts). Modelled on the reference checker the project was given (its README: schemas from
 * ISO/IEC 29500-4, validation after MCE processing), written anew for the suite.
 */

const XSD = resolve(import.meta.dirname, 'xsd');
const ISO = join(XSD, 'ISO-IEC29500-4_2016');

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const S = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
const PR = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CP = 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties';
const EP = 'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties';
const CU = 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

type SchemaKey = 'wml' | 'sml' | 'dml' | 'core' | 'app' | 'custom' | 'rels' | 'ct';

/** the namespaces whose elements a schema set defines: never removed as ignorable */
const UNDERSTOOD = new Set([
  W, S, A, R, MC, CT, PR, CP, EP, CU, XML_NS,
  'http://purl.org/dc/elements/1.1/', 'http://purl.org/dc/terms/', 'http://purl.org/dc/dcmitype/', 'http://www.w3.org/2001/XMLSchema-instance',
  'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes', 'http://schemas.openxmlformats.org/officeDocument/2006/math',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing', 'http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes',
  'urn:schemas-microsoft-com:vml', 'urn:schemas-microsoft-com:office:office', 'urn:schemas-microsoft-com:office:excel', 'urn:schemas-microsoft-com:office:word',
]);

const MAIN = 'application/vnd.openxmlformats-officedocument.';
/** content type → the schema its part is validated against, and the root element it must have */
const BY_CONTENT_TYPE: Record<string, [SchemaKey, string, string]> = {
  [`${MAIN}wordprocessingml.document.main+xml`]: ['wml', W, 'document'],
  [`${MAIN}wordprocessingml.styles+xml`]: ['wml', W, 'styles'],
  [`${MAIN}wordprocessingml.numbering+xml`]: ['wml', W, 'numbering'],
  [`${MAIN}wordprocessingml.footnotes+xml`]: ['wml', W, 'footnotes'],
  [`${MAIN}wordprocessingml.endnotes+xml`]: ['wml', W, 'endnotes'],
  [`${MAIN}wordprocessingml.settings+xml`]: ['wml', W, 'settings'],
  [`${MAIN}wordprocessingml.webSettings+xml`]: ['wml', W, 'webSettings'],
  [`${MAIN}wordprocessingml.fontTable+xml`]: ['wml', W, 'fonts'],
  [`${MAIN}wordprocessingml.header+xml`]: ['wml', W, 'hdr'],
  [`${MAIN}wordprocessingml.footer+xml`]: ['wml', W, 'ftr'],
  [`${MAIN}wordprocessingml.comments+xml`]: ['wml', W, 'comments'],
  [`${MAIN}theme+xml`]: ['dml', A, 'theme'],
  [`${MAIN}spreadsheetml.sheet.main+xml`]: ['sml', S, 'workbook'],
  [`${MAIN}spreadsheetml.worksheet+xml`]: ['sml', S, 'worksheet'],
  [`${MAIN}spreadsheetml.sharedStrings+xml`]: ['sml', S, 'sst'],
  [`${MAIN}spreadsheetml.styles+xml`]: ['sml', S, 'styleSheet'],
  [`${MAIN}spreadsheetml.comments+xml`]: ['sml', S, 'comments'],
  [`${MAIN}spreadsheetml.calcChain+xml`]: ['sml', S, 'calcChain'],
  [`${MAIN}spreadsheetml.table+xml`]: ['sml', S, 'table'],
  'application/vnd.openxmlformats-package.core-properties+xml': ['core', CP, 'coreProperties'],
  [`${MAIN}extended-properties+xml`]: ['app', EP, 'Properties'],
  [`${MAIN}custom-properties+xml`]: ['custom', CU, 'Properties'],
  'application/vnd.openxmlformats-package.relationships+xml': ['rels', PR, 'Relationships'],
};

/** content types of parts that no schema here covers (VML, legacy drawing of Excel's notes) */
const UNVALIDATED = new Set([`${MAIN}vmlDrawing`]);

function wrapper(key: SchemaKey): string {
  const imports: [string, string][] = [[XML_NS, join(ISO, 'xml.xsd')]];
  const opc = join(XSD, 'opc');
  const dc = join(XSD, 'dublincore');
  if (key === 'wml') imports.push([W, join(ISO, 'wml.xsd')]);
  if (key === 'sml') imports.push([S, join(ISO, 'sml.xsd')]);
  if (key === 'dml') imports.push([A, join(ISO, 'dml-main.xsd')]);
  if (key === 'app') imports.push([EP, join(ISO, 'shared-documentPropertiesExtended.xsd')]);
  if (key === 'custom') imports.push([CU, join(ISO, 'shared-documentPropertiesCustom.xsd')]);
  if (key === 'rels') imports.push([PR, join(opc, 'opc-relationships.xsd')]);
  if (key === 'ct') imports.push([CT, join(opc, 'opc-contentTypes.xsd')]);
  // Dublin Core first, from the vendored copies: the core-properties schema names them by URL
  if (key === 'core') imports.push(['http://purl.org/dc/elements/1.1/', join(dc, 'dc.xsd')], ['http://purl.org/dc/terms/', join(dc, 'dcterms.xsd')], [CP, join(opc, 'opc-coreProperties.xsd')]);
  const body = imports.map(([ns, at]) => `<xsd:import namespace="${ns}" schemaLocation="file://${at}"/>`).join('');
  return `<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:baocao:ooxml-check">${body}</xsd:schema>`;
}

export interface PackageCheck {
  readonly errors: string[];
  /** XML parts validated against a schema */
  readonly validated: number;
}

const decode = (b: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(b);

/** Checks one written .docx or .xlsx; `name` names it in the messages. */
export function checkPackage(bytes: Uint8Array, name: string): PackageCheck {
  const errors: string[] = [];
  const say = (part: string, message: string) => errors.push(`${name} › ${part}: ${message}`);
  // the zip
  const seen = new Set<string>();
  for (const e of readZipDirectory(bytes).entries) {
    const key = e.name.toLowerCase();
    if (seen.has(key)) say(e.name, 'zip entry twice (or twice but for case)');
    seen.add(key);
    if (e.method !== 0 && e.method !== 8) say(e.name, `compression method ${e.method}`);
    if (e.name.startsWith('/') || e.name.includes('\\')) say(e.name, 'entry name with a leading slash or a backslash');
  }
  const files = unzipSync(bytes);
  const parts = new Map(Object.entries(files).filter(([n]) => !n.endsWith('/')));
  const trees = new Map<string, XmlElement>();
  const tree = (part: string): XmlElement | undefined => {
    if (!trees.has(part) && parts.has(part)) {
      try {
        trees.set(part, parseXml(decode(parts.get(part)!)));
      } catch (e) {
        say(part, `not well-formed XML: ${(e as Error).message}`);
        return undefined;
      }
    }
    return trees.get(part);
  };
  // content types
  const types = tree('[Content_Types].xml');
  if (!types) return { errors: [...errors, `${name}: no [Content_Types].xml`], validated: 0 };
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const el of elements(types)) {
    if (el.local === 'Default') defaults.set((attr(el, 'Extension') ?? '').toLowerCase(), attr(el, 'ContentType') ?? '');
    if (el.local === 'Override') overrides.set((attr(el, 'PartName') ?? '').replace(/^\//, '').toLowerCase(), attr(el, 'ContentType') ?? '');
  }
  for (const part of overrides.keys()) if (![...parts.keys()].some((p) => p.toLowerCase() === part)) say('[Content_Types].xml', `an Override for "/${part}", which is not in the package`);
  const extension = (part: string) => /\.([^./]*)$/.exec(part)?.[1]?.toLowerCase() ?? '';
  const typeOf = (part: string) => overrides.get(part.toLowerCase()) ?? defaults.get(extension(part));
  // relationships: targets exist, r:id attributes name a relationship of their part
  const rels = new Map<string, Map<string, { type: string; target: string; external: boolean }>>();
  for (const part of parts.keys()) {
    const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(part);
    if (!m) continue;
    const source = `${m[1]}${m[2]}`;
    const ids = new Map<string, { type: string; target: string; external: boolean }>();
    for (const el of elements(tree(part) ?? parseXml('<x/>'))) {
      if (el.local !== 'Relationship') continue;
      const id = attr(el, 'Id') ?? '';
      if (ids.has(id)) say(part, `relationship id "${id}" twice`);
      const external = attr(el, 'TargetMode') === 'External';
      const raw = attr(el, 'Target') ?? '';
      const target = external ? raw : raw.startsWith('/') ? raw.slice(1) : posix.normalize(posix.join(posix.dirname(source), raw));
      if (!external && !parts.has(target)) say(part, `relationship "${id}" points to "${target}", which is not in the package`);
      ids.set(id, { type: attr(el, 'Type') ?? '', target, external });
    }
    if (source !== '' && !parts.has(source)) say(part, `relationships of "${source}", which is not in the package`);
    rels.set(source, ids);
  }
  // schemas, after markup-compatibility processing
  const dir = mkdtempSync(join(tmpdir(), 'baocao-ooxml-'));
  const bySchema = new Map<SchemaKey, { part: string; file: string }[]>();
  try {
    let n = 0;
    for (const part of parts.keys()) {
      const type = part === '[Content_Types].xml' ? 'ct' : typeOf(part);
      if (type === undefined) {
        say(part, 'no content type (neither a Default for its extension nor an Override)');
        continue;
      }
      if (UNVALIDATED.has(type) || !/xml$/.test(type) && type !== 'ct') continue;
      const known = type === 'ct' ? (['ct', CT, 'Types'] as const) : BY_CONTENT_TYPE[type];
      const root = tree(part);
      if (!known || !root) {
        if (!known && /\+xml$/.test(type)) say(part, `content type ${type}: no schema in the check for it`);
        continue;
      }
      const [key, uri, local] = known;
      if (root.uri !== uri || root.local !== local) say(part, `root element {${root.uri}}${root.local}, expected {${uri}}${local} for ${type}`);
      for (const p of processMarkupCompatibility(root, UNDERSTOOD)) say(part, p);
      // a schema artifact: SpreadsheetML's <t> is a simple type in the schema, yet Excel writes xml:space on it
      if (key === 'sml') for (const el of elements(root)) if (el.uri === S && el.local === 't') el.attributes = el.attributes.filter((a) => !(a.uri === XML_NS && a.name === 'xml:space'));
      for (const id of rIds(root)) if (!rels.get(part)?.has(id)) say(part, `r:id "${id}" names no relationship of the part`);
      const file = join(dir, `${n++}.xml`);
      writeFileSync(file, serialize(root));
      bySchema.set(key, [...(bySchema.get(key) ?? []), { part, file }]);
    }
    for (const [key, list] of bySchema) {
      const schema = join(dir, `${key}.xsd`);
      writeFileSync(schema, wrapper(key));
      const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, ...list.map((x) => x.file)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      if (r.error) throw new Error(`xmllint could not be run (${r.error.message}): install libxml2-utils`);
      for (const line of r.stderr.split('\n')) {
        const m = /^(.*?\.xml):(\d+): (.*)$/.exec(line);
        if (m && !/ validates$/.test(line)) say(list.find((x) => x.file === m[1])?.part ?? m[1]!, m[3]!);
        else if (/fails to validate|parser warning|^\s*$/.test(line) || / validates$/.test(line)) continue;
        else if (line.trim() && !/ validates$/.test(line)) say('(xmllint)', line);
      }
    }
    errors.push(...strictness(parts, tree, rels).map((e) => `${name} › ${e}`));
    return { errors, validated: n };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** the values of relationship-id attributes (r:id, r:embed, r:link…) of a part */
function rIds(root: XmlElement): string[] {
  const out: string[] = [];
  for (const el of elements(root)) for (const a of el.attributes) if (a.uri === R) out.push(a.value);
  return out;
}
