import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { allModels, allServices, indexCatalog, type Catalog } from '../catalog/catalog.js';
import { parseCount, parseDate, parseMonth } from '../format/parse.js';
import { formatNumber } from '../format/number.js';
import { CONNECTION_LABELS, PROGRESS_LABELS, matchLabel } from '../schema/labels.js';
import { cleanText } from '../schema/scalars.js';
import type { IndicatorEntryOut, ModelEntryOut, ServiceEntryOut, Submission } from '../schema/submission.js';
import { SCHEMA_LINE } from '../workspace/submission-yaml.js';

/**
 * Writes an imported return into the department's YAML file with the yaml Document API: an existing file is
 * edited in place, so its comments, layout and the way each unchanged value was written survive; a value is
 * rewritten only when its meaning changed. Keys follow the catalog's order; new values are written in the house
 * style ("229.046", "Đã kết nối", "15/9/2024", "|" blocks for texts of several lines).
 */

/** Which parts of the file the import replaces: the whole return (a form), or some service rows (a legacy sheet). */
export type Scope =
  | { readonly kind: 'all' }
  /** `fields`: the service fields the source has columns for; the others are left as the file has them */
  | { readonly kind: 'services'; readonly ids: readonly string[]; readonly fields?: readonly FigureField[] };

export type FigureField = 'connection' | 'total' | 'online' | 'onTime' | 'overdue' | 'difficulties';

type Kind = 'count' | 'connection' | 'progress' | 'date' | 'month' | 'text';

function render(kind: Kind, v: unknown): string {
  if (v === null || v === undefined) return '';
  switch (kind) {
    case 'count':
      return formatNumber(v as number);
    case 'connection':
      return CONNECTION_LABELS[v as keyof typeof CONNECTION_LABELS];
    case 'progress':
      return PROGRESS_LABELS[v as keyof typeof PROGRESS_LABELS];
    case 'date': {
      const [y, m, d] = String(v).split('-').map(Number);
      return `${d}/${m}/${y}`;
    }
    default:
      return String(v);
  }
}

/** does the text already in the file mean `v`? then it stays as written */
function means(kind: Kind, old: string, v: unknown): boolean {
  const empty = v === null || v === undefined || v === '';
  if (old.trim() === '') return empty;
  if (empty) return false;
  switch (kind) {
    case 'count': {
      const r = parseCount(old);
      return r.ok && r.value === v;
    }
    case 'connection':
      return matchLabel(CONNECTION_LABELS, old) === v;
    case 'progress':
      return matchLabel(PROGRESS_LABELS, old) === v;
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

function rankIn(order: readonly string[], k: string): number {
  let index = ranks.get(order);
  if (!index) {
    index = new Map();
    order.forEach((id, i) => {
      if (!index!.has(id)) index!.set(id, i);
    });
    ranks.set(order, index);
  }
  return index.get(k) ?? Number.MAX_SAFE_INTEGER;
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
  constructor(readonly doc: Document) {}

  /** a scalar field: unchanged meaning → untouched; empty → blank if the key exists, absent otherwise */
  scalar(map: YAMLMap, key: string, kind: Kind, v: unknown, order: readonly string[]): void {
    const node = child(map, key);
    const empty = v === null || v === undefined || v === '';
    if (isScalar(node) && means(kind, node.value === null || node.value === undefined ? '' : String(node.value), v)) return;
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
    const text = render(kind, v);
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

/** The department's YAML after the import. `sub` is the normalised return (zod output). */
export function writeSubmissionYaml(sub: Submission, catalog: Catalog, scope: Scope, target: YamlTarget): string {
  const doc = target.existing !== null ? parseDocument(target.existing, { schema: 'failsafe' }) : new Document(new YAMLMap(), { schema: 'failsafe' });
  if (target.existing === null) {
    doc.commentBefore = [SCHEMA_LINE, ...(target.source ? [`nhập từ ${target.source}`] : [])].map((l) => ' ' + l).join('\n');
  }
  if (!isMap(doc.contents)) doc.contents = new YAMLMap() as never;
  edits.count = 0;
  const finish = () => (target.existing !== null && edits.count === 0 ? target.existing : doc.toString({ lineWidth: 0, indent: 2, nullStr: '' }));
  const root = doc.contents as unknown as YAMLMap;
  const w = new Writer(doc);
  const index = indexCatalog(catalog);
  const serviceIds = allServices(catalog).map((s) => s.id);
  w.scalar(root, 'department', 'text', sub.department, TOP);
  w.scalar(root, 'month', 'month', sub.month, TOP);

  const all = scope.kind === 'all';
  const inScope = new Set(scope.kind === 'services' ? scope.ids : []);
  const services = all ? sub.services : Object.fromEntries(Object.entries(sub.services ?? {}).filter(([id]) => inScope.has(id)));
  const only = scope.kind === 'services' ? scope.fields : undefined;
  w.entries<ServiceEntryOut>(root, 'services', services, serviceIds, TOP, (m, e, id) => {
    figures(w, m, e, only);
    const partIds = index.service.get(id)?.parts.map((p) => p.id) ?? [];
    w.entries(m, 'parts', e.parts, partIds, FIGURES, (pm, p) => figures(w, pm, p, only), true);
  }, all);
  if (!all) return finish();
  // a whole return imported from the department's form is its answer: the "review" mark of `baocao open` goes
  remove(root, 'review');

  w.scalar(root, 'asOf', 'date', sub.asOf, TOP);
  w.entries<IndicatorEntryOut>(root, 'indicators', sub.indicators, catalog.indicators.map((i) => i.id), TOP, (m, e) => {
    w.scalar(m, 'value', 'count', e.value, INDICATOR);
    w.scalar(m, 'total', 'count', e.total, INDICATOR);
    w.scalar(m, 'asOf', 'date', e.asOf, INDICATOR);
    w.scalar(m, 'from', 'date', e.from, INDICATOR);
    const parts = Object.entries(e.parts ?? {});
    if (parts.length || isMap(child(m, 'parts'))) {
      const pm = w.map(m, 'parts', INDICATOR, true);
      const partIds = parts.map(([k]) => k);
      for (const p of [...pm.items]) if (!partIds.includes(keyOf(p))) remove(pm, keyOf(p));
      for (const [pid, v] of parts) w.scalar(pm, pid, 'count', v, partIds);
      if (!pm.items.length) remove(m, 'parts');
    }
  }, true);
  w.entries<ModelEntryOut>(root, 'models', sub.models, allModels(catalog).map((m) => m.id), TOP, (m, e) => {
    w.scalar(m, 'status', 'progress', e.status, MODEL);
    for (const k of MODEL.slice(1) as (keyof ModelEntryOut)[]) w.scalar(m, k, 'text', e[k], MODEL);
  }, true);
  const sections = Object.entries(sub.sections ?? {});
  if (sections.length || isMap(child(root, 'sections'))) {
    const sm = w.map(root, 'sections', TOP);
    const ids = catalog.sections.map((s) => s.id);
    for (const p of [...sm.items]) if (!Object.hasOwn(sub.sections ?? {}, keyOf(p))) remove(sm, keyOf(p));
    for (const [id, items] of sections) w.list(sm, id, items, [...ids, ...sections.map(([k]) => k)]);
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
