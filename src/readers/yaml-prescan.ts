import { Lexer } from 'yaml';

/**
 * A linear pass over the `yaml` lexer's tokens, before its parser and composer see a file. The composer
 * recurses once per level of nesting (10,000 nested "[" overflow the stack, or worse) and the parser slows down
 * on very deep and very long collections; a department's return has a few levels and about a thousand tokens.
 * So a file whose nesting or number of tokens is absurd is refused here, at the offset where the bound was
 * passed. The exact rule (64 levels) is checked after parsing; this bound is looser and only an estimate:
 * the depth of block nesting is at most the indentation plus the "- " and "? " indicators on the line.
 */

/** levels (flow brackets, indentation columns and compact indicators); well above the 64 levels allowed */
export const PRESCAN_MAX_NESTING = 256;
/**
 * Tokens of the whole file. A return has about a thousand; a catalog written as the sample's are has a token per
 * 3.4 bytes, so the largest file read (5 MB, BC008 before reading) has about 1.5 million, and 2 million leave
 * room for shorter names. The full reader must read every such file: it is where the fast reader sends any file
 * it declines (a tab in a comment is enough). The yaml package reads a token in 4–9 µs (a catalog 4, a flow
 * sequence 6, a map of short keys 9, measured), so a hostile file at the budget is read in seconds, not minutes.
 */
export const PRESCAN_MAX_TOKENS = 2_000_000;

export type Prescan = { readonly ok: true } | { readonly ok: false; readonly reason: 'nesting' | 'tokens'; readonly offset: number };

/** The lexer's control tokens stand for no text of the source. */
const CONTROL = new Set(['\u0002', '\u0018', '\u001f']);

export function prescanYaml(text: string): Prescan {
  let offset = 0;
  let tokens = 0;
  let flow = 0;
  let flowBase = 0;
  let line = 0;
  let lineStart = true;
  for (const token of new Lexer().lex(text)) {
    if (CONTROL.has(token)) continue;
    if (++tokens > PRESCAN_MAX_TOKENS) return { ok: false, reason: 'tokens', offset };
    if (token === '\n' || token === '\r\n') {
      line = 0;
      lineStart = true;
    } else {
      if (lineStart && flow === 0 && /^[ \t]+$/.test(token)) line = token.length;
      else if (token === '-' || token === '?') line++;
      else if (token === '[' || token === '{') {
        if (flow === 0) flowBase = line;
        flow++;
      } else if (token === ']' || token === '}') flow = Math.max(0, flow - 1);
      lineStart = false;
      if ((flow > 0 ? flowBase : line) + flow > PRESCAN_MAX_NESTING) return { ok: false, reason: 'nesting', offset };
    }
    offset += token.length;
  }
  return { ok: true };
}

/**
 * 1-based line and column of an offset, from the text itself: the yaml package's LineCounter only learns the
 * line breaks its parser reaches, and misses those inside a token it rejects ("*a[ă\na{" put 2:2 at 1:7).
 */
export function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    const at = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - starts[lo]! + 1 };
  };
}
