import { cacheSlot } from '../workspace/data-cache.js';

/**
 * Matching service names typed by people to catalog names. Two spellings are the same name when they differ
 * only in Unicode composition (NFC/NFD), in where the tone mark sits ("Hóa"/"Hoá", "thủy"/"thuỷ"), in case,
 * in spacing or in punctuation. Letters and their shape marks (ă, â, ê, ô, ơ, ư, đ) and the tone itself still
 * count: "khai tử" is not "khai tu".
 */

const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

/** One word: letters with their shape marks, and the word's tone (if any) moved to the end. */
function foldWord(word: string): string {
  let tone = '';
  let base = '';
  for (const ch of word.normalize('NFD')) {
    if (TONES.has(ch)) tone = ch;
    else base += ch;
  }
  return (base + tone).normalize('NFC');
}

/**
 * Words already folded: a language has a few thousand syllables, and a sheet repeats them on every row. The cache
 * is dropped when it grows past its bound (a sheet of random words cannot make it grow without end).
 */
const WORDS = new Map<string, string>();
const WORDS_MAX = 50_000;

function foldWordCached(word: string): string {
  let f = WORDS.get(word);
  if (f === undefined) {
    // a word of ASCII letters and digits has no tone to move
    f = /^[\x00-\x7f]*$/.test(word) ? word : foldWord(word);
    if (WORDS.size >= WORDS_MAX) WORDS.clear();
    WORDS.set(word, f);
  }
  return f;
}

/** whole names already keyed: sub-row names ("- Cấp lần đầu") repeat under every service (bounded as WORDS) */
const NAMES = new Map<string, string>();

export function nameKey(name: string): string {
  let key = NAMES.get(name);
  if (key === undefined) {
    key = computeNameKey(name);
    if (NAMES.size >= WORDS_MAX) NAMES.clear();
    NAMES.set(name, key);
  }
  return key;
}

/**
 * The keys of many names at once (a catalog's services): taken from the data cache (src/workspace/data-cache.ts)
 * when the same list was keyed on an earlier run. At the scale of a national roll-up, keying 5,000 names takes
 * ~35 ms of every import, and a catalog's names change a few times a year. The entry is found by the names
 * themselves, so a changed name is a new list; an entry that is not one key per name counts as missing.
 */
export function nameKeys(names: readonly string[]): string[] {
  const slot = cacheSlot('name-keys', Buffer.from(JSON.stringify(names), 'utf8'));
  const hit = slot.hit;
  if (Array.isArray(hit) && hit.length === names.length && hit.every((k) => typeof k === 'string')) {
    // known to `nameKey` as well: the rows of a sheet mostly spell the names as the catalog does
    if (NAMES.size + names.length <= WORDS_MAX) names.forEach((n, i) => NAMES.set(n, hit[i] as string));
    return hit as string[];
  }
  const keys = names.map(nameKey);
  slot.keep(keys);
  return keys;
}

/**
 * The words of the name (runs of letters, digits and marks, as /[\p{L}\p{N}\p{M}]+/u finds them), each folded,
 * joined by single spaces; in one pass over the name, without a regular expression for each character.
 */
function computeNameKey(name: string): string {
  const s = name.normalize('NFC').toLowerCase();
  let out = '';
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    let inWord = false;
    let width = 1;
    if (i < s.length) {
      const c = s.charCodeAt(i);
      if (c < 128) inWord = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
      else if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        // a character outside the first plane: both halves together
        width = 2;
        inWord = WORD_CHAR.test(s.slice(i, i + 2));
      } else inWord = wordUnit(c);
    }
    if (inWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      const w = foldWordCached(s.slice(start, i));
      out = out === '' ? w : out + ' ' + w;
      start = -1;
    }
    i += width - 1;
  }
  return out;
}

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]+$/u;
/** per UTF-16 unit of the first plane: 0 not yet known, 1 a letter, digit or mark, 2 not */
const UNIT_CLASS = new Uint8Array(0x10000);

function wordUnit(c: number): boolean {
  let k = UNIT_CLASS[c]!;
  if (k === 0) UNIT_CLASS[c] = k = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

/** what a name with a list mark starts with: white space or the mark */
const MAY_BE_LISTED = /^[\s\-–+*•]/;

/** A name with its leading list mark ("- ", "+ ", "* ") removed, as sub-rows print it. */
export function withoutListMark(name: string): { name: string; marked: boolean } {
  // most names start with a letter: one character tells
  if (!MAY_BE_LISTED.test(name)) return { name, marked: false };
  const m = /^\s*[-–+*•]\s*/.exec(name);
  return m ? { name: name.slice(m[0].length), marked: true } : { name, marked: false };
}
