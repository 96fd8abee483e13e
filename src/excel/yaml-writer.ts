import { transcode } from 'node:buffer';
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { allModels, allServices, indexCatalog, type Catalog } from '../catalog/catalog.js';
import { parseCount, parseDate, parseMonth } from '../format/parse.js';
import { formatNumber } from '../format/number.js';
import { matchLabel, printedLabel } from '../schema/labels.js';
import type { StatusLabels } from '../schema/submission.js';
import { cleanText } from '../schema/scalars.js';
import type { IndicatorEntryOut, ModelEntryOut, ServiceEntryOut, Submission } from '../schema/submission.js';
import { withoutReviewHeader } from '../workspace/review-header.js';
import { SCHEMA_LINE } from '../workspace/submission-yaml.js';

/**
 * Writes an imported return into the department's YAML file with the yaml Document API: an existing file is
 * edited in place, so its comments, layout and the way each unchanged value was written survive; a value is
 * rewritten only when its meaning changed. Keys follow the catalog's order; new values are written in the house
 * style ("229.046", "Đã kết nối", "15/9/2024", "|" blocks for texts of several lines).
 *
 * A file that does not exist yet is written as text directly (`emitNewSubmissionYaml`, below): the same bytes as
 * the Document path, without building and stringifying thousands of yaml nodes.
 */

/** Which parts of the file the import replaces: the whole return (a form), or some service rows (a legacy sheet). */
export type Scope =
  | { readonly kind: 'all' }
  /** `fields`: the service fields the source has columns for; the others are left as the file has them */
  | { readonly kind: 'services'; readonly ids: readonly string[]; readonly fields?: readonly FigureField[] };

export type FigureField = 'connection' | 'total' | 'online' | 'onTime' | 'overdue' | 'difficulties';

type Kind = 'count' | 'connection' | 'progress' | 'date' | 'month' | 'text';

/** `labels`: the workspace's statuses (catalog/vocabularies.yaml), written by their wording */
function render(kind: Kind, v: unknown, labels: StatusLabels): string {
  if (v === null || v === undefined) return '';
  switch (kind) {
    case 'count':
      return formatNumber(v as number);
    case 'connection':
    case 'progress':
      return printedLabel(labels[kind], String(v));
    case 'date': {
      const [y, m, d] = String(v).split('-').map(Number);
      return `${d}/${m}/${y}`;
    }
    default:
      return String(v);
  }
}

/** does the text already in the file mean `v`? then it stays as written */
function means(kind: Kind, old: string, v: unknown, labels: StatusLabels): boolean {
  const empty = v === null || v === undefined || v === '';
  if (old.trim() === '') return empty;
  if (empty) return false;
  switch (kind) {
    case 'count': {
      const r = parseCount(old);
      return r.ok && r.value === v;
    }
    case 'connection':
    case 'progress':
      return matchLabel(labels[kind], old) === v;
    case 'date':
      return parseDate(old) === v;
    case 'month':
      return parseMonth(old) === v;
    default:
      return cleanText(old) === v;
  }
}

/** strings that YAML 1.2 readers (editors) would take for something else */
function needsQuotes(s: string): boolean {
  return /^(?:true|false|yes|no|on|off|null|~)$/i.test(s) || /^[-?:,[\]{}#&*!|>'"%@`]/.test(s) || /: |\s#/.test(s) || s !== s.trim();
}

function styled(doc: Document, text: string): Scalar {
  const s = doc.createNode(text) as Scalar;
  if (text.includes('\n')) s.type = Scalar.BLOCK_LITERAL;
  else if (needsQuotes(text)) s.type = Scalar.QUOTE_DOUBLE;
  return s;
}

function keyOf(item: { key: unknown }): string {
  return isScalar(item.key) ? String(item.key.value) : String(item.key);
}

type Pair = YAMLMap['items'][number];

/**
 * Lookups that stay fast for a map of thousands of keys (a legacy sheet fills thousands of service rows): each
 * map's pairs by key, built on first use and kept by `place` and `remove`, the only code that adds or removes
 * keys; each key order's ranks; and, per map, an upper bound of its keys' ranks so that a key coming in order is
 * appended without a scan. The results are those of scanning `map.items` (the first pair of a key).
 */
const pairs = new WeakMap<YAMLMap, Map<string, Pair>>();
/** makes the new pairs (createPair keeps no state: one document serves them all, instead of one per pair) */
const PAIRS = new Document();
const ranks = new WeakMap<readonly string[], Map<string, number>>();
const highest = new WeakMap<YAMLMap, { order: readonly string[]; rank: number }>();

function pairsOf(map: YAMLMap): Map<string, Pair> {
  let index = pairs.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) if (!index.has(keyOf(p))) index.set(keyOf(p), p);
    pairs.set(map, index);
  }
  return index;
}

/** each key's first place in `order` */
function rankMap(order: readonly string[]): Map<string, number> {
  let index = ranks.get(order);
  if (!index) {
    index = new Map();
    order.forEach((id, i) => {
      if (!index!.has(id)) index!.set(id, i);
    });
    ranks.set(order, index);
  }
  return index;
}

function rankIn(order: readonly string[], k: string): number {
  return rankMap(order).get(k) ?? Number.MAX_SAFE_INTEGER;
}

/** Puts `node` under `key`, keeping the map's order given by `order` for a new key. */
function place(map: YAMLMap, key: string, node: Node, order: readonly string[]): void {
  edits.count++;
  const index = pairsOf(map);
  const existing = index.get(key);
  if (existing) {
    existing.value = node;
    return;
  }
  const rank = (k: string) => rankIn(order, k);
  const pair = PAIRS.createPair(key, node) as Pair;
  const r = rank(key);
  const known = highest.get(map);
  let top = known && known.order === order ? known.rank : -1;
  if (!(known && known.order === order) || top > r) {
    // no bound yet, or one that does not settle it: scan, as ever, and learn the bound
    top = -1;
    let at = -1;
    for (let i = 0; i < map.items.length; i++) {
      const ri = rank(keyOf(map.items[i]!));
      if (at < 0 && ri > r) at = i;
      if (ri > top) top = ri;
    }
    highest.set(map, { order, rank: Math.max(top, r) });
    if (at >= 0) {
      map.items.splice(at, 0, pair);
      index.set(key, pair);
      return;
    }
  } else highest.set(map, { order, rank: r });
  map.items.push(pair);
  index.set(key, pair);
}

function remove(map: YAMLMap, key: string): void {
  const i = map.items.findIndex((p) => keyOf(p) === key);
  if (i >= 0) {
    map.items.splice(i, 1);
    edits.count++;
    // the next pair with the same key (a file with a duplicate key), if any, is now the first
    const index = pairs.get(map);
    if (index) {
      const next = map.items.find((p) => keyOf(p) === key);
      if (next) index.set(key, next);
      else index.delete(key);
    }
  }
}

/** edits made to the document being written (an untouched file is returned as it was, byte for byte) */
const edits = { count: 0 };

function child(map: YAMLMap, key: string): unknown {
  return pairsOf(map).get(key)?.value;
}

class Writer {
  constructor(
    readonly doc: Document,
    readonly labels: StatusLabels,
  ) {}

  /** a scalar field: unchanged meaning → untouched; empty → blank if the key exists, absent otherwise */
  scalar(map: YAMLMap, key: string, kind: Kind, v: unknown, order: readonly string[]): void {
    const node = child(map, key);
    const empty = v === null || v === undefined || v === '';
    if (isScalar(node) && means(kind, node.value === null || node.value === undefined ? '' : String(node.value), v, this.labels)) return;
    if (empty) {
      if (node !== undefined) {
        edits.count++;
        if (isScalar(node)) {
          node.value = '';
          node.type = Scalar.PLAIN;
        } else place(map, key, this.doc.createNode('') as Node, order);
      }
      return;
    }
    const text = render(kind, v, this.labels);
    if (isScalar(node)) {
      edits.count++;
      node.value = text;
      if (text.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
      else if (node.type === Scalar.PLAIN && needsQuotes(text)) node.type = Scalar.QUOTE_DOUBLE;
      else if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) node.type = Scalar.BLOCK_LITERAL;
      return;
    }
    place(map, key, styled(this.doc, text), order);
  }

  /** the map under `key`, created (block style) where missing */
  map(parent: YAMLMap, key: string, order: readonly string[], flow = false): YAMLMap {
    const node = child(parent, key);
    if (isMap(node)) return node;
    const m = new YAMLMap();
    if (flow) m.flow = true;
    place(parent, key, m, order);
    return m;
  }

  /** keyed entries: each desired id written through `fill`; ids no longer wanted removed (when `prune`) */
  entries<V>(parent: YAMLMap, key: string, desired: Readonly<Record<string, V>> | undefined, ids: readonly string[], order: readonly string[], fill: (m: YAMLMap, v: V, id: string) => void, prune: boolean): void {
    const want = Object.entries(desired ?? {});
    const existing = child(parent, key);
    if (!want.length && !isMap(existing)) return;
    const m = this.map(parent, key, order);
    if (prune) for (const p of [...m.items]) if (!Object.hasOwn(desired ?? {}, keyOf(p))) remove(m, keyOf(p));
    const known = new Set(ids);
    const rank = [...ids, ...want.map(([k]) => k).filter((k) => !known.has(k))];
    for (const [id, v] of want) fill(this.map(m, id, rank), v, id);
    if (prune && m.items.length === 0 && !want.length) remove(parent, key);
  }

  list(parent: YAMLMap, key: string, items: readonly string[], order: readonly string[]): void {
    const node = child(parent, key);
    const seq = isSeq(node) ? node : new YAMLSeq();
    if (!isSeq(node)) place(parent, key, seq, order);
    items.forEach((text, i) => {
      const old = seq.items[i];
      if (isScalar(old) && cleanText(String(old.value ?? '')) === text) return;
      edits.count++;
      if (isScalar(old)) {
        old.value = text;
        old.type = text.includes('\n') || old.type === Scalar.BLOCK_LITERAL ? Scalar.BLOCK_LITERAL : needsQuotes(text) ? Scalar.QUOTE_DOUBLE : old.type;
      } else if (i < seq.items.length) seq.items[i] = styled(this.doc, text);
      else seq.items.push(styled(this.doc, text));
    });
    if (seq.items.length > items.length) {
      seq.items.splice(items.length);
      edits.count++;
    }
  }
}

const TOP = ['department', 'month', 'asOf', 'services', 'indicators', 'models', 'sections', 'footnotes'];
const FIGURES = ['connection', 'total', 'online', 'onTime', 'overdue', 'difficulties', 'parts'];
const INDICATOR = ['value', 'total', 'asOf', 'from', 'parts'];
/** an indicator's scalar fields and how each is written (both the Document path and the direct writing) */
const INDICATOR_SCALARS = [
  ['value', 'count'],
  ['total', 'count'],
  ['asOf', 'date'],
  ['from', 'date'],
] as const satisfies readonly (readonly [keyof IndicatorEntryOut, Kind])[];
const MODEL = ['status', 'progress', 'results', 'difficulties', 'effectiveness', 'funding', 'continuation'];

const ALL_FIGURES: readonly FigureField[] = ['connection', 'total', 'online', 'onTime', 'overdue', 'difficulties'];

function figures(w: Writer, m: YAMLMap, e: Omit<ServiceEntryOut, 'parts'>, only: readonly FigureField[] = ALL_FIGURES): void {
  if (only.includes('connection')) w.scalar(m, 'connection', 'connection', e.connection, FIGURES);
  for (const k of ['total', 'online', 'onTime', 'overdue'] as const) if (only.includes(k)) w.scalar(m, k, 'count', e[k], FIGURES);
  if (only.includes('difficulties')) w.scalar(m, 'difficulties', 'text', e.difficulties, FIGURES);
}

export interface YamlTarget {
  /** the file's current text, or null when it does not exist yet */
  readonly existing: string | null;
  /** for a new file: where the values came from, written as a comment under the schema line */
  readonly source?: string;
}

export interface WriteOptions {
  /** 'document': a new file too is built as a yaml Document and stringified (the reference for the direct writing) */
  readonly via?: 'document';
}

/** toString options of every document written here */
const STRINGIFY = { lineWidth: 0, indent: 2, nullStr: '' } as const;

/** the comment that opens a new file: the editor's schema line, then where the values came from */
function headComment(source: string | undefined): string {
  return [SCHEMA_LINE, ...(source ? [`nhập từ ${source}`] : [])].map((l) => ' ' + l).join('\n');
}

/** What the writing needs of a catalog, worked out once per catalog (an import writes many files with one). */
interface CatalogFacts {
  readonly serviceIds: readonly string[];
  readonly indicatorIds: readonly string[];
  readonly modelIds: readonly string[];
  readonly sectionIds: readonly string[];
  /** the ids of a service's sub-rows, in the catalog's order */
  partIds(service: string): readonly string[];
}

const catalogFacts = new WeakMap<Catalog, CatalogFacts>();

function factsOf(catalog: Catalog): CatalogFacts {
  let f = catalogFacts.get(catalog);
  if (!f) {
    const index = indexCatalog(catalog);
    const parts = new Map<string, readonly string[]>();
    f = {
      serviceIds: allServices(catalog).map((s) => s.id),
      indicatorIds: catalog.indicators.map((i) => i.id),
      modelIds: allModels(catalog).map((m) => m.id),
      sectionIds: catalog.sections.map((s) => s.id),
      partIds(service) {
        let ids = parts.get(service);
        if (!ids) {
          // pushed, so that every list has the same elements kind (`map` gave V8 two, and the writer was
          // optimized for one, thrown away and compiled again)
          const list: string[] = [];
          for (const p of index.service.get(service)?.parts ?? []) list.push(p.id);
          parts.set(service, (ids = list));
        }
        return ids;
      },
    };
    catalogFacts.set(catalog, f);
  }
  return f;
}

/** the service rows the import writes: all of them for a whole return, the sheet's rows for a legacy sheet */
function servicesInScope(sub: Submission, scope: Scope): Submission['services'] {
  if (scope.kind === 'all') return sub.services;
  const inScope = new Set(scope.ids);
  return Object.fromEntries(Object.entries(sub.services ?? {}).filter(([id]) => inScope.has(id)));
}

/** The department's YAML after the import. `sub` is the normalised return (zod output). */
export function writeSubmissionYaml(sub: Submission, catalog: Catalog, scope: Scope, target: YamlTarget, options: WriteOptions = {}): string {
  if (target.existing === null && options.via !== 'document') {
    const text = emitNewSubmissionYaml(sub, catalog, scope, target.source);
    if (text !== null) return text;
  }
  return viaDocument(sub, catalog, scope, target);
}

/**
 * Whether writing `sub` within a legacy sheet's `scope` leaves a file as it is, judged from the file's return as
 * read and validated (`existing`) instead of from a yaml Document of it: parsing one is most of the time of
 * importing a large sheet again into a month that has it (~0.2 s for each 340 KB file of the import bench), and a
 * sheet imported again after a few rows were corrected leaves most of its departments' files as they are.
 *
 * It answers as `viaDocument` edits: the department and the month mean the same; every service row of the scope
 * is there, and each of the scope's fields means the same (both blank, or the same value); the sub-rows are the
 * same ids, with the same fields. A value written blank in the file (`total:` with nothing after it) is not judged
 * from its value (a few characters that some readers take for blank and others not): false, and the Document path
 * decides. False is never wrong, only slower.
 */
export function unchangedWithin(existing: Submission, sub: Submission, scope: Extract<Scope, { kind: 'services' }>): boolean {
  if (existing.department !== sub.department || existing.month !== sub.month) return false;
  const want = servicesInScope(sub, scope) ?? {};
  const only = scope.fields ?? ALL_FIGURES;
  for (const id in want) {
    const old = existing.services && Object.hasOwn(existing.services, id) ? existing.services[id]! : undefined;
    const e = want[id]!;
    if (!old || !sameFigures(old, e, only)) return false;
    const parts = e.parts ?? {};
    let count = 0;
    for (const pid in parts) {
      count++;
      const o = old.parts && Object.hasOwn(old.parts, pid) ? old.parts[pid]! : undefined;
      if (!o || !sameFigures(o, parts[pid]!, only)) return false;
    }
    // no sub-rows wanted: the file has none (an empty "parts" is removed); else exactly these
    if (count === 0 ? old.parts !== undefined : Object.keys(old.parts ?? {}).length !== count) return false;
  }
  return true;
}

/** each field of `only` means the same in the file (`old`) and in the new row, as `Writer.scalar` judges */
function sameFigures(old: Omit<ServiceEntryOut, 'parts'>, e: Omit<ServiceEntryOut, 'parts'>, only: readonly FigureField[]): boolean {
  for (const f of only) {
    const was = old[f];
    const now = e[f];
    if (was === undefined ? !(now === undefined || now === null || now === '') : was === null || was === '' || was !== now) return false;
  }
  return true;
}

function viaDocument(sub: Submission, catalog: Catalog, scope: Scope, target: YamlTarget): string {
  const doc = target.existing !== null ? parseDocument(target.existing, { schema: 'failsafe' }) : new Document(new YAMLMap(), { schema: 'failsafe' });
  if (target.existing === null) doc.commentBefore = headComment(target.source);
  if (!isMap(doc.contents)) doc.contents = new YAMLMap() as never;
  edits.count = 0;
  const finish = () => (target.existing !== null && edits.count === 0 ? target.existing : doc.toString(STRINGIFY));
  const root = doc.contents as unknown as YAMLMap;
  const w = new Writer(doc, catalog.vocabularies.labels);
  const facts = factsOf(catalog);
  w.scalar(root, 'department', 'text', sub.department, TOP);
  w.scalar(root, 'month', 'month', sub.month, TOP);

  const all = scope.kind === 'all';
  const only = scope.kind === 'services' ? scope.fields : undefined;
  w.entries<ServiceEntryOut>(root, 'services', servicesInScope(sub, scope), facts.serviceIds, TOP, (m, e, id) => {
    figures(w, m, e, only);
    w.entries(m, 'parts', e.parts, facts.partIds(id), FIGURES, (pm, p) => figures(w, pm, p, only), true);
  }, all);
  if (!all) return finish();
  // a whole return imported from the department's form is its answer: the "review" mark of `baocao open` goes,
  // and the header comment `open` wrote with it
  remove(root, 'review');
  const name = catalog.departments.find((d) => d.id === sub.department)?.name;
  const comment = name === undefined ? doc.commentBefore : withoutReviewHeader(doc.commentBefore, name, sub.month);
  if (comment !== doc.commentBefore) {
    doc.commentBefore = comment ?? null;
    edits.count++;
  }

  w.scalar(root, 'asOf', 'date', sub.asOf, TOP);
  w.entries<IndicatorEntryOut>(root, 'indicators', sub.indicators, facts.indicatorIds, TOP, (m, e) => {
    for (const [k, kind] of INDICATOR_SCALARS) w.scalar(m, k, kind, e[k], INDICATOR);
    const parts = Object.entries(e.parts ?? {});
    if (parts.length || isMap(child(m, 'parts'))) {
      const pm = w.map(m, 'parts', INDICATOR, true);
      const partIds = parts.map(([k]) => k);
      for (const p of [...pm.items]) if (!partIds.includes(keyOf(p))) remove(pm, keyOf(p));
      for (const [pid, v] of parts) w.scalar(pm, pid, 'count', v, partIds);
      if (!pm.items.length) remove(m, 'parts');
    }
  }, true);
  w.entries<ModelEntryOut>(root, 'models', sub.models, facts.modelIds, TOP, (m, e) => {
    w.scalar(m, 'status', 'progress', e.status, MODEL);
    for (const k of MODEL.slice(1) as (keyof ModelEntryOut)[]) w.scalar(m, k, 'text', e[k], MODEL);
  }, true);
  const sections = Object.entries(sub.sections ?? {});
  if (sections.length || isMap(child(root, 'sections'))) {
    const sm = w.map(root, 'sections', TOP);
    for (const p of [...sm.items]) if (!Object.hasOwn(sub.sections ?? {}, keyOf(p))) remove(sm, keyOf(p));
    for (const [id, items] of sections) w.list(sm, id, items, [...facts.sectionIds, ...sections.map(([k]) => k)]);
    if (!sm.items.length) remove(root, 'sections');
  }
  const notes = Object.entries(sub.footnotes ?? {});
  if (notes.length || isMap(child(root, 'footnotes'))) {
    const fm = w.map(root, 'footnotes', TOP);
    for (const p of [...fm.items]) if (!Object.hasOwn(sub.footnotes ?? {}, keyOf(p))) remove(fm, keyOf(p));
    for (const [id, text] of notes) w.scalar(fm, id, 'text', text, notes.map(([k]) => k));
    if (!fm.items.length) remove(root, 'footnotes');
  }
  return finish();
}

// ------------------------------------------------------------------ a new file, written as text

/*
 * For a file that does not exist yet, `viaDocument` places every key once, in its order's rank, and leaves empty
 * values out; then the yaml stringifier lays the nodes out (indent 2, no line folding, no comment but the opening
 * one). `emitNewSubmissionYaml` writes that layout directly: "key: value" lines, a nested block map as "key:" and
 * its pairs two spaces deeper ("key: {}" when empty), a sequence as "- item" lines under its key ("key: []" when
 * empty), a flow map as "key: { a: 1, b: 2 }". A scalar is written as it is only when `plainAsIs` proves the
 * stringifier would write it so; any other scalar (quoted, "|" block, empty…), and a flow map holding one, is
 * stringified by the yaml package itself, in a small document that puts it at the same depth (`pairByYaml`). A
 * key that is not a plain id, or a value that does not render to a string, sends the whole file through the
 * Document path (such a return is not a valid one anyway). tests/excel/yaml-writer.test.ts compares both paths.
 */

/**
 * A value the stringifier writes exactly as it is in a block collection: `styled` gives it no type (one line,
 * `needsQuotes` false: no reserved word, no ": " or " #", no space at either end), and it passes the
 * stringifier's rules for a plain scalar with room to spare: a letter or digit first; then only letters, marks,
 * digits, spaces and punctuation that mean nothing after the first character; not ":" last. No "#", line break,
 * tab, control character or lone surrogate (none is listed).
 */
const PLAIN_BLOCK = /^[\p{L}\p{N}](?:[\p{L}\p{M}\p{N} ,.;:/()%+=_'"–…-]*[\p{L}\p{M}\p{N},.;/()%+=_'"–…-])?$/u;
/** the same inside a flow map ("{ a: 1 }"), where "," and brackets end a value: without spaces or ":" either */
const PLAIN_FLOW = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}./_-]*$/u;
/** ids written as keys as they are (the catalog's ids; the stringifier makes a key of more than 1024 characters explicit) */
const PLAIN_KEY = /^[a-z0-9][a-z0-9-]{0,1000}$/;

function plainAsIs(text: string, flow = false): boolean {
  if (flow) return PLAIN_FLOW.test(text) && !needsQuotes(text);
  // texts repeat from row to row ("Đã kết nối", the same difficulty under many services): each is judged once
  let plain = PLAIN_TEXTS.get(text);
  if (plain === undefined) {
    plain = PLAIN_BLOCK.test(text) && !needsQuotes(text);
    if (PLAIN_TEXTS.size >= 10_000) PLAIN_TEXTS.clear();
    PLAIN_TEXTS.set(text, plain);
  }
  return plain;
}
const PLAIN_TEXTS = new Map<string, boolean>();

/** styles and stringifies the scalars that are not written as they are */
const PROBE = new Document(new YAMLMap(), { schema: 'failsafe' });
const PADS: string[] = [];
const pad = (depth: number): string => (PADS[depth] ??= '  '.repeat(depth));
/** what comes before the pair at `depth` in a probe: "k:" at each depth above it */
const probePrefix = (depth: number): string => Array.from({ length: depth }, (_, i) => `${pad(i)}k:\n`).join('') + pad(depth);

/** The pair "key: value" as the yaml stringifier writes it in a block map at `depth` (the root map is at 0). */
function pairByYaml(depth: number, key: string, value: Node): string {
  let map = new YAMLMap();
  map.items.push(PROBE.createPair(key, value) as Pair);
  for (let i = 0; i < depth; i++) {
    const outer = new YAMLMap();
    outer.items.push(PROBE.createPair('k', map) as Pair);
    map = outer;
  }
  PROBE.contents = map as never;
  const text = PROBE.toString(STRINGIFY);
  const prefix = probePrefix(depth);
  if (!text.startsWith(prefix) || !text.endsWith('\n')) throw new Error(`yaml-writer: unexpected layout ${JSON.stringify(text)}`);
  return text.slice(prefix.length, -1);
}

/** An item of a block sequence that is the value of a pair at `depth`, as the yaml stringifier writes it. */
function itemByYaml(depth: number, item: Node): string {
  const seq = new YAMLSeq();
  seq.items.push(item);
  const pair = pairByYaml(depth, 'k', seq);
  const head = `k:\n${pad(depth + 1)}- `;
  if (!pair.startsWith(head)) throw new Error(`yaml-writer: unexpected layout ${JSON.stringify(pair)}`);
  return pair.slice(head.length);
}

/**
 * The text being written, as UTF-16 code units in a buffer kept from file to file: no string per line, so the
 * only garbage a file leaves is its finished text, made in one copy at the end.
 */
class Units {
  private buf = new Uint16Array(1 << 16);
  /** code units written */
  n = 0;

  private room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    const bigger = new Uint16Array(Math.max(2 * this.buf.length, this.n + k));
    bigger.set(this.buf.subarray(0, this.n));
    this.buf = bigger;
  }

  units(u: Uint16Array): void {
    this.room(u.length);
    this.buf.set(u, this.n);
    this.n += u.length;
  }

  text(s: string): void {
    this.room(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.n++] = s.charCodeAt(i);
  }

  /** a count (a safe integer ≥ 0) as `formatNumber` writes it: "3.182.603" */
  count(v: number): void {
    if (v <= 0x7fffffff) {
      // the counts of a return: in small-integer arithmetic (a division by 10 without a floating-point floor)
      let digits = 1;
      for (let x = v | 0; x >= 10; x = (x / 10) | 0) digits++;
      const length = digits + (((digits - 1) / 3) | 0);
      this.room(length);
      const buf = this.buf;
      let at = this.n + length;
      let x = v | 0;
      for (let k = 0; k < digits; k++) {
        if (k > 0 && k % 3 === 0) buf[--at] = 0x2e;
        const q = (x / 10) | 0;
        buf[--at] = 0x30 + x - 10 * q;
        x = q;
      }
      this.n += length;
      return;
    }
    let digits = 1;
    for (let x = v; x >= 10; x = Math.floor(x / 10)) digits++;
    const length = digits + Math.floor((digits - 1) / 3);
    this.room(length);
    let at = this.n + length;
    let x = v;
    for (let k = 0; k < digits; k++) {
      if (k > 0 && k % 3 === 0) this.buf[--at] = 0x2e;
      this.buf[--at] = 0x30 + (x % 10);
      x = Math.floor(x / 10);
    }
    this.n += length;
  }

  /** the code units as UTF-16LE bytes (a copy in the machine's byte order is swapped) */
  private le(): Buffer {
    const bytes = Buffer.from(this.buf.buffer, this.buf.byteOffset, 2 * this.n);
    return BIG_ENDIAN ? Buffer.from(bytes).swap16() : bytes;
  }

  toString(): string {
    // "utf16le" keeps lone surrogates
    return this.le().toString('utf16le');
  }

  /**
   * The text in UTF-8, the bytes of `Buffer.from(this.toString(), 'utf8')`: transcoded from the code units without
   * making the string, a third of the time for the 6 MB of the import bench. ICU refuses a lone surrogate, which
   * the string's encoding writes as U+FFFD: such a text takes the string's way.
   */
  toUtf8(): Buffer {
    try {
      return transcode(this.le(), 'utf16le', 'utf8');
    } catch {
      return Buffer.from(this.toString(), 'utf8');
    }
  }
}

const BIG_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 0;

function units(s: string): Uint16Array {
  const u = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) u[i] = s.charCodeAt(i);
  return u;
}

/** the direct writing's buffer (one file at a time: nothing it calls comes back to it) */
const UNITS = new Units();

/** per depth, per field name: what starts its line, "\n    total: " for a scalar, "\n    parts:" for a map */
const SCALAR_LINES: Map<string, Uint16Array>[] = [];
const MAP_LINES: Map<string, Uint16Array>[] = [];
function fieldLine(lines: Map<string, Uint16Array>[], depth: number, field: string): Uint16Array {
  const atDepth = (lines[depth] ??= new Map());
  let line = atDepth.get(field);
  if (!line) atDepth.set(field, (line = units(`\n${pad(depth)}${field}${lines === SCALAR_LINES ? ': ' : ':'}`)));
  return line;
}
const NEW_LINES: Uint16Array[] = [];
const newLine = (depth: number): Uint16Array => (NEW_LINES[depth] ??= units(`\n${pad(depth)}`));
const COLON = units(':');
const COLON_SPACE = units(': ');
const EMPTY_MAP = units(' {}');
const EMPTY_SEQ = units(' []');

/** A service's (or sub-row's) figure lines at one depth: "\n    total: " …, and the whole line of each connection status. */
class FigureLines {
  readonly total: Uint16Array;
  readonly online: Uint16Array;
  readonly onTime: Uint16Array;
  readonly overdue: Uint16Array;
  /** "\n    connection: Đã kết nối" by the status's wording, or null when it is not written as it is */
  readonly connection = new Map<string, Uint16Array | null>();

  constructor(readonly depth: number) {
    this.total = fieldLine(SCALAR_LINES, depth, 'total');
    this.online = fieldLine(SCALAR_LINES, depth, 'online');
    this.onTime = fieldLine(SCALAR_LINES, depth, 'onTime');
    this.overdue = fieldLine(SCALAR_LINES, depth, 'overdue');
  }

  connectionLine(label: string): Uint16Array | null {
    let line = this.connection.get(label);
    if (line === undefined) this.connection.set(label, (line = plainAsIs(label) ? units(`\n${pad(this.depth)}connection: ${label}`) : null));
    return line;
  }
}
const FIGURE_LINES: FigureLines[] = [];

const isEmpty = (v: unknown): boolean => v === null || v === undefined || v === '';

class Emitter {
  readonly out = UNITS;
  /** something the direct writing does not take: the file goes through the Document path */
  odd = false;

  constructor(readonly labels: StatusLabels) {
    this.out.n = 0;
  }

  /** the start of a pair's line, up to its ":" (and the space when `value`); `key` is an id, or a field name */
  private start(depth: number, key: string, isId: boolean, value: boolean): void {
    if (!isId) {
      this.out.units(fieldLine(value ? SCALAR_LINES : MAP_LINES, depth, key));
      return;
    }
    if (!PLAIN_KEY.test(key)) this.odd = true;
    this.out.units(newLine(depth));
    this.out.text(key);
    this.out.units(value ? COLON_SPACE : COLON);
  }

  /** a pair of the block map at `depth` with a text value */
  private pair(depth: number, key: string, isId: boolean, text: string): void {
    if (plainAsIs(text)) {
      this.start(depth, key, isId, true);
      this.out.text(text);
      return;
    }
    if (isId && !PLAIN_KEY.test(key)) this.odd = true;
    this.out.units(newLine(depth));
    this.out.text(pairByYaml(depth, key, styled(PROBE, text)));
  }

  /** a scalar under a field name in the block map at `depth`; empty values are left out, as new keys are */
  scalar(depth: number, field: string, kind: Kind, v: unknown): void {
    if (isEmpty(v)) return;
    if (kind === 'count' && Number.isSafeInteger(v) && (v as number) >= 0) {
      // digits and dots, a digit first: plain, as `plainAsIs` finds
      this.out.units(fieldLine(SCALAR_LINES, depth, field));
      this.out.count(v as number);
      return;
    }
    const text = render(kind, v, this.labels);
    if (typeof text !== 'string') this.odd = true;
    else this.pair(depth, field, false, text);
  }

  /** `scalar` of a count, its line's start given */
  count(line: Uint16Array, depth: number, field: string, v: number | null | undefined): void {
    if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) {
      this.out.units(line);
      this.out.count(v);
    } else this.scalar(depth, field, 'count', v);
  }

  /** `scalar` of a connection status */
  connection(lines: FigureLines, v: unknown): void {
    const line = typeof v === 'string' && Object.hasOwn(this.labels.connection, v) ? lines.connectionLine(this.labels.connection[v]!) : null;
    if (line) this.out.units(line);
    else this.scalar(lines.depth, 'connection', 'connection', v);
  }

  /** a text under an id (a footnote); empty texts are left out */
  text(depth: number, id: string, v: unknown): void {
    if (isEmpty(v)) return;
    const text = render('text', v, this.labels);
    this.pair(depth, id, true, text);
  }

  /** opens the block map under a field name (or an id); its pairs go at depth + 1. Returns the mark `close` needs. */
  open(depth: number, key: string, isId = false): number {
    this.start(depth, key, isId, false);
    return this.out.n;
  }

  close(mark: number): void {
    if (this.out.n === mark) this.out.units(EMPTY_MAP);
  }

  /** a block sequence of texts under an id */
  list(depth: number, id: string, items: readonly unknown[]): void {
    this.start(depth, id, true, false);
    if (!items.length) this.out.units(EMPTY_SEQ);
    const dash = units(`\n${pad(depth + 1)}- `);
    for (const item of items) {
      if (typeof item !== 'string') {
        this.odd = true;
        continue;
      }
      this.out.units(dash);
      this.out.text(plainAsIs(item) ? item : itemByYaml(depth, styled(PROBE, item)));
    }
  }

  /** a flow map of counts keyed by ids, under a field name (not empty) */
  counts(depth: number, field: string, entries: readonly (readonly [string, unknown])[]): void {
    const texts = entries.map(([k, v]) => [k, render('count', v, this.labels)] as const);
    if (texts.some(([k]) => !PLAIN_KEY.test(k))) this.odd = true;
    if (texts.every(([, t]) => plainAsIs(t, true))) {
      this.out.units(fieldLine(MAP_LINES, depth, field));
      this.out.text(` { ${texts.map(([k, t]) => `${k}: ${t}`).join(', ')} }`);
      return;
    }
    const flow = new YAMLMap();
    flow.flow = true;
    for (const [k, t] of texts) flow.items.push(PROBE.createPair(k, styled(PROBE, t)) as Pair);
    this.out.units(newLine(depth));
    this.out.text(pairByYaml(depth, field, flow));
  }
}

/** `want` in the order the Document path leaves its keys: by first place in `order`, then the others as given */
function inOrder<V>(want: [string, V][], order: readonly string[]): [string, V][] {
  // most often `want` already follows `order`: one walk along both, no ranks made (a catalog's ids are unique,
  // checkCatalog sees to it, so an id's place is its first place)
  let at = 0;
  let follows = true;
  for (let i = 0; i < want.length && follows; i++) {
    const k = want[i]![0];
    while (at < order.length && order[at] !== k) at++;
    follows = at++ < order.length;
  }
  if (follows) return want;
  const ranks = rankMap(order);
  let extra = order.length;
  const r = want.map((e) => ranks.get(e[0]) ?? extra++);
  let sorted = true;
  for (let i = 1; i < r.length && sorted; i++) sorted = r[i - 1]! < r[i]!;
  if (sorted) return want;
  return want.map((e, i) => ({ e, r: r[i]! })).sort((a, b) => a.r - b.r).map((x) => x.e);
}

/** which figures the source has: `only`, as flags */
function figureFlags(only: readonly FigureField[] = ALL_FIGURES): Readonly<Record<FigureField, boolean>> {
  return Object.fromEntries(ALL_FIGURES.map((f) => [f, only.includes(f)])) as Record<FigureField, boolean>;
}

function emitFigures(e: Emitter, depth: number, f: Omit<ServiceEntryOut, 'parts'>, only: Readonly<Record<FigureField, boolean>>): void {
  const lines = (FIGURE_LINES[depth] ??= new FigureLines(depth));
  if (only.connection) e.connection(lines, f.connection);
  if (only.total) e.count(lines.total, depth, 'total', f.total);
  if (only.online) e.count(lines.online, depth, 'online', f.online);
  if (only.onTime) e.count(lines.onTime, depth, 'onTime', f.onTime);
  if (only.overdue) e.count(lines.overdue, depth, 'overdue', f.overdue);
  if (only.difficulties) e.scalar(depth, 'difficulties', 'text', f.difficulties);
}

/**
 * A new file's text, byte for byte what `writeSubmissionYaml` makes through a yaml Document, written directly;
 * null when the return holds something this does not take (then the Document path writes it).
 */
export function emitNewSubmissionYaml(sub: Submission, catalog: Catalog, scope: Scope, source?: string): string | null {
  return emitNew(sub, catalog, scope, source)?.toString() ?? null;
}

/**
 * The bytes (UTF-8) of `emitNewSubmissionYaml`'s text, made without the text, which the import would only encode
 * again to write it; null where that gives null.
 */
export function newSubmissionYamlBytes(sub: Submission, catalog: Catalog, scope: Scope, source?: string): Buffer | null {
  return emitNew(sub, catalog, scope, source)?.toUtf8() ?? null;
}

/** a new file in `UNITS` (read it before the next file is written); null when the return is odd */
function emitNew(sub: Submission, catalog: Catalog, scope: Scope, source: string | undefined): Units | null {
  const facts = factsOf(catalog);
  const e = new Emitter(catalog.vocabularies.labels);
  e.out.text(head(source));
  const body = e.out.n;
  e.scalar(0, 'department', 'text', sub.department);
  e.scalar(0, 'month', 'month', sub.month);
  const all = scope.kind === 'all';
  if (all) e.scalar(0, 'asOf', 'date', sub.asOf);
  let services = Object.entries(sub.services ?? {});
  if (scope.kind === 'services') {
    // as `servicesInScope`: filtering keeps the order an object made of the kept entries would enumerate them in.
    // (Pushed one by one, not by `filter`, whose arrays V8 made of one elements kind for the first file and
    // another for the rest: the optimized writer was thrown away and compiled again.)
    const inScope = new Set(scope.ids);
    const kept: typeof services = [];
    for (const entry of services) if (inScope.has(entry[0])) kept.push(entry);
    services = kept;
  }
  if (services.length) {
    const only = figureFlags(scope.kind === 'services' ? scope.fields : undefined);
    const sm = e.open(0, 'services');
    for (const [id, s] of inOrder(services, facts.serviceIds)) {
      const m = e.open(1, id, true);
      emitFigures(e, 2, s, only);
      const parts = Object.entries(s.parts ?? {});
      if (parts.length) {
        e.open(2, 'parts');
        for (const [pid, p] of inOrder(parts, facts.partIds(id))) {
          const pm = e.open(3, pid, true);
          emitFigures(e, 4, p, only);
          e.close(pm);
        }
      }
      e.close(m);
    }
    e.close(sm);
  }
  if (all) {
    const indicators = Object.entries(sub.indicators ?? {});
    if (indicators.length) {
      e.open(0, 'indicators');
      for (const [id, x] of inOrder(indicators, facts.indicatorIds)) {
        const m = e.open(1, id, true);
        for (const [k, kind] of INDICATOR_SCALARS) e.scalar(2, k, kind, x[k]);
        const parts = Object.entries(x.parts ?? {}).filter(([, v]) => !isEmpty(v));
        if (parts.length) e.counts(2, 'parts', parts);
        e.close(m);
      }
    }
    const models = Object.entries(sub.models ?? {});
    if (models.length) {
      e.open(0, 'models');
      for (const [id, x] of inOrder(models, facts.modelIds)) {
        const m = e.open(1, id, true);
        e.scalar(2, 'status', 'progress', x.status);
        for (const k of MODEL.slice(1) as (keyof ModelEntryOut)[]) e.scalar(2, k, 'text', x[k]);
        e.close(m);
      }
    }
    const sections = Object.entries(sub.sections ?? {});
    if (sections.length) {
      e.open(0, 'sections');
      for (const [id, items] of inOrder(sections, facts.sectionIds)) e.list(1, id, items);
    }
    const notes = Object.entries(sub.footnotes ?? {}).filter(([, t]) => !isEmpty(t));
    if (notes.length) {
      e.open(0, 'footnotes');
      for (const [id, t] of notes) e.text(1, id, t);
    }
  }
  if (e.odd) return null;
  // a file with nothing but its comment
  e.out.text(e.out.n === body ? '\n{}\n' : '\n');
  return e.out;
}

/** the opening comment and the blank line after it, as the stringifier writes them (but the last line break) */
function head(source: string | undefined): string {
  const comment = headComment(source);
  // each line " x" of the comment is written "# x", when no other line break splits it
  if (!/[\n\r\u2028\u2029]/.test(source ?? '')) return `#${comment.replaceAll('\n', '\n#')}\n`;
  const doc = new Document(new YAMLMap(), { schema: 'failsafe' });
  doc.commentBefore = comment;
  const text = doc.toString(STRINGIFY);
  if (!text.endsWith('\n\n{}\n')) throw new Error(`yaml-writer: unexpected layout ${JSON.stringify(text)}`);
  return text.slice(0, -'\n{}\n'.length);
}
