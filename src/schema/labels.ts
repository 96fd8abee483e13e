/** Folds a label for comparison: NFC, lower case, no tone-mark placement differences, single spaces. */
export function foldLabel(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** each label set's keys by every spelling that exactly names them (key, label) and by their folded forms */
const FOLDED = new WeakMap<object, { exact: Map<string, string>; folded: Map<string, string> }>();

function lookupOf(labels: Record<string, string>): { exact: Map<string, string>; folded: Map<string, string> } {
  let l = FOLDED.get(labels);
  if (!l) {
    l = { exact: new Map(), folded: new Map() };
    for (const [key, label] of Object.entries(labels)) {
      for (const s of [key, label]) {
        const f = foldLabel(s);
        if (!l.folded.has(f)) l.folded.set(f, key);
      }
    }
    // an exact spelling gives what its folded form gives
    for (const [key, label] of Object.entries(labels)) for (const s of [key, label]) l.exact.set(s, l.folded.get(foldLabel(s))!);
    FOLDED.set(labels, l);
  }
  return l;
}

/** Accepts the code ("connected") or the printed label in any case/diacritic form ("Đã kết nối", "da ket noi"). */
export function matchLabel<K extends string>(labels: Record<K, string>, raw: string): K | null {
  const l = lookupOf(labels);
  return (l.exact.get(raw) ?? l.folded.get(foldLabel(raw)) ?? null) as K | null;
}

/** A status as the report and the forms print it: its wording in the vocabulary; "" for none. */
export function printedLabel(labels: Readonly<Record<string, string>>, id: string | null | undefined): string {
  if (id === null || id === undefined) return '';
  return Object.hasOwn(labels, id) ? labels[id]! : id;
}
