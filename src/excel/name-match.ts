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

function computeNameKey(name: string): string {
  const words = name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim()
    .split(' ');
  let out = '';
  for (const w of words) {
    if (w === '') continue;
    out = out === '' ? foldWordCached(w) : out + ' ' + foldWordCached(w);
  }
  return out;
}

/** A name with its leading list mark ("- ", "+ ", "* ") removed, as sub-rows print it. */
export function withoutListMark(name: string): { name: string; marked: boolean } {
  const m = /^\s*[-–+*•]\s*/.exec(name);
  return m ? { name: name.slice(m[0].length), marked: true } : { name, marked: false };
}
