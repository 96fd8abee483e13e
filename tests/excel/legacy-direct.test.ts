import fc from 'fast-check';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allServices, type Catalog } from '../../src/catalog/catalog.js';
import { readLegacyDirect, readLegacyWorkbook, type LegacyRead } from '../../src/excel/legacy-reader.js';
import { EMPTY, address, type CellView, type SheetView, type WorkbookView } from '../../src/excel/workbook-spec.js';
import { openWorkbook } from '../../src/excel/read-submission.js';
import { ROOT, SAMPLE } from '../helpers/workspace.js';
import { workspace } from './helpers.js';

/**
 * A legacy sheet's returns are built straight from its cells (`readLegacyDirect`), or, when a value is one the
 * schema finds a problem in, read as written and parsed by zod. The direct reading must give exactly what zod
 * gives: the same returns (values, key order, no −0) and the same diagnostics, for any sheet it takes.
 */

type Cells = Map<string, CellView>;

function sheetOf(name: string, cells: Cells, merged: Map<string, string>): SheetView {
  let rowCount = 0;
  let columnCount = 0;
  for (const k of cells.keys()) {
    const [r, c] = k.split(',').map(Number) as [number, number];
    rowCount = Math.max(rowCount, r);
    columnCount = Math.max(columnCount, c);
  }
  return {
    name,
    state: 'visible',
    rowCount,
    columnCount,
    cell: (r, c) => cells.get(`${r},${c}`) ?? EMPTY,
    filled: (r, c) => (cells.get(`${r},${c}`) ?? EMPTY).kind !== 'empty',
    plainNumber: (r, c) => {
      const v = cells.get(`${r},${c}`);
      return v?.kind === 'number' ? v.value : undefined;
    },
    mergedInto: (r, c) => merged.get(address(r, c)),
  };
}

const text = (t: string): CellView => ({ kind: 'text', text: t });
const num = (value: number): CellView => ({ kind: 'number', value });

/** the header of the seed's Phụ lục I: STT, name, connection, total, online, rate, on time, overdue, difficulties */
const HEADER: [number, number, string][] = [
  [1, 1, 'Phụ lục I'],
  [2, 1, 'THEO QUYẾT ĐỊNH SỐ 06/QĐ-TTg'],
  [4, 1, 'STT'],
  [4, 2, 'Dịch vụ công trực tuyến'],
  [4, 3, 'Kết nối với Cổng DVC quốc gia (đã kết nối, chưa kết nối)'],
  [4, 4, 'Tổng số hồ sơ (bao gồm cả trực tiếp và trực tuyến)'],
  [4, 7, 'Tình hình xử lý hồ sơ trực tuyến'],
  [4, 9, 'Khó khăn, vướng mắc'],
  [5, 4, 'Tổng hồ sơ'],
  [5, 5, 'Trực tuyến'],
  [5, 6, 'Tỷ lệ'],
  [5, 7, 'Đúng hạn'],
  [5, 8, 'Quá hạn'],
];

/** counts as the schema takes them, in cells and in texts */
const goodCount = fc.oneof(
  fc.nat({ max: 5_000_000 }).map(num),
  fc.constantFrom(num(0), num(-0), num(100.00000000000001), num(99.99999999999999), num(-0.0000000001), num(2 ** 53 - 1)),
  fc.nat({ max: 5_000_000 }).map((n) => text(String(n))),
  fc.nat({ max: 5_000_000 }).map((n) => text(n.toLocaleString('de-DE'))),
  fc.constantFrom(text('-'), text(' '), text('0'), text('3.182.603'), text(' 12 '), text('1 234'), text('007')),
  fc.constant(EMPTY),
);
/** values the schema finds a problem in, or cells that are not values at all */
const badCount = fc.constantFrom<CellView>(
  num(-3),
  num(12.5),
  num(1e21),
  num(2 ** 53),
  text('12,5'),
  text('abc'),
  text('1e3'),
  text('3.18.603'),
  text('-5'),
  { kind: 'date', iso: '2024-09-15' },
  { kind: 'boolean', value: true },
  { kind: 'error', text: '#N/A' },
  { kind: 'formula', formula: 'D8+D9', result: { kind: 'number', value: 41 } },
  { kind: 'formula', formula: 'D8+D9' },
);
const goodLabel = fc.oneof(
  fc.constantFrom('Đã kết nối', 'Chưa kết nối', 'đã kết nối ', 'DA KET NOI', 'Đã thực hiện', 'Chưa thực hiện'.normalize('NFD'), ' ', '').map(text),
  fc.constant(EMPTY),
);
const badLabel = fc.constantFrom<CellView>(text('đang kết nối'), text('x'), num(1));
const freeText = fc.oneof(
  fc.string({ maxLength: 12 }).map(text),
  fc.constantFrom('Hệ thống chậm', 'Hệ thống chậm'.normalize('NFD'), ' lề trái', 'dòng 1 \r\ndòng 2', 'a\u0000b', '\ud800x').map(text),
  fc.nat({ max: 999 }).map(num),
  fc.constant(EMPTY),
);
const rate = fc.oneof(
  fc.constantFrom('25,87%', '100%', '', '0,5 %', 'abc').map(text),
  fc.nat({ max: 10000 }).map((n) => ({ kind: 'number', value: n / 10000, numFmt: '0.00%' }) as CellView),
  fc.constant(EMPTY),
);

interface Row {
  readonly kind: 'service' | 'part' | 'unknown' | 'group' | 'total';
  readonly pick: number;
  readonly cells: readonly CellView[];
  readonly mergeDown: boolean;
}

/** `bad`: how likely a value is one the schema finds a problem in */
function rowOf(bad: number): fc.Arbitrary<Row> {
  const pick = <T>(good: fc.Arbitrary<T>, wrong: fc.Arbitrary<T>) => (bad === 0 ? good : fc.oneof({ weight: Math.round(100 * (1 - bad)), arbitrary: good }, { weight: Math.round(100 * bad), arbitrary: wrong }));
  const count = pick(goodCount, badCount);
  return fc.record({
    kind: fc.constantFrom<Row['kind']>('service', 'service', 'service', 'part', 'part', 'part', 'unknown', 'group', 'total'),
    pick: fc.nat(),
    // connection, total, online, rate, on time, overdue, difficulties
    cells: fc.tuple(pick(goodLabel, badLabel), count, count, rate, count, count, freeText),
    mergeDown: fc.nat({ max: 7 }).map((n) => n === 0),
  });
}

function workbookOf(catalog: Catalog, rows: readonly Row[]): WorkbookView {
  const services = allServices(catalog);
  const withParts = services.filter((s) => s.parts.length > 0);
  const cells: Cells = new Map();
  const merged = new Map<string, string>();
  for (const [r, c, t] of HEADER) cells.set(`${r},${c}`, text(t));
  let r = 6;
  let parent = services[0]!;
  for (const row of rows) {
    const set = (c: number, v: CellView) => (v.kind === 'empty' ? cells.delete(`${r},${c}`) : cells.set(`${r},${c}`, v));
    let figures = true;
    switch (row.kind) {
      case 'service':
        // mostly services with sub-rows, so that the sub-rows that follow have a row above them
        parent = row.pick % 3 === 0 ? services[row.pick % services.length]! : withParts[row.pick % withParts.length]!;
        set(1, text(parent.stt));
        set(2, text(row.pick % 7 === 0 ? parent.name.toUpperCase() : parent.name));
        break;
      case 'part':
        set(2, text(`- ${parent.parts.length ? parent.parts[row.pick % parent.parts.length]!.name : 'Không có'}`));
        break;
      case 'unknown':
        set(2, text(`Dịch vụ không có ${row.pick % 5}`));
        break;
      case 'group':
        set(1, text('II'));
        set(2, text('Nhóm dịch vụ khác'));
        figures = false;
        break;
      case 'total':
        set(2, text('Tổng cộng'));
        break;
    }
    if (figures) row.cells.forEach((v, i) => set(i + 3, v));
    // a status or a text merged down over the next row applies to it too
    if (row.mergeDown) {
      merged.set(address(r + 1, 3), address(r, 3));
      merged.set(address(r + 1, 9), address(r, 9));
    }
    r++;
  }
  return { sheets: [sheetOf('Phụ lục I', cells, merged)], definedNames: new Map(), date1904: false };
}

/** a read as compared: the returns with their key order (JSON) and values (−0 is not 0), without their locators */
function comparable(read: LegacyRead | null) {
  if (!read) return null;
  return {
    returns: read.submissions.map((s) => ({ file: s.file, format: s.format, json: JSON.stringify(s.submission), submission: s.submission })),
    services: [...read.services],
    fields: read.fields,
    diagnostics: read.diagnostics,
    rows: read.rows,
  };
}

describe('a legacy sheet read straight into its returns', () => {
  let catalog: Catalog;
  beforeAll(async () => {
    catalog = (await workspace(SAMPLE)).catalog;
  });

  it('gives what zod gives from the same values as written, for every sheet it takes', () => {
    let direct = 0;
    let declined = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(0, 0, 0.02, 0.2).chain((bad) => fc.array(rowOf(bad), { maxLength: 24 })),
        fc.constantFrom('2024-09', '9/2024', '2024-9'),
        (rows, month) => {
          const wb = workbookOf(catalog, rows);
          const asWritten = readLegacyWorkbook(wb, 'f.xlsx', catalog, month, { direct: false });
          const read = readLegacyDirect(wb, 'f.xlsx', catalog, month);
          if (read === undefined) {
            declined++;
            // declined only for a value zod finds a problem in
            expect(asWritten?.diagnostics.some((d) => d.severity === 'error')).toBe(true);
          } else {
            direct++;
            expect(comparable(read)).toStrictEqual(comparable(asWritten));
          }
          expect(comparable(readLegacyWorkbook(wb, 'f.xlsx', catalog, month))).toStrictEqual(comparable(asWritten));
        },
      ),
      { numRuns: 400 },
    );
    // both ways are exercised: most sheets are read directly, and some have values only zod can word
    expect(direct).toBeGreaterThan(150);
    expect(declined).toBeGreaterThan(20);
  });

  it('leaves to zod a catalog made in code whose ids the schema does not take', () => {
    const rows: Row[] = [{ kind: 'service', pick: 1, cells: [EMPTY, num(12), num(3), EMPTY, num(3), EMPTY, EMPTY], mergeDown: false }];
    for (const change of ['id', 'owner'] as const) {
      const odd = structuredClone(catalog);
      const wb = workbookOf(odd, rows);
      const service = allServices(odd).find((s) => (wb.sheets[0]!.cell(6, 2) as { text: string }).text === s.name)!;
      (service as { -readonly [k in typeof change]: string })[change] = change === 'id' ? 'QD06-Lạ' : 'Sở Lạ';
      expect(readLegacyDirect(wb, 'f.xlsx', odd, '2024-09')).toBeUndefined();
      const read = readLegacyWorkbook(wb, 'f.xlsx', odd, '2024-09');
      expect(read?.submissions).toEqual([]);
      expect(read?.diagnostics.map((d) => d.code)).toContain('BC113');
    }
  });

  it('takes ids that name what every object has ("constructor", "tostring")', () => {
    const odd = structuredClone(catalog);
    const withParts = allServices(odd).find((s) => s.parts.length > 1)!;
    (withParts as { id: string }).id = 'constructor';
    (withParts.parts[0] as { id: string }).id = 'tostring';
    (withParts.parts[1] as { id: string }).id = 'valueof';
    const figures = [EMPTY, num(12), num(3), EMPTY, num(3), EMPTY, EMPTY];
    // the pick that workbookOf turns into this service: its place among the services with sub-rows, not a multiple of 3
    const all = allServices(odd).filter((s) => s.parts.length > 0);
    const pick = [0, 1, 2].map((k) => all.indexOf(withParts) + k * all.length).find((p) => p % 3 !== 0)!;
    const rows: Row[] = [
      { kind: 'service', pick, cells: figures, mergeDown: false },
      { kind: 'part', pick: 0, cells: figures, mergeDown: false },
      { kind: 'part', pick: 1, cells: figures, mergeDown: false },
    ];
    const wb = workbookOf(odd, rows);
    const read = readLegacyDirect(wb, 'f.xlsx', odd, '2024-09');
    expect(read?.submissions[0]?.submission.services?.constructor).toEqual({ total: 12, online: 3, onTime: 3, parts: { tostring: { total: 12, online: 3, onTime: 3 }, valueof: { total: 12, online: 3, onTime: 3 } } });
    // (toStrictEqual compares objects' "constructor", which is here a key of the return)
    expect(comparable(read!)).toEqual(comparable(readLegacyWorkbook(wb, 'f.xlsx', odd, '2024-09', { direct: false })));
  });

  it('matches the sub-rows of a service with few or many of them (a list looked through, or a map)', () => {
    for (const count of [3, 16, 17, 30]) {
      const odd = structuredClone(catalog);
      const withParts = allServices(odd).find((s) => s.parts.length > 0)!;
      // two sub-rows named alike: the first of them is the one a row goes to
      const names = Array.from({ length: count }, (_, i) => (i === count - 1 ? 'Dòng 0' : `Dòng ${i}`));
      (withParts as { parts: unknown }).parts = names.map((name, i) => ({ id: `${withParts.id}-p${i}`, name }));
      const all = allServices(odd).filter((s) => s.parts.length > 0);
      const pick = [0, 1, 2].map((k) => all.indexOf(withParts) + k * all.length).find((p) => p % 3 !== 0)!;
      const figures = [EMPTY, num(5), num(1), EMPTY, EMPTY, EMPTY, EMPTY];
      const rows: Row[] = [{ kind: 'service', pick, cells: figures, mergeDown: false }];
      for (const i of [count - 2, 0]) rows.push({ kind: 'part', pick: i, cells: figures, mergeDown: false });
      const read = readLegacyDirect(workbookOf(odd, rows), 'f.xlsx', odd, '2024-09')!;
      const parts = read.submissions[0]!.submission.services![withParts.id]!.parts!;
      expect(Object.keys(parts)).toEqual([`${withParts.id}-p${count - 2}`, `${withParts.id}-p0`]);
      // the last sub-row's name is the first's: rows of that name go to the first
      const again = readLegacyDirect(workbookOf(odd, [rows[0]!, { kind: 'part', pick: count - 1, cells: figures, mergeDown: false }]), 'f.xlsx', odd, '2024-09')!;
      expect(Object.keys(again.submissions[0]!.submission.services![withParts.id]!.parts!)).toEqual([`${withParts.id}-p0`]);
    }
  });

  it('names the first row of a service or a sub-row given twice, and locates a sub-row\'s problems at its cells', () => {
    const withParts = allServices(catalog).filter((s) => s.parts.length > 1);
    const pick = [0, 1, 2].find((p) => p % 3 !== 0)!;
    const parent = withParts[pick % withParts.length]!;
    const figures = [EMPTY, num(5), num(1), EMPTY, EMPTY, EMPTY, EMPTY];
    const rows: Row[] = [
      { kind: 'service', pick, cells: figures, mergeDown: false }, // row 6
      { kind: 'part', pick: 0, cells: figures, mergeDown: false }, // row 7
      { kind: 'part', pick: 1, cells: figures, mergeDown: false }, // row 8
      { kind: 'part', pick: 0, cells: figures, mergeDown: false }, // row 9: the sub-row of row 7 again
      { kind: 'service', pick, cells: figures, mergeDown: false }, // row 10: the service of row 6 again
    ];
    for (const direct of [true, false]) {
      const read = readLegacyWorkbook(workbookOf(catalog, rows), 'f.xlsx', catalog, '2024-09', { direct })!;
      expect(read.diagnostics.map((d) => [d.code, d.cell, /đã có ở ô (.+)$/.exec(d.message)?.[1]])).toEqual([
        ['BC434', 'B9', 'Phụ lục I › B7'],
        ['BC434', 'B10', 'Phụ lục I › B6'],
      ]);
      const locator = read.submissions[0]!.locator;
      expect(locator.at(['services', parent.id, 'parts', parent.parts[1]!.id, 'online'])).toEqual({ sheet: 'Phụ lục I', cell: 'E8' });
      expect(locator.at(['services', parent.id, 'parts', parent.parts[0]!.id])).toEqual({ sheet: 'Phụ lục I', cell: 'B7' });
      expect(locator.at(['services', parent.id, 'parts', 'khong-co', 'total'])).toEqual({ sheet: 'Phụ lục I', cell: 'B6' });
      expect(locator.at(['services', parent.id, 'total'])).toEqual({ sheet: 'Phụ lục I', cell: 'D6' });
    }
  });

  it('for the seed figures: the legacy fixture is read straight into its returns', async () => {
    const name = 'legacy-phu-luc-1.xlsx';
    const opened = await openWorkbook(resolve(ROOT, 'fixtures/excel', name), name);
    if (!opened.ok) throw new Error(JSON.stringify(opened.diagnostics));
    const read = readLegacyDirect(opened.workbook, name, catalog, '2024-09');
    expect(read?.submissions.length).toBeGreaterThan(5);
    expect(comparable(read!)).toStrictEqual(comparable(readLegacyWorkbook(opened.workbook, name, catalog, '2024-09', { direct: false })));
  });
});
