import type { NumberingStyle } from '../model/appendix.js';
import { formatCount, formatNumber } from './number.js';

/** "{name}" or "{name:02}" (a count with a leading zero below 10, as official text writes it) */
const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9-]*)(:02)?\}/g;

/** The placeholders a label uses, by name, in order. */
export function placeholdersOf(label: string): string[] {
  return [...label.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** A label of the report definition filled: "{title} ({count:02} MÔ HÌNH)" → "NHÓM … (03 MÔ HÌNH)". */
export function fillLabel(label: string, values: Readonly<Record<string, string | number>>): string {
  return label.replace(PLACEHOLDER, (whole, name: string, padded: string | undefined) => {
    const v = Object.hasOwn(values, name) ? values[name] : undefined;
    if (v === undefined) return whole;
    if (typeof v === 'string') return v;
    return padded ? formatCount(v) : formatNumber(v);
  });
}

function roman(n: number): string {
  const digits: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [value, text] of digits) for (; n >= value; n -= value) out += text;
  return out;
}

function letters(n: number): string {
  let out = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(97 + ((n - 1) % 26)) + out;
  return out;
}

/** The n-th row number (from 1) in a numbering style: "1" · "1." · "I" · "I." · "a" · "a)". */
export function formatNumbering(n: number, style: NumberingStyle): string {
  switch (style) {
    case '1':
      return String(n);
    case '1.':
      return `${n}.`;
    case 'I':
      return roman(n);
    case 'I.':
      return `${roman(n)}.`;
    case 'a':
      return letters(n);
    case 'a)':
      return `${letters(n)})`;
  }
}
