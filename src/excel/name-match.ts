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

export function nameKey(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .map(foldWord)
    .join(' ');
}

/** A name with its leading list mark ("- ", "+ ", "* ") removed, as sub-rows print it. */
export function withoutListMark(name: string): { name: string; marked: boolean } {
  const m = /^\s*[-–+*•]\s*/.exec(name);
  return m ? { name: name.slice(m[0].length), marked: true } : { name, marked: false };
}
