/** vi-VN number style of the report: "." for thousands, "," for decimals, no space before "%". */

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 3182603 → "3.182.603"; 12.5 → "12,5" */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  const sign = n < 0 ? '-' : '';
  const [int = '0', frac] = Math.abs(n).toString().split('.');
  return sign + groupThousands(int) + (frac ? ',' + frac : '');
}

/** Counts as official text writes them: a leading zero below 10 ("02 Quyết định"); 0 stays "0". */
export function formatCount(n: number): string {
  if (Number.isInteger(n) && n > 0 && n < 10) return '0' + n;
  return formatNumber(n);
}

/**
 * part/whole as a percentage, rounded half-up to 2 decimals with integer arithmetic (no float drift).
 * Returns hundredths of a percent (2587 for 25,87%), or null when whole is 0 or either is missing.
 */
export function rateHundredths(part: number | null, whole: number | null): number | null {
  if (part === null || whole === null || whole === 0) return null;
  const neg = part * whole < 0;
  const p = Math.abs(part);
  const w = Math.abs(whole);
  const r = Math.floor((p * 20000 + w) / (2 * w));
  return neg ? -r : r;
}

/** part/whole as a fraction (0..1) rounded to the printed precision, or null */
export function rate(part: number | null, whole: number | null): number | null {
  const h = rateHundredths(part, whole);
  return h === null ? null : h / 10000;
}

/** 2587 → "25,87%"; 9860 → "98,6%"; 10000 → "100%" */
export function formatHundredths(h: number): string {
  const sign = h < 0 ? '-' : '';
  const a = Math.abs(h);
  const int = Math.floor(a / 100);
  const frac = (a % 100).toString().padStart(2, '0').replace(/0+$/, '');
  return sign + groupThousands(String(int)) + (frac ? ',' + frac : '') + '%';
}

/** online/total as the report prints it; "" when the total is 0 or missing */
export function formatRate(part: number | null, whole: number | null): string {
  const h = rateHundredths(part, whole);
  return h === null ? '' : formatHundredths(h);
}

/** a fraction (0..1) already rounded by `rate` → "25,87%" */
export function formatFraction(fraction: number | null): string {
  return fraction === null ? '' : formatHundredths(Math.round(fraction * 10000));
}
