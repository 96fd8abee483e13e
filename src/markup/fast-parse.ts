import type { Block, HeadingLevel, Inline, MarkupDocument } from './blocks.js';

/**
 * A fast reader for the plain body markup the templates write (docs/markup.md): ATX headings, paragraphs,
 * `*italic*`, `**bold**`, `***both***` set off by spaces, and footnote calls `[^id]`. It gives exactly what the
 * micromark reader (parse.ts) gives for such text, without micromark's cold start, which was a tenth of a build.
 *
 * Anything else (backslashes, underscores, brackets other than footnote calls, asterisks that are not such a
 * pair, indented lines, tabs, footnote definitions, headings with closing #) makes it return null, and parse.ts
 * reads the text with micromark. tests/markup/fast-parse.test.ts compares the two readers.
 */

const CALL = /\[\^([^\]\s]+)\]/g;
const HEADING = /^(#{1,6}) +(.*)$/;

/** The key a footnote id is known by: as micromark normalises labels (case and inner spaces do not count). */
export function footnoteKey(id: string): string {
  return id.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase().toLowerCase();
}

/** `text` is already cleaned (cleanText); `external`: keys of the footnotes defined outside the markup. */
export function parseMarkupFast(text: string, external: ReadonlySet<string>): MarkupDocument | null {
  if (/[\\_\t]/.test(text)) return null;
  const blocks: Block[] = [];
  const undefinedCalls = new Set<string>();
  let lines: string[] = [];
  const flush = (): boolean => {
    if (lines.length === 0) return true;
    const inlines = parseInlines(lines.join('\n'), external, undefinedCalls);
    lines = [];
    if (!inlines) return false;
    blocks.push({ kind: 'paragraph', inlines });
    return true;
  };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/ +$/, '');
    if (line === '') {
      if (!flush()) return null;
      continue;
    }
    const first = line.charCodeAt(0);
    if (first === 32) return null; // indentation
    if (first === 35 /* # */) {
      const m = HEADING.exec(line);
      if (!m || m[2] === '' || m[2]!.endsWith('#')) return null;
      if (!flush()) return null;
      const inlines = parseInlines(m[2]!, external, undefinedCalls);
      if (!inlines) return null;
      blocks.push({ kind: 'heading', level: Math.min(m[1]!.length, 3) as HeadingLevel, inlines });
      continue;
    }
    if (line.startsWith('[^')) return null; // a footnote definition, perhaps
    lines.push(line);
  }
  if (!flush()) return null;
  return { blocks, definitions: new Map(), undefinedCalls: [...undefinedCalls] };
}

/** start or end of the text, a space or a line break */
const isBoundary = (c: string | undefined) => c === undefined || c === ' ' || c === '\n';
/** any white space by JavaScript's (wider) definition, or the start or end of the text */
const isBlank = (c: string | undefined) => c === undefined || /\s/.test(c);

/** The inlines of one paragraph or heading, or null when it holds anything beyond the simple forms. */
function parseInlines(source: string, external: ReadonlySet<string>, undefinedCalls: Set<string>): Inline[] | null {
  const out: Inline[] = [];
  let bold = false;
  let italic = false;
  let open = 0; // length of the open emphasis run
  let start = 0;
  let i = 0;
  const text = (to: number) => {
    if (to > start) pushText(out, source.slice(start, to), bold, italic);
  };
  while (i < source.length) {
    const c = source[i]!;
    if (c === '*') {
      let n = 1;
      while (source[i + n] === '*') n++;
      if (n > 3) return null;
      const before = source[i - 1];
      const after = source[i + n];
      if (open === 0) {
        // an opening run: after a space or at the start, before anything but white space
        if (!isBoundary(before) || isBlank(after)) return null;
        text(i);
        open = n;
        bold = n >= 2;
        italic = n !== 2;
      } else {
        // the closing run of the same length: after anything but white space, before a space or at the end
        if (n !== open || isBlank(before) || !isBoundary(after)) return null;
        text(i);
        open = 0;
        bold = false;
        italic = false;
      }
      i += n;
      start = i;
      continue;
    }
    if (c === '[' || c === ']') {
      if (c === ']' || source[i + 1] !== '^' || source[i - 1] === '!') return null;
      CALL.lastIndex = i;
      const m = CALL.exec(source);
      if (!m || m.index !== i || source[i + m[0].length] === '(' || source[i + m[0].length] === '[') return null;
      const key = footnoteKey(m[1]!);
      if (external.has(key)) {
        text(i);
        out.push({ kind: 'footnote', id: key });
        start = i + m[0].length;
      } else undefinedCalls.add(key);
      i += m[0].length;
      continue;
    }
    i++;
  }
  if (open !== 0) return null;
  text(source.length);
  return out;
}

/** As parse.ts: soft line breaks are spaces; adjacent runs of the same format are merged. */
function pushText(out: Inline[], value: string, bold: boolean, italic: boolean): void {
  const t = value.replace(/[ \t]*\n[ \t]*/g, ' ').replace(/\t/g, ' ');
  if (t === '') return;
  const last = out[out.length - 1];
  if (last && last.kind === 'text' && last.bold === bold && last.italic === italic) {
    out[out.length - 1] = { ...last, text: last.text + t };
  } else {
    out.push({ kind: 'text', text: t, bold, italic });
  }
}
