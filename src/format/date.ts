/** Dates as official Vietnamese text writes them (Nghị định 30/2020). */

function parts(iso: string): { y: number; m: number; d: number } {
  const [y, m, d] = iso.split('-').map(Number);
  return { y: y ?? 0, m: m ?? 1, d: d ?? 1 };
}

/** Day below 10 and months 1 and 2 take a leading zero; months 3–12 do not. */
function day(d: number): string {
  return String(d).padStart(2, '0');
}
function month(m: number): string {
  return m <= 2 ? String(m).padStart(2, '0') : String(m);
}

/** "2024-09-15" → "15/9/2024"; "2022-01-06" → "06/01/2022" */
export function formatDateShort(iso: string): string {
  const { y, m, d } = parts(iso);
  return `${day(d)}/${month(m)}/${y}`;
}

/** "2024-09-15" → "ngày 15 tháng 9 năm 2024" */
export function formatDateLong(iso: string): string {
  const { y, m, d } = parts(iso);
  return `ngày ${day(d)} tháng ${month(m)} năm ${y}`;
}

/** "2024-09" → "9/2024" */
export function formatMonth(key: string): string {
  const [y, m] = key.split('-').map(Number);
  return `${m}/${y}`;
}
