import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CACHE_FROM_BYTES, ENTRY_ENCODING, cacheSlot, useDataCache, type ByteCache } from '../../src/workspace/data-cache.js';
import { CODES } from '../../src/diagnostics/codes.js';
import { nameKey, nameKeys } from '../../src/excel/name-match.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { lineOf, SAMPLE, tempWorkspace } from '../helpers/workspace.js';

/** A store in memory that counts what it is asked. */
function memoryStore(): ByteCache & { entries: Map<string, Uint8Array>; reads: number; writes: number } {
  const entries = new Map<string, Uint8Array>();
  const store = {
    entries,
    reads: 0,
    writes: 0,
    read(name: string) {
      store.reads++;
      return entries.get(name);
    },
    write(name: string, data: Uint8Array) {
      store.writes++;
      entries.set(name, data);
    },
  };
  return store;
}

/** the sample's Phụ lục I with services appended until the file is past the size the cache starts at */
function largeServices(owner = 'so-tu-phap'): string {
  const lines = [SAMPLE_QD06.trimEnd()];
  for (let i = 1; lines.join('\n').length < CACHE_FROM_BYTES * 1.2; i++) {
    const id = `them-${String(i).padStart(4, '0')}`;
    lines.push(`  - id: ${id}`, `    stt: "${25 + i}."`, `    name: Dịch vụ thêm số ${i} để thử bộ nhớ đệm`, `    owner: ${i === 700 ? owner : 'so-tu-phap'}`);
  }
  return lines.join('\n') + '\n';
}
const SAMPLE_QD06 = readFileSync(join(SAMPLE, 'catalog', 'services-qd06.yaml'), 'utf8');

afterEach(() => useDataCache(undefined));

describe('cacheSlot', () => {
  const big = Buffer.alloc(CACHE_FROM_BYTES, 'a');

  it('keeps nothing for a small file and asks the store nothing', () => {
    const store = memoryStore();
    useDataCache(store);
    const slot = cacheSlot('catalog-qd06', Buffer.from('id: qd06\n'));
    slot.keep({ id: 'qd06' });
    expect(slot.hit).toBeUndefined();
    expect(store.reads + store.writes).toBe(0);
  });

  it('gives back for the same bytes what was kept, and nothing for other bytes or another role', () => {
    const store = memoryStore();
    useDataCache(store);
    const value = { id: 'qd06', services: [{ id: 'a', parts: [], name: 'Đăng ký', n: 3, none: null }] };
    const first = cacheSlot('catalog-qd06', big);
    expect(first.hit).toBeUndefined();
    first.keep(value);
    expect([...store.entries.keys()]).toEqual([expect.stringMatching(/^catalog-qd06\.[0-9a-f]{32}$/)]);
    expect(cacheSlot('catalog-qd06', big).hit).toEqual(value);
    const other = Buffer.from(big);
    other[100] = 0x62;
    expect(cacheSlot('catalog-qd06', other).hit).toBeUndefined();
    expect(cacheSlot('catalog-qd422', big).hit).toBeUndefined();
  });

  it('does not keep a value that JSON would change', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    for (const value of [{ when: new Date(0) }, { list: [undefined] }, { n: Number.NaN }, { n: -0 }, Object.assign(Object.create(null), { a: '1' }), cycle, { big: 1n }]) {
      const store = memoryStore();
      useDataCache(store);
      cacheSlot('catalog-qd06', big).keep(value);
      expect(store.writes).toBe(0);
    }
  });

  it('takes a damaged entry for a missing one', () => {
    const store = memoryStore();
    useDataCache(store);
    cacheSlot('catalog-qd06', big).keep({ id: 'qd06' });
    const [name] = [...store.entries.keys()];
    for (const bad of ['{"value":', '', 'null', '\u0000\u0001']) {
      store.entries.set(name!, Buffer.from(bad, ENTRY_ENCODING));
      expect(cacheSlot('catalog-qd06', big).hit).toBeUndefined();
    }
    // the same bytes made whole are read: the entries above were refused for what they say, not for their encoding
    store.entries.set(name!, Buffer.from('{"value":{"id":"qd06"}}', ENTRY_ENCODING));
    expect(cacheSlot('catalog-qd06', big).hit).toEqual({ id: 'qd06' });
  });
});

describe('loadWorkspace with the data cache', () => {
  it('reads a large catalog file from the cache the second time, with the same catalog', async () => {
    const ws = tempWorkspace(SAMPLE);
    try {
      ws.write('catalog/services-qd06.yaml', largeServices());
      const fresh = await loadWorkspace(ws.dir, 'data');
      const store = memoryStore();
      useDataCache(store);
      const first = await loadWorkspace(ws.dir, 'data');
      expect(store.writes).toBe(2); // only the large file, and the clean check across the files
      const second = await loadWorkspace(ws.dir, 'data');
      expect(store.writes).toBe(2);
      expect(second.diagnostics).toEqual([]);
      expect(first.workspace!.catalog).toEqual(fresh.workspace!.catalog);
      expect(second.workspace!.catalog).toEqual(fresh.workspace!.catalog);
      // an edit is a new key: the new text is read
      ws.replace('catalog/services-qd06.yaml', 'Dịch vụ thêm số 5 ', 'Dịch vụ đã sửa số 5 ');
      const edited = await loadWorkspace(ws.dir, 'data');
      expect(store.writes).toBe(4);
      expect(edited.workspace!.catalog.qd06.groups.flatMap((g) => g.services).some((s) => s.name.startsWith('Dịch vụ đã sửa số 5 '))).toBe(true);
    } finally {
      ws.dispose();
    }
  });

  it('locates a problem found in a cached file at the same line as without the cache', async () => {
    const ws = tempWorkspace(SAMPLE);
    try {
      const text = largeServices('so-khong-co');
      ws.write('catalog/services-qd06.yaml', text);
      const plain = await loadWorkspace(ws.dir, 'data');
      expect(plain.diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([[expect.any(String), 'data/catalog/services-qd06.yaml', lineOf(text, 'owner: so-khong-co')]]);
      const store = memoryStore();
      useDataCache(store);
      expect((await loadWorkspace(ws.dir, 'data')).diagnostics).toEqual(plain.diagnostics);
      expect(store.writes).toBe(1); // the file itself is sound: the unknown owner is a check across files
      const cached = await loadWorkspace(ws.dir, 'data');
      expect(store.writes).toBe(1);
      expect(cached.diagnostics).toEqual(plain.diagnostics);
    } finally {
      ws.dispose();
    }
  });

  it('checks the files against each other again when any of them or the secretariat changes', async () => {
    const ws = tempWorkspace(SAMPLE);
    try {
      ws.write('catalog/services-qd06.yaml', largeServices());
      const store = memoryStore();
      useDataCache(store);
      expect((await loadWorkspace(ws.dir, 'data')).diagnostics).toEqual([]);
      expect(store.writes).toBe(2);
      expect([...store.entries.keys()].filter((k) => k.startsWith('catalog-check.'))).toHaveLength(1);
      // a small file the large one depends on: its services' owner is gone
      const departments = ws.read('catalog/departments.yaml');
      ws.replace('catalog/departments.yaml', '- id: so-tu-phap', '- id: so-tu-phap-cu');
      const owner = await loadWorkspace(ws.dir, 'data');
      expect(owner.diagnostics.map((d) => [d.code, d.file])).toContainEqual([CODES.catalogUnknownOwner, 'data/catalog/services-qd06.yaml']);
      ws.write('catalog/departments.yaml', departments);
      expect((await loadWorkspace(ws.dir, 'data')).diagnostics).toEqual([]);
      // the secretariat is not a department
      ws.replace('report.yaml', 'secretariat: van-phong-ubnd', 'secretariat: van-phong-khac');
      const secretariat = await loadWorkspace(ws.dir, 'data');
      expect(secretariat.diagnostics.map((d) => [d.code, d.file])).toEqual([[CODES.catalogUnknownOwner, 'data/report.yaml']]);
      expect(store.writes).toBe(2); // findings are never kept
    } finally {
      ws.dispose();
    }
  });

  it('never keeps a file with a problem of its own', async () => {
    const ws = tempWorkspace(SAMPLE);
    try {
      ws.write('catalog/services-qd06.yaml', largeServices().replace('stt: "30."', 'stt: "30."\n    colour: red'));
      const store = memoryStore();
      useDataCache(store);
      for (let i = 0; i < 2; i++) {
        const r = await loadWorkspace(ws.dir, 'data');
        expect(r.diagnostics.map((d) => d.code)).toEqual([CODES.schemaUnknownKey]);
      }
      expect(store.writes).toBe(0);
    } finally {
      ws.dispose();
    }
  });
});

describe('nameKeys', () => {
  /** names in the spellings officers type: tone marks placed either way, NFD, capitals, punctuation */
  const names = (n: number) =>
    Array.from({ length: n }, (_, i) => {
      const tone = i % 2 ? 'Thanh Hóa' : 'Thanh Hoá';
      const name = `Đăng ký khai sinh, khai tử số ${i} – ${tone} (thủy lợi)`;
      return i % 3 === 0 ? name.normalize('NFD').toUpperCase() : name;
    });

  it('keys a long list once, then reads the same keys back', () => {
    const list = names(5000);
    expect(Buffer.byteLength(JSON.stringify(list))).toBeGreaterThan(CACHE_FROM_BYTES);
    const expected = list.map(nameKey);
    const store = memoryStore();
    useDataCache(store);
    expect(nameKeys(list)).toEqual(expected);
    expect(store.writes).toBe(1);
    expect(nameKeys(list)).toEqual(expected);
    expect(store.writes).toBe(1);
    expect(store.reads).toBe(2);
    // another list is another entry
    const other = [...list.slice(1), 'Cấp phép xây dựng'];
    expect(nameKeys(other)).toEqual(other.map(nameKey));
    expect(store.writes).toBe(2);
  });

  it('takes an entry that is not one key per name as missing', () => {
    const list = names(5000);
    const store = memoryStore();
    useDataCache(store);
    nameKeys(list);
    const [entry] = store.entries.keys();
    for (const bad of [{ value: list.slice(1).map(nameKey) }, { value: list.map(() => 7) }, { value: 'x' }]) {
      store.entries.set(entry!, Buffer.from(JSON.stringify(bad), ENTRY_ENCODING));
      expect(nameKeys(list)).toEqual(list.map(nameKey));
    }
  });

  it('keys a short list without the cache', () => {
    const store = memoryStore();
    useDataCache(store);
    const list = names(20);
    expect(nameKeys(list)).toEqual(list.map(nameKey));
    expect(store.reads + store.writes).toBe(0);
  });
});
