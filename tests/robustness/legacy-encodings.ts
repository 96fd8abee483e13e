/**
 * Vietnamese text in the encodings still found in provincial offices, generated for the tests (no binary
 * fixtures): TCVN3 (ABC, the ".Vn" fonts), VNI-Windows (the "VNI-" fonts) and Windows-1258. TCVN3 and VNI are
 * font encodings: the bytes are Latin-1 code points that those fonts draw as Vietnamese letters.
 */

const TONES = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'] as const; // grave, acute, hook, tilde, dot

/** TCVN3: one byte per lower-case letter; [plain, grave, acute, hook, tilde, dot] */
const TCVN3_ROWS: Record<string, number[]> = {
  a: [0x61, 0xb5, 0xb8, 0xb6, 0xb7, 0xb9],
  ă: [0xa8, 0xbb, 0xbe, 0xbc, 0xbd, 0xc6],
  â: [0xa9, 0xc7, 0xca, 0xc8, 0xc9, 0xcb],
  e: [0x65, 0xcc, 0xd0, 0xce, 0xcf, 0xd1],
  ê: [0xaa, 0xd2, 0xd5, 0xd3, 0xd4, 0xd6],
  i: [0x69, 0xd7, 0xdd, 0xd8, 0xdc, 0xde],
  o: [0x6f, 0xdf, 0xe3, 0xe1, 0xe2, 0xe4],
  ô: [0xab, 0xe5, 0xe8, 0xe6, 0xe7, 0xe9],
  ơ: [0xac, 0xea, 0xed, 0xeb, 0xec, 0xee],
  u: [0x75, 0xef, 0xf3, 0xf1, 0xf2, 0xf4],
  ư: [0xad, 0xf5, 0xf8, 0xf6, 0xf7, 0xf9],
  y: [0x79, 0xfa, 0xfd, 0xfb, 0xfc, 0xfe],
};

function splitLetter(ch: string): { letter: string; tone: number } {
  const nfd = ch.normalize('NFD');
  const tone = TONES.findIndex((t) => nfd.includes(t));
  const letter = (tone >= 0 ? nfd.replace(TONES[tone]!, '') : nfd).normalize('NFC');
  return { letter, tone };
}

/** Lower-case Vietnamese, ASCII and Đ/đ in TCVN3 bytes. */
export function toTcvn3(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    if (ch === 'đ') out.push(0xae);
    else if (ch === 'Đ') out.push(0xa7);
    else if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const { letter, tone } = splitLetter(ch);
      const row = TCVN3_ROWS[letter];
      if (!row) throw new Error(`no TCVN3 byte for ${ch}`);
      out.push(row[tone + 1]!);
    }
  }
  return Buffer.from(out);
}

/** VNI-Windows: base letter, then a byte for the shape and tone marks (i with a tone is one byte). */
export function toVni(text: string): Buffer {
  const TONE = [0xf8, 0xf9, 0xfb, 0xf5, 0xef]; // grave, acute, hook, tilde, dot
  const CIRCUMFLEX = [0xe0, 0xe1, 0xe5, 0xe3, 0xe4];
  const BREVE = [0xe8, 0xe9, 0xfa, 0xfc, 0xeb];
  const I = [0xec, 0xed, 0xe6, 0xf3, 0xf2];
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    if (ch === 'đ') out.push(0xf1);
    else if (ch === 'Đ') out.push(0xd1);
    else if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const { letter, tone } = splitLetter(ch);
      if (letter === 'i') out.push(I[tone]!);
      else if (letter === 'â' || letter === 'ê' || letter === 'ô') out.push(letter.normalize('NFD').charCodeAt(0), tone >= 0 ? CIRCUMFLEX[tone]! : 0xe2);
      else if (letter === 'ă') out.push(0x61, tone >= 0 ? BREVE[tone]! : 0xea);
      else if (letter === 'ơ' || letter === 'ư') out.push(letter === 'ơ' ? 0xf4 : 0xf6, ...(tone >= 0 ? [TONE[tone]!] : []));
      else if ('aeouy'.includes(letter)) out.push(letter.charCodeAt(0), TONE[tone]!);
      else throw new Error(`no VNI bytes for ${ch}`);
    }
  }
  return Buffer.from(out);
}

let cp1258: Map<string, number> | undefined;

/** Windows-1258: precomposed base letters (â, ơ, ư, ă, đ …) and combining tone marks, as Windows writes it. */
export function toWindows1258(text: string): Buffer {
  if (!cp1258) {
    cp1258 = new Map();
    const dec = new TextDecoder('windows-1258');
    for (let b = 0x80; b < 0x100; b++) cp1258.set(dec.decode(Uint8Array.of(b)), b);
  }
  const table = cp1258;
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    if (ch.charCodeAt(0) < 0x80) {
      out.push(ch.charCodeAt(0));
      continue;
    }
    const { letter, tone } = splitLetter(ch);
    const base = letter.charCodeAt(0) < 0x80 ? letter.charCodeAt(0) : table.get(letter);
    if (base === undefined) throw new Error(`no Windows-1258 byte for ${ch}`);
    out.push(base);
    if (tone >= 0) out.push(table.get(TONES[tone]!)!);
  }
  return Buffer.from(out);
}

/** What a TCVN3/VNI file looks like after a converter took its bytes for Latin-1 and saved them as UTF-8. */
export function asLatin1Mojibake(bytes: Buffer): string {
  return bytes.toString('latin1');
}
