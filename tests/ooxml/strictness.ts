import { attr, childrenOf, elements, type XmlElement } from './xml-tree.js';

/**
 * What Word and Excel check beyond the schemas (the conditions known to make them offer to repair a file):
 * in a document, the table grid and vertical merges, footnote and endnote ids and the separators; in a
 * workbook, sheet names, the shared-string counts, row and cell order, column ranges, merged ranges and data
 * validations. Each finding is "part: message".
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const S = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
type Rels = ReadonlyMap<string, ReadonlyMap<string, { type: string; target: string; external: boolean }>>;

export function strictness(parts: ReadonlyMap<string, Uint8Array>, tree: (part: string) => XmlElement | undefined, rels: Rels): string[] {
  const out: string[] = [];
  if (parts.has('word/document.xml')) out.push(...documentChecks(tree, rels));
  if (parts.has('xl/workbook.xml')) out.push(...workbookChecks(tree, rels));
  return out;
}

const w = (el: XmlElement | undefined, local: string) => (el ? childrenOf(el, W, local)[0] : undefined);
const wval = (el: XmlElement | undefined) => (el ? attr(el, 'val', W) : undefined);

function documentChecks(tree: (part: string) => XmlElement | undefined, rels: Rels): string[] {
  const out: string[] = [];
  const docRels = rels.get('word/document.xml') ?? new Map();
  const parts = ['word/document.xml', ...[...docRels.values()].filter((r) => /\/(header|footer|footnotes|endnotes)$/.test(r.type)).map((r) => r.target)];
  for (const part of parts) {
    const root = tree(part);
    if (root) for (const tbl of elements(root)) if (tbl.uri === W && tbl.local === 'tbl') out.push(...tableChecks(part, tbl));
  }
  for (const note of ['footnote', 'endnote'] as const) {
    const target = [...docRels.values()].find((r) => r.type.endsWith(`/${note}s`))?.target;
    const notes = target ? tree(target) : undefined;
    const ids = new Map<string, string>();
    for (const n of notes ? childrenOf(notes, W, note) : []) {
      const id = attr(n, 'id', W) ?? '';
      if (ids.has(id)) out.push(`${target}: ${note} id ${id} twice`);
      const type = attr(n, 'type', W) ?? 'normal';
      ids.set(id, type);
      const refs = [...elements(n)].filter((e) => e.uri === W && e.local === `${note}Ref`).length;
      if (type !== 'normal' && refs > 0) out.push(`${target}: the ${type} ${note} holds a ${note}Ref run (Word never writes one there)`);
    }
    const referenced = new Set<string>();
    for (const part of ['word/document.xml']) {
      for (const el of elements(tree(part)!)) {
        if (el.uri !== W || el.local !== `${note}Reference`) continue;
        const id = attr(el, 'id', W) ?? '';
        if (ids.get(id) !== 'normal') out.push(`${part}: ${note}Reference to id ${id}, which is no normal ${note} of ${target ?? `word/${note}s.xml`}`);
        if (referenced.has(id)) out.push(`${part}: ${note} ${id} referenced twice`);
        referenced.add(id);
      }
    }
  }
  return out;
}

/** every row fills the grid (gridBefore + spans + gridAfter = grid columns); a vMerge continue sits below a merged cell of the same columns */
function tableChecks(part: string, tbl: XmlElement): string[] {
  const out: string[] = [];
  const grid = w(tbl, 'tblGrid');
  const columns = grid ? childrenOf(grid, W, 'gridCol').length : 0;
  if (columns === 0) out.push(`${part}: a table without its grid (w:tblGrid)`);
  let above = new Map<number, { span: number; merged: boolean }>();
  childrenOf(tbl, W, 'tr').forEach((tr, r) => {
    const trPr = w(tr, 'trPr');
    let col = Number(wval(w(trPr, 'gridBefore')) ?? 0);
    const here = new Map<number, { span: number; merged: boolean }>();
    const cells = childrenOf(tr, W, 'tc');
    if (cells.length === 0) out.push(`${part}: table row ${r + 1} has no cell`);
    for (const tc of cells) {
      const tcPr = w(tc, 'tcPr');
      const span = Number(wval(w(tcPr, 'gridSpan')) ?? 1);
      if (!(span >= 1)) out.push(`${part}: table row ${r + 1}: gridSpan ${span}`);
      const vMerge = w(tcPr, 'vMerge');
      if (vMerge && wval(vMerge) !== 'restart') {
        const cell = above.get(col);
        if (!cell || !cell.merged) out.push(`${part}: table row ${r + 1}: vMerge continue at grid column ${col + 1} below a cell that is not merged`);
        else if (cell.span !== span) out.push(`${part}: table row ${r + 1}: vMerge continue spans ${span} columns, the cell above ${cell.span}`);
      }
      if (!childrenOf(tc, W, 'p').length && !childrenOf(tc, W, 'tbl').length) out.push(`${part}: table row ${r + 1}: a cell without a paragraph`);
      here.set(col, { span, merged: Boolean(vMerge) });
      col += span;
    }
    col += Number(wval(w(trPr, 'gridAfter')) ?? 0);
    if (columns && col !== columns) out.push(`${part}: table row ${r + 1} fills ${col} grid columns of ${columns}`);
    above = here;
  });
  return out;
}

type Range = readonly [number, number, number, number];

function cellRef(ref: string): [number, number] | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return undefined;
  const c = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const r = Number(m[2]);
  return c <= 16_384 && r >= 1 && r <= 1_048_576 ? [r, c] : undefined;
}

function range(ref: string): Range | undefined {
  const [a, b = a] = ref.split(':');
  const p = cellRef(a ?? '');
  const q = cellRef(b ?? '');
  return p && q && p[0] <= q[0] && p[1] <= q[1] ? [p[0], p[1], q[0], q[1]] : undefined;
}

const overlap = (a: Range, b: Range) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

function workbookChecks(tree: (part: string) => XmlElement | undefined, rels: Rels): string[] {
  const out: string[] = [];
  const wb = tree('xl/workbook.xml')!;
  const wbRels = rels.get('xl/workbook.xml') ?? new Map();
  const names = new Set<string>();
  const sheets: { name: string; part: string }[] = [];
  for (const s of [...elements(wb)].filter((e) => e.uri === S && e.local === 'sheet')) {
    const name = attr(s, 'name') ?? '';
    if (name.length === 0 || name.length > 31) out.push(`xl/workbook.xml: sheet name "${name}" of ${name.length} characters (1 to 31)`);
    if (/[[\]:*?/\\]/.test(name) || name.startsWith("'") || name.endsWith("'")) out.push(`xl/workbook.xml: sheet name "${name}" holds a character Excel refuses`);
    if (name.toLowerCase() === 'history') out.push('xl/workbook.xml: sheet name "History" is reserved');
    if (names.has(name.toLowerCase())) out.push(`xl/workbook.xml: sheet name "${name}" twice (case-insensitive)`);
    names.add(name.toLowerCase());
    const rel = wbRels.get(attr(s, 'id', 'http://schemas.openxmlformats.org/officeDocument/2006/relationships') ?? '');
    if (!rel) out.push(`xl/workbook.xml: sheet "${name}" names no relationship`);
    else if (rel.type.endsWith('/worksheet')) sheets.push({ name, part: rel.target });
  }
  const sstPart = [...wbRels.values()].find((r) => r.type.endsWith('/sharedStrings'))?.target;
  const sst = sstPart ? tree(sstPart) : undefined;
  const items = sst ? childrenOf(sst, S, 'si').length : 0;
  if (sst && attr(sst, 'uniqueCount') !== undefined && Number(attr(sst, 'uniqueCount')) !== items) out.push(`${sstPart}: uniqueCount ${attr(sst, 'uniqueCount')} but ${items} items`);
  let sharedRefs = 0;
  for (const { name, part } of sheets) {
    const ws = tree(part);
    if (!ws) continue;
    const at = `${part} [${name}]`;
    let prevRow = 0;
    for (const row of [...elements(ws)].filter((e) => e.uri === S && e.local === 'row')) {
      const r = Number(attr(row, 'r') ?? prevRow + 1);
      if (!(r > prevRow)) out.push(`${at}: row ${r} after row ${prevRow}`);
      prevRow = r;
      let prevCol = 0;
      for (const c of childrenOf(row, S, 'c')) {
        const ref = attr(c, 'r');
        const p: [number, number] | undefined = ref === undefined ? [r, prevCol + 1] : cellRef(ref);
        if (!p || p[0] !== r) out.push(`${at}: cell "${ref}" in row ${r}`);
        else if (!(p[1] > prevCol)) out.push(`${at}: cell ${ref} after column ${prevCol}`);
        prevCol = p?.[1] ?? prevCol;
        if (attr(c, 't') === 's') {
          sharedRefs++;
          const v = childrenOf(c, S, 'v')[0]?.children.join('') ?? '';
          if (!(/^\d+$/.test(v) && Number(v) < items)) out.push(`${at}: cell ${ref} shows shared string "${v}" of ${items}`);
        }
      }
    }
    let prevMax = 0;
    for (const col of [...elements(ws)].filter((e) => e.uri === S && e.local === 'col')) {
      const min = Number(attr(col, 'min'));
      const max = Number(attr(col, 'max'));
      if (!(min >= 1 && min <= max && max <= 16_384) || min <= prevMax) out.push(`${at}: column range ${min}–${max} (after ${prevMax})`);
      prevMax = max;
    }
    const merges: [string, Range][] = [];
    for (const m of [...elements(ws)].filter((e) => e.uri === S && e.local === 'mergeCell')) {
      const ref = attr(m, 'ref') ?? '';
      const g = range(ref);
      if (!g || !ref.includes(':')) out.push(`${at}: merged range "${ref}"`);
      else if (g[0] === g[2] && g[1] === g[3]) out.push(`${at}: merged range ${ref} is one cell`);
      else {
        for (const [other, o] of merges) if (overlap(g, o)) out.push(`${at}: merged ranges ${ref} and ${other} overlap`);
        merges.push([ref, g]);
      }
    }
    for (const list of [...elements(ws)].filter((e) => e.uri === S && e.local === 'dataValidations')) {
      const kids = childrenOf(list, S, 'dataValidation');
      if (attr(list, 'count') !== undefined && Number(attr(list, 'count')) !== kids.length) out.push(`${at}: dataValidations count ${attr(list, 'count')} but ${kids.length}`);
      for (const dv of kids) {
        const sqref = attr(dv, 'sqref') ?? '';
        const where = `${at}: data validation ${sqref}`;
        for (const piece of sqref.split(/\s+/)) if (!range(piece)) out.push(`${where}: sqref "${piece}"`);
        const type = attr(dv, 'type') ?? 'none';
        const op = attr(dv, 'operator') ?? 'between';
        const f1 = childrenOf(dv, S, 'formula1')[0]?.children.join('').trim() ?? '';
        const f2 = childrenOf(dv, S, 'formula2')[0]?.children.join('').trim() ?? '';
        if (type !== 'none' && !f1) out.push(`${where}: type ${type} without formula1`);
        if (['whole', 'decimal', 'date', 'time', 'textLength'].includes(type) && ['between', 'notBetween'].includes(op) && !f2) out.push(`${where}: ${op} without formula2`);
        if (type === 'list' && f1.startsWith('"') && f1.length - 2 > 255) out.push(`${where}: a list of more than 255 characters`);
        for (const [a, limit] of [['promptTitle', 32], ['errorTitle', 32], ['prompt', 255], ['error', 255]] as const) {
          const v = attr(dv, a);
          if (v !== undefined && v.length > limit) out.push(`${where}: ${a} of ${v.length} characters (Excel: ${limit})`);
        }
      }
    }
  }
  if (sst && attr(sst, 'count') !== undefined && Number(attr(sst, 'count')) !== sharedRefs) out.push(`${sstPart}: count ${attr(sst, 'count')} but ${sharedRefs} cells show shared strings`);
  return out;
}
