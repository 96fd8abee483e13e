import fc from 'fast-check';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allModels, allServices, type Catalog } from '../../src/catalog/catalog.js';
import { readLegacyWorkbook } from '../../src/excel/legacy-reader.js';
import { openWorkbook, readSubmissionWorkbook } from '../../src/excel/read-submission.js';
import { emitNewSubmissionYaml, newSubmissionYamlBytes, writeSubmissionYaml, type FigureField, type Scope } from '../../src/excel/yaml-writer.js';
import { readYaml } from '../../src/readers/yaml.js';
import { CONNECTION_LABELS, PROGRESS_LABELS } from '../../src/schema/labels.js';
import type { Submission } from '../../src/schema/submission.js';
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
const connection = fc.constantFrom(...(Object.keys(CONNECTION_LABELS) as (keyof typeof CONNECTION_LABELS)[]));
const progress = fc.constantFrom(...(Object.keys(PROGRESS_LABELS) as (keyof typeof PROGRESS_LABELS)[]));
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
