import { inflateRawSync } from 'node:zlib';
import { collidingName, crc32, dataOffset, readZipDirectory, type ZipEntry } from '../zip.js';
import { MalformedXml, Tag, XmlCursor, utf8Part } from './xml.js';

/**
 * The parts of an .xlsx package, inflated one at a time on request, so that only the part being read is held
 * in memory. zlib (C++) rather than a JavaScript inflate such as fflate's: on a cold start, the 14 MB sheet of
 * the import benchmark inflates in ~60 ms with zlib and ~350 ms with fflate. The guard (guard.ts) has judged
 * sizes and ratios before; the bound here only keeps a lying entry from growing.
 */

const MAX_PART_BYTES = 256 * 1024 * 1024;

export class Package {
  private readonly byName = new Map<string, ZipEntry>();
  private readonly byLowerName = new Map<string, ZipEntry>();

  /** `inflated`: parts already inflated (by the guard), by entry name */
  constructor(
    private readonly bytes: Uint8Array,
    private readonly inflated?: ReadonlyMap<string, Uint8Array>,
  ) {
    const entries = readZipDirectory(bytes).entries;
    const twice = collidingName(entries);
    if (twice !== undefined) throw new MalformedXml(`entry ${twice} twice`);
    for (const e of entries) {
      const name = e.name.startsWith('/') ? e.name.slice(1) : e.name;
      this.byName.set(name, e);
      // part names are compared without regard to case (Open Packaging Conventions)
      this.byLowerName.set(name.toLowerCase(), e);
    }
  }

  private entry(name: string): ZipEntry | undefined {
    return this.byName.get(name) ?? this.byLowerName.get(name.toLowerCase());
  }

  /** The part's bytes in UTF-8, or undefined when the package has no such part. */
  part(name: string): Buffer | undefined {
    const raw = this.raw(name);
    return raw === undefined ? undefined : utf8Part(raw);
  }

  /** The part's bytes as stored (inflated, their CRC checked), or undefined when the package has no such part. */
  raw(name: string): Uint8Array | undefined {
    const e = this.entry(name);
    if (!e) return undefined;
    const start = dataOffset(this.bytes, e);
    const data = this.bytes.subarray(start, start + e.compressedSize);
    // parts inflated by the guard had their CRC checked there
    const done = e.method === 8 ? this.inflated?.get(e.name) : undefined;
    if (done) return done;
    if (e.method !== 0 && e.method !== 8) throw new MalformedXml(`unsupported compression in ${name}`);
    // one output chunk of the declared size: no concatenation of 16 KB chunks
    const size = Math.min(Math.max(e.uncompressedSize, 1), MAX_PART_BYTES);
    const out = e.method === 0 ? data : inflateRawSync(data, { chunkSize: Math.max(size + 1, 64), maxOutputLength: size });
    if (crc32(out) !== e.crc32) throw new MalformedXml(`CRC mismatch in ${name}`);
    return out;
  }
}

export interface Relationship {
  readonly type: string;
  /** the part it points to, resolved against the source part's folder; undefined for external targets */
  readonly part: string | undefined;
}

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels" */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A target resolved against the folder of the part that names it ("worksheets/sheet1.xml", "/xl/x.xml", "../a"). */
export function resolvePart(source: string, target: string): string {
  const t = target.trim();
  const base = t.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') base.pop();
    else base.push(seg);
  }
  return base.join('/');
}

/** Id → relationship, from a .rels part (none when the part is missing). */
export function readRelationships(pkg: Package, source: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  const xml = pkg.part(relsPartOf(source));
  if (xml === undefined) return out;
  const x = new XmlCursor(xml);
  for (let t = x.next(); t !== Tag.End; t = x.next()) {
    if (t !== Tag.Open || !x.is('Relationship')) continue;
    const id = x.attribute('Id');
    const target = x.attribute('Target');
    if (id === undefined || target === undefined || out.has(id)) continue;
    const external = x.attribute('TargetMode') === 'External';
    out.set(id, { type: x.attribute('Type') ?? '', part: external ? undefined : resolvePart(source, target) });
  }
  x.checkEnd(relsPartOf(source));
  return out;
}
