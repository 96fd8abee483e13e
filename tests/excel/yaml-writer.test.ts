import fc from 'fast-check';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allModels, allServices, type Catalog } from '../../src/catalog/catalog.js';
import { readLegacyWorkbook } from '../../src/excel/legacy-reader.js';
import { openWorkbook, readSubmissionWorkbook } from '../../src/excel/read-submission.js';
import { emitNewSubmissionYaml, newSubmissionYamlBytes, unchangedWithin, writeSubmissionYaml, type FigureField, type Scope } from '../../src/excel/yaml-writer.js';
import { readYaml } from '../../src/readers/yaml.js';
import type { Submission } from '../../src/schema/submission.js';
import { BUNDLED_LABELS, SubmissionFile } from '../helpers/definition.js';
import type { Workspace } from '../../src/workspace/load.js';
import { readMonth } from '../../src/workspace/month.js';
import { MINI, ROOT, SAMPLE } from '../helpers/workspace.js';
import { workspace } from './helpers.js';

/**
 * A new department file is written as text (`emitNewSubmissionYaml`), not through a yaml Document: it must be the
 * Document path's text byte for byte, whatever the return holds. Each case below is written both ways and
 * compared: the sample month, the fixtures' imports, and generated returns full of texts YAML finds awkward.
 */

const FIGURES: readonly FigureField[] = ['connection', 'total', 'online', 'onTime', 'overdue', 'difficulties'];
const ALL: Scope = { kind: 'all' };

/** the direct writing took the return (not null) and wrote what the Document path writes */
function expectSame(sub: Submission, catalog: Catalog, scope: Scope, source?: string): string {
  const reference = writeSubmissionYaml(sub, catalog, scope, { existing: null, source }, { via: 'document' });
  expect(emitNewSubmissionYaml(sub, catalog, scope, source)).toBe(reference);
  expect(writeSubmissionYaml(sub, catalog, scope, { existing: null, source })).toBe(reference);
  // the bytes the import writes, made without the text (compared as buffers: toEqual walks them byte by byte)
  const bytes = newSubmissionYamlBytes(sub, catalog, scope, source);
  expect(bytes && Buffer.compare(bytes, Buffer.from(reference, 'utf8'))).toBe(0);
  return reference;
}

/** a legacy sheet's scope over every service row of the return */
function servicesScope(sub: Submission, fields?: readonly FigureField[]): Scope {
  return { kind: 'services', ids: Object.keys(sub.services ?? {}), ...(fields ? { fields } : {}) };
}

describe('a new file written directly is the Document path text', () => {
  let sample: Workspace;
  beforeAll(async () => {
    sample = await workspace();
  }, 60_000);

  it('for every department of the sample month and of the mini workspace, in both scopes', async () => {
    for (const dir of [SAMPLE, MINI]) {
      const ws = await workspace(dir);
      const month = await readMonth(ws, '2024-09');
      expect(month.submissions.length).toBe(dir === SAMPLE ? 18 : 3);
      for (const { submission: sub } of month.submissions) {
        const text = expectSame(sub, ws.catalog, ALL, `${sub.department}.xlsx`);
        expectSame(sub, ws.catalog, ALL);
        expectSame(sub, ws.catalog, servicesScope(sub), 'phu-luc-1.xlsx');
        expectSame(sub, ws.catalog, servicesScope(sub, ['total', 'online']), 'phu-luc-1.xlsx');
        // and the text reads back as the return: it is YAML the project's reader takes
        expect(readYaml('f.yaml', text).diagnostics).toEqual([]);
      }
    }
  });

  it('for the returns the fixtures import: a version 1 form, a legacy Phụ lục I sheet', async () => {
    const form = await readSubmissionWorkbook(resolve(ROOT, 'fixtures/excel/form-v1-so-tu-phap-2024-09.xlsx'), 'form.xlsx', sample.catalog);
    expectSame(form.submission!.submission, sample.catalog, ALL, 'form-v1-so-tu-phap-2024-09.xlsx');

    const opened = await openWorkbook(resolve(ROOT, 'fixtures/excel/legacy-phu-luc-1.xlsx'), 'legacy-phu-luc-1.xlsx');
    if (!opened.ok) throw new Error(JSON.stringify(opened.diagnostics));
    const legacy = readLegacyWorkbook(opened.workbook, 'legacy-phu-luc-1.xlsx', sample.catalog, '2024-09')!;
    expect(legacy.submissions.length).toBeGreaterThan(5);
    for (const s of legacy.submissions) {
      const scope: Scope = { kind: 'services', ids: legacy.services.get(s.submission.department) ?? [], fields: legacy.fields };
      expectSame(s.submission, sample.catalog, scope, 'legacy-phu-luc-1.xlsx');
    }
  });

  it('for generated returns with awkward texts, counts, keys and scopes', () => {
    fc.assert(
      fc.property(returnOf(sample.catalog), scopeOf(sample.catalog), fc.option(SOURCE, { nil: undefined }), (sub, scope, source) => {
        expectSame(sub, sample.catalog, scope, source);
      }),
      { numRuns: 400 },
    );
  });

  it('for a return longer than the writing buffer starts with', () => {
    const ids = allServices(sample.catalog).map((s) => s.id);
    const long = 'Văn bản dài '.repeat(3000);
    const sub: Submission = {
      department: 'so-tu-phap',
      month: '2024-09',
      services: Object.fromEntries(ids.map((id, i) => [id, { connection: 'connected', total: i * 1000, online: i, difficulties: i % 2 ? long : `${long}\n${long}` }])),
    };
    expect(expectSame(sub, sample.catalog, ALL, 'x.xlsx').length).toBeGreaterThan(200_000);
  });

  it('writes a text holding a lone surrogate escaped, in the bytes as in the text', () => {
    // zod's Text removes them; one that got here would still be written as the Document path writes it
    for (const t of ['a\ud800b', 'a\udc00', 'x\n\ud800']) {
      const sub: Submission = { department: 'so-tu-phap', month: '2024-09', services: { [allServices(sample.catalog)[0]!.id]: { total: 1, difficulties: t } } };
      expect(expectSame(sub, sample.catalog, ALL, 'x.xlsx')).toContain('\\ud');
    }
  });

  it('sends a return whose keys are not ids to the Document path', () => {
    for (const key of ['Có dấu', 'a b', '-x', 'Z', '', 'x'.repeat(1100), 'a: b']) {
      const subs: Submission[] = [
        { department: 'so-tu-phap', month: '2024-09', services: { [key]: { total: 1 } } },
        { department: 'so-tu-phap', month: '2024-09', footnotes: { [key]: 'chú thích' } },
        { department: 'so-tu-phap', month: '2024-09', sections: { [key]: ['đoạn'] } },
        { department: 'so-tu-phap', month: '2024-09', indicators: { x: { parts: { [key]: 5 } } } },
      ];
      for (const sub of subs) {
        expect(emitNewSubmissionYaml(sub, sample.catalog, ALL)).toBeNull();
        expect(newSubmissionYamlBytes(sub, sample.catalog, ALL)).toBeNull();
        expect(writeSubmissionYaml(sub, sample.catalog, ALL, { existing: null })).toBe(writeSubmissionYaml(sub, sample.catalog, ALL, { existing: null }, { via: 'document' }));
      }
    }
  });
});

describe('a file a sheet leaves as it is is known from its return, without a yaml Document', () => {
  let sample: Workspace;
  beforeAll(async () => {
    sample = await workspace();
  }, 60_000);

  /** the file's return as the workspace reads it; undefined when the text is not a valid return */
  function asRead(text: string): Submission | undefined {
    const read = readYaml('f.yaml', text);
    if (read.diagnostics.length) return undefined;
    const r = SubmissionFile.safeParse(read.value);
    return r.success ? r.data : undefined;
  }

  /** `unchangedWithin` never says "as it is" of a file the Document path would change */
  function expectHonest(was: Submission, text: string, sub: Submission, scope: Extract<Scope, { kind: 'services' }>): boolean {
    const unchanged = unchangedWithin(was, sub, scope);
    if (unchanged) expect(writeSubmissionYaml(sub, sample.catalog, scope, { existing: text })).toBe(text);
    return unchanged;
  }

  it('for a sheet imported again, and for the same sheet with one value changed', async () => {
    const opened = await openWorkbook(resolve(ROOT, 'fixtures/excel/legacy-phu-luc-1.xlsx'), 'legacy-phu-luc-1.xlsx');
    if (!opened.ok) throw new Error(JSON.stringify(opened.diagnostics));
    const legacy = readLegacyWorkbook(opened.workbook, 'legacy-phu-luc-1.xlsx', sample.catalog, '2024-09')!;
    let changed = 0;
    for (const s of legacy.submissions) {
      const sub = s.submission;
      const scope = { kind: 'services' as const, ids: legacy.services.get(sub.department) ?? [], fields: legacy.fields };
      const text = writeSubmissionYaml(sub, sample.catalog, scope, { existing: null, source: 'legacy-phu-luc-1.xlsx' });
      const was = asRead(text)!;
      expect(expectHonest(was, text, sub, scope)).toBe(true);
      // one count more in one row: the file changes, and this is seen without the Document
      const found = Object.entries(sub.services ?? {}).find(([, r]) => typeof r.total === 'number');
      if (!found) continue;
      const [id, row] = found;
      const more: Submission = { ...sub, services: { ...sub.services, [id]: { ...row, total: (row.total as number) + 1 } } };
      expect(unchangedWithin(was, more, scope)).toBe(false);
      expect(writeSubmissionYaml(more, sample.catalog, scope, { existing: text })).not.toBe(text);
      changed++;
    }
    expect(changed).toBeGreaterThan(3);
  });

  it('for generated files and rows: never "as it is" where the Document path writes something else', () => {
    let unchanged = 0;
    let runs = 0;
    fc.assert(
      fc.property(returnOf(sample.catalog), returnOf(sample.catalog), scopeOf(sample.catalog), fc.nat({ max: 2 }), (a, b, anyScope, how) => {
        const scope: Extract<Scope, { kind: 'services' }> = anyScope.kind === 'services' ? anyScope : servicesScope(a) as Extract<Scope, { kind: 'services' }>;
        const text = writeSubmissionYaml(a, sample.catalog, ALL, { existing: null, source: 'x.xlsx' });
        const was = asRead(text);
        if (!was) return;
        runs++;
        // the rows as the file has them, another return's rows, or the file's rows with another return's in part
        const sub: Submission =
          how === 0 ? was : how === 1 ? { ...b, department: was.department, month: was.month } : { ...was, services: { ...was.services, ...Object.fromEntries(Object.entries(b.services ?? {}).slice(0, 1)) } };
        if (expectHonest(was, text, sub, scope) && how === 0) unchanged++;
      }),
      { numRuns: 600 },
    );
    // the property says something: files read back whole are found as they are (about 110 cases of 600 make a valid
    // file, a third of those are judged as they are; the bounds sit far below, so that chance never fails them)
    expect(runs).toBeGreaterThan(50);
    expect(unchanged).toBeGreaterThan(runs / 20);
  });

  it('for one change to the rows of a file: a sub-row dropped or added, a value changed, blanked or dropped', () => {
    const service = allServices(sample.catalog).find((x) => x.parts.length >= 2)!;
    const [p1, p2] = service.parts;
    const base: Submission = {
      department: 'so-tu-phap',
      month: '2024-09',
      services: { [service.id]: { connection: 'connected', total: 10, online: 4, parts: { [p1!.id]: { total: 6, online: 3 }, [p2!.id]: { total: 4, online: 1 } } } },
    };
    const text = writeSubmissionYaml(base, sample.catalog, ALL, { existing: null, source: 'x.xlsx' });
    const was = asRead(text)!;
    const scope = servicesScope(was) as Extract<Scope, { kind: 'services' }>;
    const row = was.services![service.id]!;
    const changes: [string, Submission['services']][] = [
      ['sub-rows dropped', { [service.id]: { ...row, parts: undefined } }],
      ['a sub-row dropped', { [service.id]: { ...row, parts: { [p1!.id]: row.parts![p1!.id]! } } }],
      ['a sub-row added', { [service.id]: { ...row, parts: { ...row.parts, 'khac-1': { total: 1 } } } }],
      ['a value changed', { [service.id]: { ...row, online: 5 } }],
      ['a value blanked', { [service.id]: { ...row, online: null } }],
      ['a value dropped', { [service.id]: { ...row, online: undefined } }],
      ['a sub-row value changed', { [service.id]: { ...row, parts: { ...row.parts, [p2!.id]: { total: 4, online: 2 } } } }],
      ['a label changed', { [service.id]: { ...row, connection: 'not-connected' } }],
    ];
    expect(unchangedWithin(was, was, scope)).toBe(true);
    for (const [what, services] of changes) {
      const sub = { ...was, services };
      expect(unchangedWithin(was, sub, scope), what).toBe(false);
      expect(writeSubmissionYaml(sub, sample.catalog, scope, { existing: text }), what).not.toBe(text);
    }
    // a field the sheet has no column for is not looked at
    const narrow = { ...scope, fields: ['total'] as FigureField[] };
    expect(unchangedWithin(was, { ...was, services: { [service.id]: { ...row, online: 5 } } }, narrow)).toBe(true);
    expect(writeSubmissionYaml({ ...was, services: { [service.id]: { ...row, online: 5 } } }, sample.catalog, narrow, { existing: text })).toBe(text);
  });

  it('leaves a value written blank, or one that reads as blank only once cleaned, to the Document path', () => {
    const id = allServices(sample.catalog)[0]!.id;
    for (const [line, field] of [['total:', 'total'], ['difficulties: "\\u0001"', 'difficulties']] as const) {
      const text = `department: so-tu-phap\nmonth: 2024-09\nservices:\n  ${id}:\n    online: 3\n    ${line}\n`;
      const was = asRead(text)!;
      expect(was.services![id]![field] === null || was.services![id]![field] === '').toBe(true);
      const sub = { ...was, services: { [id]: { online: 3, [field]: field === 'total' ? null : '' } } } as Submission;
      const scope: Extract<Scope, { kind: 'services' }> = { kind: 'services', ids: [id] };
      expect(unchangedWithin(was, sub, scope)).toBe(false);
      // (the Document path keeps the blank total, and rewrites the text that reads as blank)
      expect(writeSubmissionYaml(sub, sample.catalog, scope, { existing: text }) === text).toBe(field === 'total');
    }
  });
});

// ------------------------------------------------------------------ generators

/** pieces of text that YAML (or its readers) take for something else, and ordinary Vietnamese */
const PIECES = [
  '-', '- ', '-x', '+ ', '?', '? ', ':', ': ', 'a:b', ':x', '#', ' #', 'a#b', '# x', '"', "'", '""', "''", '`', '|', '>', '!', '&', '*', '%', '@',
  ',', '[', ']', '{', '}', '~', 'true', 'false', 'null', 'Null', 'yes', 'No', 'ON', 'off', 'y', '.inf', '0x1F', '1e3', '-5', '007', '0', '229.046',
  '12,5', '15/9/2024', '2024-09', '\n', '\n\n', ' \n', '\n ', '\n  x', ' ', '  ', '\t', '\r', '\r\n', '\u2028', '\u2029', '\u0085', '\u00a0',
  '\ufeff', '\u0000', '\u0001', '\u001b', '\u007f', '\u0090', '\ud800', '\udfff', '😀', '---', '...', '%YAML 1.1', '&a', '*a', '!!str', '…', '–',
  '(1)', '/', '=', '_', ';', 'Đã kết nối', 'Thanh Hóa', 'Hoá'.normalize('NFD'), 'thủy', 'a', 'B', '1', 'x'.repeat(300), 'dài '.repeat(200),
];
const SENTENCES = [
  'Hệ thống chưa kết nối, chia sẻ dữ liệu với Cổng Dịch vụ công quốc gia.',
  'Người dân còn thói quen nộp hồ sơ trực tiếp tại Bộ phận Một cửa.',
  'Đang triển khai theo kế hoạch',
  'Tiếp tục triển khai (giai đoạn 2) – 100% xã; 15/9/2024',
  'Kinh phí: 1.200 triệu đồng',
  "Trích dẫn \"Đề án 06\" và 'QĐ 422'",
  'Công an tỉnh: đã cấp 229.046 thẻ\n* Sở Tư pháp: …\n',
];
const awkward = fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((p) => p.join(''));
const text = fc.oneof(
  { weight: 4, arbitrary: awkward },
  { weight: 3, arbitrary: fc.constantFrom(...SENTENCES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('a', 'ă', ' ', ':', '#', '-', '\n', '"', "'", '\t', '\u0301'), maxLength: 12 }) },
);
const optional = <T>(a: fc.Arbitrary<T>) => fc.oneof(a, fc.constant(null), fc.constant(undefined), fc.constant('' as unknown as T));
const count = fc.oneof(
  { weight: 6, arbitrary: fc.nat({ max: 5000 }) },
  { weight: 2, arbitrary: fc.maxSafeNat() },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, -5, 12.5, 2 ** 53, 1e21, NaN, Infinity, Number.MAX_SAFE_INTEGER, 999, 1000, 999_999, 1_000_000) },
  { weight: 1, arbitrary: fc.double() },
);
const date = fc.oneof(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), awkward);
const connection = fc.constantFrom(...Object.keys(BUNDLED_LABELS.connection));
const progress = fc.constantFrom(...Object.keys(BUNDLED_LABELS.progress));
/** ids: some of the catalog's (so that catalog order matters), others not in it, some that read as integers */
const idOf = (known: readonly string[]) => fc.oneof(fc.constantFrom(...known), fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,10}$/), fc.constantFrom('7', '123', '0', '10'));
const dict = <T>(keys: fc.Arbitrary<string>, values: fc.Arbitrary<T>, maxKeys = 6) => fc.dictionary(keys, values, { maxKeys, noNullPrototype: true });

function figuresOf() {
  return fc.record(
    { connection: optional(connection), total: optional(count), online: optional(count), onTime: optional(count), overdue: optional(count), difficulties: optional(text) },
    { requiredKeys: [] },
  );
}

/** a small slice of the catalog, so that generated ids and scopes meet */
function pools(catalog: Catalog) {
  const services = allServices(catalog);
  const withParts = services.filter((s) => s.parts.length).slice(0, 3);
  return {
    services: [...services.slice(0, 6), ...withParts].map((s) => s.id),
    parts: withParts.flatMap((s) => s.parts.map((p) => p.id)),
    indicators: catalog.indicators.slice(0, 6).map((i) => i.id),
    models: allModels(catalog).slice(0, 5).map((m) => m.id),
    sections: catalog.sections.slice(0, 5).map((s) => s.id),
  };
}

function returnOf(catalog: Catalog): fc.Arbitrary<Submission> {
  const p = pools(catalog);
  const service = fc.record({ figures: figuresOf(), parts: fc.option(dict(idOf(p.parts), figuresOf()), { nil: undefined }) }).map(
    ({ figures, parts }) => ({ ...figures, ...(parts ? { parts } : {}) }),
  );
  const indicator = fc.record(
    { value: optional(count), total: optional(count), asOf: optional(date), from: optional(date), parts: dict(idOf(['age-0-6', 'age-6-14', 'a']), fc.oneof(count, fc.constant(null)), 4) },
    { requiredKeys: [] },
  );
  const model = fc.record(
    { status: optional(progress), progress: optional(text), results: optional(text), difficulties: optional(text), effectiveness: optional(text), funding: optional(text), continuation: optional(text) },
    { requiredKeys: [] },
  );
  return fc
    .record(
      {
        department: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('so-tu-phap', 'cong-an-tinh') }, { weight: 1, arbitrary: text }),
        month: fc.oneof({ weight: 4, arbitrary: fc.constant('2024-09') }, { weight: 1, arbitrary: text }),
        asOf: optional(date),
        services: dict(idOf(p.services), service, 8),
        indicators: dict(idOf(p.indicators), indicator, 4),
        models: dict(idOf(p.models), model, 3),
        sections: dict(idOf(p.sections), fc.array(text, { maxLength: 3 }), 4),
        footnotes: dict(idOf(['vb-1', 'vb-2']), optional(text), 3),
      },
      { requiredKeys: ['department', 'month'] },
    )
    .map((r) => r as unknown as Submission);
}

function scopeOf(catalog: Catalog): fc.Arbitrary<Scope> {
  const p = pools(catalog);
  return fc.oneof(
    fc.constant(ALL),
    fc.record({
      kind: fc.constant('services' as const),
      ids: fc.uniqueArray(idOf(p.services), { maxLength: 10 }),
      fields: fc.option(fc.subarray([...FIGURES]), { nil: undefined }),
    }).map(({ fields, ...s }) => (fields ? { ...s, fields } : s)),
  );
}

const SOURCE = fc.oneof(fc.constantFrom('so-tu-phap.xlsx', 'Bảng cũ (1).xlsx', '#x.xlsx', ' x .xlsx', ' ', 'a: b.xlsx', 'tệp\nhai dòng.xlsx', 'a\rb', 'a\u2028b', 'x\n', ''), awkward);
