import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';

/**
 * What the program derives from a large input, kept between runs (docs/performance.md): the validated values of
 * the catalog files, which at the scale of a national roll-up are megabytes of YAML read and checked by zod on
 * every command, while they change a few times a year; the verdict of the checks across those files when they found
 * nothing (src/workspace/load.ts); and the keys `baocao import` matches the catalog's service names by
 * (src/excel/name-match.ts).
 *
 * An entry is found by its role and the SHA-256 of the input's bytes, so any change to the input is a new key; the
 * store (bin/baocao.js lends one: src/boot/boot.ts) adds the program's own bundle hash, so that another build of
 * the program never reads an entry it did not write. Only a file read and validated without any problem is kept,
 * and only when its value survives JSON unchanged; a damaged entry is a missing one. Problems are never cached:
 * a file with one is read the long way every time. BAOCAO_DATA_CACHE=0 turns the cache off.
 */

/** the byte store: an entry's checksum is its business */
export interface ByteCache {
  read(name: string): Uint8Array | undefined;
  write(name: string, data: Uint8Array): void;
}

/** a smaller file is read and checked in a few milliseconds: an entry would not pay for itself (the sample's files are under 10 KB) */
export const CACHE_FROM_BYTES = 256 * 1024;

let store: ByteCache | undefined;

/** The store for this run (none: nothing is cached). */
export function useDataCache(cache: ByteCache | undefined): void {
  store = cache;
}

export interface CacheSlot {
  /** the value kept for exactly these bytes, if any */
  readonly hit: unknown;
  /** keeps `value` for these bytes (ignored when it would not come back the same) */
  keep(value: unknown): void;
}

/**
 * An entry's JSON is kept as UTF-16: twice the bytes of UTF-8 for Vietnamese names, but decoded by a copy, where
 * UTF-8 took 14 of the ~65 ms of reading the 2.9 MB entry of the bench catalog. (JSON.stringify escapes a lone
 * surrogate, so the text always survives.)
 */
export const ENTRY_ENCODING = 'utf16le';

const MISS: CacheSlot = { hit: undefined, keep: () => undefined };

const DIGESTS = new WeakMap<Uint8Array, string>();

/** The SHA-256 of these bytes (hex), computed once per buffer. */
export function digestOf(bytes: Uint8Array): string {
  let d = DIGESTS.get(bytes);
  if (d === undefined) DIGESTS.set(bytes, (d = createHash('sha256').update(bytes).digest('hex')));
  return d;
}

/**
 * The slot of `role` (lower-case letters, digits, "-") for an input of these bytes. `size`: how large the input
 * counts as, when the bytes only name it (the digests of the files it was derived from, made only when needed).
 */
export function cacheSlot(role: string, bytes: Uint8Array | (() => Uint8Array), size = typeof bytes === 'function' ? 0 : bytes.length): CacheSlot {
  const cache = store;
  if (!cache || size < CACHE_FROM_BYTES) return MISS;
  const name = `${role}.${digestOf(typeof bytes === 'function' ? bytes() : bytes).slice(0, 32)}`;
  let hit: unknown;
  try {
    const data = cache.read(name);
    if (data) hit = (JSON.parse(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString(ENTRY_ENCODING)) as { value: unknown }).value;
  } catch {
    hit = undefined;
  }
  return {
    hit,
    keep(value) {
      if (hit !== undefined) return;
      try {
        const json = JSON.stringify({ value });
        if (isDeepStrictEqual(JSON.parse(json).value, value)) cache.write(name, Buffer.from(json, ENTRY_ENCODING));
      } catch {
        // a cache is only ever an accelerator: a value it cannot take is read the long way next time
      }
    },
  };
}
