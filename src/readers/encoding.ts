/**
 * Vietnamese text typed in the legacy 8-bit encodings (TCVN3/ABC, VNI-Windows) and then saved as UTF-8
 * shows characteristic letter sequences that never occur in Unicode Vietnamese. We detect a few of the
 * commonest, to tell the officer to convert the file rather than print mojibake in the report.
 */

export interface LegacyHit {
  readonly encoding: 'TCVN3' | 'VNI';
  readonly sample: string;
  readonly line: number;
  readonly column: number;
}

// TCVN3 (ABC) maps Vietnamese letters into Latin-1 code points: "ViÖt Nam", "§­îc", "c¸c", "tØnh", "Thanh Ho¸"
const TCVN3 = /(?:[§¸µ¶·¹¨¾»¼½Æ©ÇËÎÏÑ×ØÜÞ\u00ad«¬®¦Ö][a-zA-Z]|[a-zA-Z][§¸µ¶·¹¨¾»¼½Æ©ÇËÎÏÑ×ØÜÞ\u00ad«¬®¦Ö])/g;
// VNI-Windows writes a base letter followed by a Latin-1 tone/shape mark: "Vieät Nam", "tænh", "Hoùa", "ñöôïc"
// only marks that Unicode Vietnamese never has, or never right after a plain vowel
const VNI = /[a-zA-Z][äøûïöñæåëüÄØÛÏÖÑÆÅËÜ]|[aeiouyAEIOUY][ùõ]/g;
// letters only Unicode Vietnamese has (ă đ ĩ ũ ơ ư and the precomposed toned vowels): a line holding one was
// typed in Unicode, whatever foreign names it also holds
const UNICODE_VIETNAMESE = /[ĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9]/;

const LATIN1 = /[\u00a0-\u00ff]/;
const PATTERNS = [
  [TCVN3, 'TCVN3'],
  [VNI, 'VNI'],
] as const;

export function detectLegacyVietnamese(text: string): LegacyHit | null {
  const lines = text.split('\n');
  let tcvnHits = 0;
  let vniHits = 0;
  let first: LegacyHit | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // every legacy pattern has a Latin-1 letter; most lines have none, or are plainly Unicode Vietnamese
    if (!LATIN1.test(line) || UNICODE_VIETNAMESE.test(line)) continue;
    for (const [re, enc] of PATTERNS) {
      for (const m of line.matchAll(re)) {
        if (enc === 'TCVN3') tcvnHits++;
        else vniHits++;
        if (!first || (first.line === i + 1 && m.index < first.column - 1)) {
          const start = Math.max(0, m.index - 8);
          first = { encoding: enc, sample: line.slice(start, m.index + 12).trim(), line: i + 1, column: m.index + 1 };
        }
      }
    }
  }
  // one odd word can be a French or German name; legacy text repeats the pattern on many words
  if (tcvnHits + vniHits < 3) return null;
  if (first) return { ...first, encoding: tcvnHits >= vniHits ? 'TCVN3' : 'VNI' };
  return null;
}

/** Windows-1258 writes tones as combining marks after the vowel: these bytes after a vowel byte. */
const CP1258_TONES = new Set([0xcc, 0xec, 0xde, 0xd2, 0xf2]);
const CP1258_VOWELS = new Set([...'aeiouyAEIOUY'].map((c) => c.charCodeAt(0)).concat([0xe2, 0xea, 0xf4, 0xf5, 0xfd, 0xe3, 0xc2, 0xca, 0xd4, 0xd5, 0xdd, 0xc3]));

/**
 * For bytes that are not UTF-8: the legacy Vietnamese encoding they look like, or null. TCVN3 and VNI are
 * font encodings whose bytes read as Latin-1 letters; Windows-1258 puts tone marks after the vowels.
 */
export function guessLegacyEncoding(bytes: Uint8Array): 'Windows-1258' | 'TCVN3' | 'VNI' | null {
  let cp1258 = 0;
  for (let i = 1; i < bytes.length; i++) if (CP1258_TONES.has(bytes[i]!) && CP1258_VOWELS.has(bytes[i - 1]!)) cp1258++;
  const latin = new TextDecoder('windows-1252').decode(bytes);
  let tcvn = 0;
  let vni = 0;
  for (const line of latin.split('\n')) {
    tcvn += [...line.matchAll(TCVN3)].length;
    vni += [...line.matchAll(VNI)].length;
  }
  const best = Math.max(cp1258, tcvn, vni);
  if (best < 3) return null;
  return best === cp1258 ? 'Windows-1258' : tcvn >= vni ? 'TCVN3' : 'VNI';
}
