import type { Path, SourceMap, YamlReadResult } from './yaml-types.js';

/**
 * A fast reader for the plain YAML that departments write: block maps and sequences, one-line plain and
 * quoted scalars, literal and folded block scalars, one-line flow maps, comments. It gives exactly what
 * the full reader (`yaml-full.ts`, the `yaml` package) gives for such files (the same values, all strings,
 * and the same line/column for every value and key), ten times faster when a command starts cold.
 *
 * It never reports a problem: whenever a file uses anything else, or anything looks wrong (tabs, anchors,
 * tags, multi-line plain or quoted scalars, duplicate keys, stray indentation, several documents …) it
 * returns null and the caller reads the file with the full reader, which finds and locates the error.
 * tests/readers/yaml-fast.test.ts checks it against the full reader.
 */

/** thrown inside the reader to hand the file over to the full reader */
class Unsupported {}
const UNSUPPORTED = new Unsupported();

const MAX_DEPTH = 48;
/** a file with any of these is left to the full reader */
const AWKWARD = /[\t\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\u2028\u2029]|\r(?!\n)/;
/** characters that end a key in a flow map: `: , { } [ ] # " '` (by char code, ASCII) */
const FLOW_KEY_END: readonly boolean[] = Array.from({ length: 128 }, (_, c) => ':,{}[]#"\''.includes(String.fromCharCode(c)));
/** first characters a plain scalar or key may not start with */
const INDICATOR = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);

type Obj = Record<string, unknown>;

export function readYamlFast(file: string, source: string): YamlReadResult | null {
  void file;
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  if (AWKWARD.test(text)) return null;
  let value: unknown;
  try {
    value = new FastReader(text, false).parse();
  } catch (e) {
    if (e === UNSUPPORTED) return null;
    throw e;
  }
  return { value, map: lazySourceMap(text), diagnostics: [], fast: true };
}

/** The source map of a text this reader has read before (positions found on the first question). */
export function fastSourceMap(source: string): SourceMap {
  return lazySourceMap(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source);
}

/**
 * Positions are wanted only for a diagnostic: the first `locate` reads the text a second time, recording them
 * (the same reader, so the same values; it cannot fail where the first reading succeeded).
 */
function lazySourceMap(text: string): SourceMap {
  let find: ((path: Path) => { value: number; key: number }) | undefined;
  const pos = (p: number) => (p === 0 ? { line: 1, column: 1 } : { line: Math.floor(p / 1048576), column: p % 1048576 });
  const where = (path: Path) => (find ??= new FastReader(text, true).positions())(path);
  return {
    locate: (path) => pos(where(path).value),
    locateKey: (path) => pos(where(path).key),
  };
}

function bail(): never {
  throw UNSUPPORTED;
}

function indentOf(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  return i;
}

/** a line with nothing but spaces or a comment */
function isBlank(line: string): boolean {
  const i = indentOf(line);
  return i === line.length || line.charCodeAt(i) === 35; /* # */
}

/**
 * Where a container's entries are: entry i has the name `keys[i]` (maps; sequences have none) and the positions
 * `at[2i]` of its key (0 in a sequence) and `at[2i + 1]` of its value. Kept per container rather than per path
 * string: building and hashing a path for every value cost as much as reading the file.
 */
interface Spots {
  readonly keys: string[] | null;
  readonly at: number[];
  /** entry index by name, made on the first lookup in a map */
  index?: Map<string, number>;
}

/** `out[name] = value` as an own property, "__proto__" included (plain objects: much faster than null-prototype ones) */
function put(out: Obj, name: string, value: unknown): void {
  if (name === '__proto__') Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  else out[name] = value;
}

class FastReader {
  private readonly lines: string[];
  private i = 0;
  /** positions are line * 2^20 + column (both 1-based); `pos` is the position of the value just read */
  private pos = 0;
  private readonly spots = new Map<object, Spots>();

  /** `record`: keep every entry's positions (in `spots`), for `positions` */
  constructor(
    text: string,
    private readonly record: boolean,
  ) {
    const lines = text.split('\n');
    for (let k = 0; k < lines.length; k++) {
      const l = lines[k]!;
      if (l.length >= 1048575) bail();
      if (l.charCodeAt(l.length - 1) === 13) lines[k] = l.slice(0, -1);
    }
    this.lines = lines;
  }

  parse(): unknown {
    for (const l of this.lines) {
      const c = l.charCodeAt(0);
      // directives and document markers
      if (c === 37 /* % */ || ((l.startsWith('---') || l.startsWith('...')) && (l.length === 3 || l.charCodeAt(3) === 32))) bail();
    }
    this.skipBlank();
    if (this.i >= this.lines.length) bail(); // empty: the full reader says so
    const indent = indentOf(this.lines[this.i]!);
    const value = this.blockNode(indent, 0, -1);
    if (value === undefined) bail();
    this.skipBlank();
    if (this.i < this.lines.length) bail();
    return value;
  }

  /** reads the text; then, for a path: the value and key positions of the deepest node of it that exists */
  positions(): (path: Path) => { value: number; key: number } {
    const value = this.parse();
    const root = this.pos;
    const spots = this.spots;
    return (path: Path): { value: number; key: number } => {
      let node: unknown = value;
      let at = root;
      for (let d = 0; d < path.length; d++) {
        const s = node !== null && typeof node === 'object' ? spots.get(node) : undefined;
        if (!s) break;
        let i: number;
        if (s.keys === null) {
          const seg = path[d]!;
          i = typeof seg === 'number' ? seg : /^(?:0|[1-9]\d*)$/.test(seg) ? Number(seg) : -1;
          if (!Number.isInteger(i) || i < 0 || 2 * i >= s.at.length) break;
        } else {
          if (!s.index) {
            s.index = new Map();
            s.keys.forEach((k, j) => s.index!.set(k, j));
          }
          const j = s.index.get(String(path[d]));
          if (j === undefined) break;
          i = j;
        }
        at = s.at[2 * i + 1]!;
        if (d === path.length - 1) return { value: at, key: s.at[2 * i]! || at };
        node = Array.isArray(node) ? node[i] : (node as Obj)[s.keys![i]!];
      }
      return { value: at, key: at };
    };
  }

  private skipBlank(): void {
    while (this.i < this.lines.length && isBlank(this.lines[this.i]!)) this.i++;
  }

  private at(line: number, column0: number): number {
    return (line + 1) * 1048576 + column0 + 1;
  }

  /** the node that starts on the current line at `indent` (a map or a sequence; scalars only inline) */
  private blockNode(indent: number, depth: number, owner: number): unknown {
    if (depth > MAX_DEPTH) bail();
    const line = this.lines[this.i]!;
    if (indent <= owner) bail();
    if (isDash(line, indent)) return this.sequence(indent, depth);
    if (entryColon(line, indent) >= 0) return this.mapping(indent, depth);
    // a scalar alone on its line under its key ("key:\n  value")
    const value = this.inline(this.i, indent, owner, depth);
    return value;
  }

  private mapping(indent: number, depth: number): Obj {
    const out = {} as Obj;
    const self = this.at(this.i, indent);
    const keys: string[] = [];
    const at: number[] = [];
    for (;;) {
      this.skipBlank();
      if (this.i >= this.lines.length) break;
      const line = this.lines[this.i]!;
      const ind = indentOf(line);
      if (ind < indent) break;
      if (ind > indent) bail();
      const colon = entryColon(line, indent);
      if (colon < 0) {
        bail(); // (a sequence at the indent of the keys is read as the value of the key before it, in emptyOrBlock)
      }
      const name = line.slice(indent, colon).trimEnd();
      if (Object.prototype.hasOwnProperty.call(out, name)) bail();
      const keyAt = this.at(this.i, indent);
      let v = colon + 1;
      while (line.charCodeAt(v) === 32) v++;
      let value: unknown;
      if (v >= line.length || line.charCodeAt(v) === 35 /* # */) {
        value = this.emptyOrBlock(indent, v, depth, true);
      } else {
        value = this.inline(this.i, v, indent, depth);
      }
      put(out, name, value);
      if (this.record) {
        keys.push(name);
        at.push(keyAt, this.pos);
      }
    }
    if (this.record) this.spots.set(out, { keys, at });
    this.pos = self;
    return out;
  }

  /**
   * After "key:" or "-" with nothing else on the line: the block node on the following lines, or an empty
   * value located just after the indicator and its spaces.
   */
  private emptyOrBlock(owner: number, column: number, depth: number, inMap: boolean): unknown {
    const here = this.i;
    this.i++;
    this.skipBlank();
    if (this.i < this.lines.length) {
      const next = this.lines[this.i]!;
      const ind = indentOf(next);
      if (ind > owner) return this.blockNode(ind, depth + 1, owner);
      if (inMap && ind === owner && isDash(next, ind)) return this.sequence(ind, depth + 1);
    }
    this.pos = this.at(here, column);
    return '';
  }

  private sequence(indent: number, depth: number): unknown[] {
    if (depth > MAX_DEPTH) bail();
    const out: unknown[] = [];
    const self = this.at(this.i, indent);
    const at: number[] = [];
    for (;;) {
      this.skipBlank();
      if (this.i >= this.lines.length) break;
      const line = this.lines[this.i]!;
      const ind = indentOf(line);
      if (ind < indent) break;
      if (ind > indent) bail();
      if (!isDash(line, indent)) break;
      let c = indent + 1;
      while (line.charCodeAt(c) === 32) c++;
      if (c >= line.length || line.charCodeAt(c) === 35) {
        out.push(this.emptyOrBlock(indent, c, depth, false));
      } else {
        if (isDash(line, c)) bail(); // "- - x"
        if (entryColon(line, c) >= 0) {
          // "- key: value": a map whose keys sit at the column of the first one; blank out the dash and go on
          this.lines[this.i] = ' '.repeat(c) + line.slice(c);
          out.push(this.mapping(c, depth + 1));
        } else out.push(this.inline(this.i, c, indent, depth + 1));
      }
      if (this.record) at.push(0, this.pos);
    }
    if (this.record) this.spots.set(out, { keys: null, at });
    this.pos = self;
    return out;
  }

  /** a value that starts at `column` of line `row`; consumes its lines */
  private inline(row: number, column: number, owner: number, depth: number): unknown {
    if (depth > MAX_DEPTH) bail();
    const line = this.lines[row]!;
    const c = line[column]!;
    // (a flow map records its entries' positions itself, and leaves this one alone)
    this.pos = this.at(row, column);
    let value: unknown;
    let end: number;
    if (c === '"') [value, end] = doubleQuoted(line, column);
    else if (c === "'") [value, end] = singleQuoted(line, column);
    else if (c === '{') [value, end] = this.flowMap(row, column);
    else if (c === '|' || c === '>') {
      value = this.blockScalar(row, column, owner);
      this.afterValue(owner);
      return value;
    } else {
      value = plain(line, column);
      this.i = row + 1;
      // a more indented line after a plain scalar continues it, or is an error: either way, not ours
      if (this.i < this.lines.length) {
        const next = this.lines[this.i]!;
        if (indentOf(next) > owner && indentOf(next) < next.length) bail();
      }
      this.afterValue(owner);
      return value;
    }
    expectEnd(line, end);
    this.i = row + 1;
    this.afterValue(owner);
    return value;
  }

  /** after a complete value, the next line must belong to an ancestor */
  private afterValue(owner: number): void {
    let k = this.i;
    while (k < this.lines.length && isBlank(this.lines[k]!)) k++;
    if (k < this.lines.length && indentOf(this.lines[k]!) > owner) bail();
  }

  private blockScalar(row: number, column: number, owner: number): string {
    const line = this.lines[row]!;
    const folded = line[column] === '>';
    let k = column + 1;
    let chomp: 'clip' | 'strip' = 'clip';
    if (line[k] === '-') {
      chomp = 'strip';
      k++;
    }
    if (k < line.length && line.charCodeAt(k) !== 32) bail(); // "+", indentation digits, anything else
    expectEnd(line, k);
    const content: string[] = [];
    let r = row + 1;
    let indent = -1;
    for (; r < this.lines.length; r++) {
      const l = this.lines[r]!;
      const ind = indentOf(l);
      if (ind === l.length) {
        if (indent < 0) bail(); // blank lines before the first line of text
        if (ind > indent) bail(); // spaces beyond the indentation: content in a literal, left to the full reader
        content.push('');
        continue;
      }
      if (indent < 0) {
        if (ind <= owner) break;
        indent = ind;
      } else if (ind < indent) break;
      const body = l.slice(indent);
      if (folded && body.charCodeAt(0) === 32) bail(); // more-indented lines of a folded scalar
      content.push(body);
    }
    this.i = r;
    while (content.length > 0 && content[content.length - 1] === '') content.pop();
    if (content.length === 0) return '';
    let out: string;
    if (!folded) out = content.join('\n');
    else {
      out = content[0]!;
      let empties = 0;
      for (let n = 1; n < content.length; n++) {
        const l = content[n]!;
        if (l === '') {
          empties++;
          continue;
        }
        out += empties > 0 ? '\n'.repeat(empties) : ' ';
        out += l;
        empties = 0;
      }
    }
    return chomp === 'clip' ? out + '\n' : out;
  }

  private flowMap(row: number, column: number): [Obj, number] {
    const line = this.lines[row]!;
    const out = {} as Obj;
    const keys: string[] = [];
    const at: number[] = [];
    let p = column + 1;
    const skip = () => {
      while (line.charCodeAt(p) === 32) p++;
    };
    const done = (): [Obj, number] => {
      if (this.record) this.spots.set(out, { keys, at });
      return [out, p + 1];
    };
    for (;;) {
      skip();
      if (line[p] === '}') return done();
      if (p >= line.length) bail();
      const keyStart = p;
      const ch = line[p]!;
      if (INDICATOR.has(ch)) bail();
      while (p < line.length && !FLOW_KEY_END[line.charCodeAt(p)]) p++;
      if (line[p] !== ':') bail();
      const name = line.slice(keyStart, p).trimEnd();
      if (name === '' || Object.prototype.hasOwnProperty.call(out, name)) bail();
      p++;
      if (line[p] !== ' ' && line[p] !== ',' && line[p] !== '}') bail();
      skip();
      let value: string;
      if (this.record) {
        at.push(this.at(row, keyStart), this.at(row, p));
        keys.push(name);
      }
      const v = line[p];
      if (v === ',' || v === '}') value = '';
      else if (v === '"') [value, p] = doubleQuoted(line, p);
      else if (v === "'") [value, p] = singleQuoted(line, p);
      else {
        if (v === undefined || INDICATOR.has(v)) bail();
        const start = p;
        for (let ch = line.charCodeAt(p); p < line.length && ch !== 44 /* , */ && ch !== 125 /* } */; ch = line.charCodeAt(++p)) {
          // [ ] { # and a ":" that ends a word (": ", ":,", ":}", ":" at the end) belong to the full reader
          if (ch === 91 || ch === 93 || ch === 123 || ch === 35) bail();
          if (ch === 58) {
            const next = line.charCodeAt(p + 1);
            if (p + 1 === line.length || next === 32 || next === 44 || next === 125) bail();
          }
        }
        value = line.slice(start, p).trimEnd();
      }
      put(out, name, value);
      skip();
      if (line[p] === ',') {
        p++;
        continue;
      }
      if (line[p] === '}') return done();
      bail();
    }
  }
}

/** "- " or a lone "-" at `column` */
function isDash(line: string, column: number): boolean {
  return line.charCodeAt(column) === 45 && (column + 1 === line.length || line.charCodeAt(column + 1) === 32);
}

/** the column of the ":" of a "key: value" entry starting at `column`, or -1 when the line is not one */
function entryColon(line: string, column: number): number {
  const first = line[column];
  if (first === undefined || INDICATOR.has(first)) return -1;
  for (let p = column; p < line.length; p++) {
    const ch = line.charCodeAt(p);
    if (ch === 58 /* : */) {
      if (p + 1 === line.length || line.charCodeAt(p + 1) === 32) return p - column > 1000 ? bail() : p;
      return -1; // "a:b" keys are left to the full reader
    }
    if (ch === 35 /* # */ && line.charCodeAt(p - 1) === 32) return -1;
  }
  return -1;
}

/** a one-line plain scalar starting at `column`, without a trailing comment */
function plain(line: string, column: number): string {
  const first = line[column]!;
  if (INDICATOR.has(first)) {
    // "-5", ":x", "?x" are plain; every other indicator starts something else
    const next = line.charCodeAt(column + 1);
    if (!(first === '-' || first === '?' || first === ':') || Number.isNaN(next) || next === 32) bail();
  }
  let end = line.indexOf(' #', column);
  if (end < 0) end = line.length;
  const value = line.slice(column, end).trimEnd();
  if (value.includes(': ') || value.endsWith(':')) bail();
  return value;
}

/** only spaces or a comment may follow a quoted scalar or a flow map on its line */
function expectEnd(line: string, p: number): void {
  let k = p;
  while (line.charCodeAt(k) === 32) k++;
  if (k < line.length && !(line.charCodeAt(k) === 35 && k > p)) bail();
}

function singleQuoted(line: string, column: number): [string, number] {
  let out = '';
  let p = column + 1;
  for (;;) {
    const q = line.indexOf("'", p);
    if (q < 0) bail(); // continues on the next line
    out += line.slice(p, q);
    if (line[q + 1] === "'") {
      out += "'";
      p = q + 2;
      continue;
    }
    return [out, q + 1];
  }
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};

function doubleQuoted(line: string, column: number): [string, number] {
  let out = '';
  let p = column + 1;
  for (;;) {
    const q = line.indexOf('"', p);
    const b = line.indexOf('\\', p);
    if (q < 0) bail(); // continues on the next line
    if (b < 0 || q < b) {
      out += line.slice(p, q);
      return [out, q + 1];
    }
    out += line.slice(p, b);
    const e = line[b + 1];
    if (e === undefined) bail();
    const simple = ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      p = b + 2;
      continue;
    }
    const width = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    const hex = line.slice(b + 2, b + 2 + width);
    if (width === 0 || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== width) bail();
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) bail();
    out += String.fromCodePoint(code);
    p = b + 2 + width;
  }
}
