import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { ownedBy } from '../../src/catalog/catalog.js';
import { BaocaoError, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { loadWorkbook } from '../../src/excel/xlsx-read/workbook.js';
import { guardWorkbookBytes } from '../../src/excel/guard.js';
import { detectForm } from '../../src/excel/form-reader.js';
import { readLegacyWorkbook } from '../../src/excel/legacy-reader.js';
import { makeForms } from '../../src/excel/make-forms.js';
import { formSubmission } from '../../src/excel/read-submission.js';
import { writeSubmissionYaml } from '../../src/excel/yaml-writer.js';
import { formatDateShort } from '../../src/format/date.js';
import { formatCount, formatNumber, rateHundredths } from '../../src/format/number.js';
import { parseCount, parseDate } from '../../src/format/parse.js';
import { cleanText as markupClean } from '../../src/markup/clean-text.js';
import { parseMarkup } from '../../src/markup/parse.js';
import type { ReportModel } from '../../src/model/report-model.js';
import { validateShape, yamlLocator } from '../../src/readers/validate-shape.js';
import { readYaml } from '../../src/readers/yaml.js';
import { Footnotes } from '../../src/render/docx/footnotes.js';
import { cellText, gridTable } from '../../src/render/docx/grid-table.js';
import { blockParagraphs } from '../../src/render/docx/markup-paragraphs.js';
import { coreXml } from '../../src/render/docx/package.js';
import { renderReportDocx } from '../../src/render/docx/render.js';
import { run } from '../../src/render/docx/text.js';
import { loadTemplates } from '../../src/render/templates-load.js';
import { cleanText as schemaClean } from '../../src/schema/scalars.js';
import type { Submission } from '../../src/schema/submission.js';
import { SubmissionFile } from '../helpers/definition.js';
import { decodeText } from '../../src/workspace/files.js';
import { loadWorkspace, type Workspace } from '../../src/workspace/load.js';
import { MODEL_SAMPLE } from '../fixtures/model-sample.js';
import { formBytes, workspace } from '../excel/helpers.js';
import { SAMPLE, tempWorkspace } from '../helpers/workspace.js';
import { xmlError, xmlParts } from './docx-xml.js';

/**
 * Properties over generated inputs (fast-check), called in-process: the readers never throw anything but our
 * own error type and locate every problem inside the input; vi-VN numbers format and parse back; a return
 * survives YAML → model → YAML and form → import; the document's XML is well-formed whatever text it holds.
 * Run counts are modest so that the suite stays fast; a failure prints its seed and shrunk counterexample.
 */

// ------------------------------------------------------------------ generators

/** characters that make trouble: XML specials, controls, surrogates, YAML indicators, Vietnamese, emoji, NFD */
const nastyChar = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'aAzZ09 .,:;-_/#&*!|>%@`\'"[]{}?~=+\\<>'.split('')) },
  { weight: 3, arbitrary: fc.constantFrom('\n', '\r', '\t', '\r\n', '\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u001f', '\u007f', '\u0085', '\u00a0', '\u2028', '\ufeff', '\ufffe', '\uffff') },
  { weight: 2, arbitrary: fc.constantFrom('\ud800', '\udfff', '\ud83d', '😀', '👩‍👩‍👧', '🇻🇳', '\u0301', '\u0323') },
  { weight: 4, arbitrary: fc.constantFrom(...'ăâđêôơưĂÂĐÊÔƠƯáàảãạếềểễệốồổỗộớờởỡợứừửữựýỳỷỹỵ'.split('')) },
  { weight: 1, arbitrary: fc.constantFrom('ệ'.normalize('NFD'), 'Tỉnh'.normalize('NFD'), '{{', '}}', '{{> p}}', '[^x]', '**', '</w:t>', ']]>', '&amp;', '%YAML 1.1', '---', '...', '&a', '*a', '!!js/function', ': ', ' #') },
);
const nastyText = (maxLength = 60) => fc.string({ unit: nastyChar, maxLength });

/**
 * text a department could type: never only blanks (blank texts are "not reported", on every side), and no
 * footnote call (a call with no footnote is an error, and forms --filled refuses a return with errors)
 */
const paragraph = nastyText(80).filter((s) => cleanLike(s) !== '' && !s.includes('[^'));
function cleanLike(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f\ufffe\uffff\ud800-\udfff\s]/g, '');
}

/** A located problem is inside its input: 1 ≤ line ≤ lines, 1 ≤ column ≤ length of its line + 1. */
function expectInside(d: Diagnostic, lines: readonly number[]): void {
  if (d.line === undefined) return;
  expect(d.line, d.message).toBeGreaterThanOrEqual(1);
  expect(d.line, d.message).toBeLessThanOrEqual(lines.length);
  if (d.column === undefined) return;
  expect(d.column, d.message).toBeGreaterThanOrEqual(1);
  expect(d.column, d.message).toBeLessThanOrEqual(lines[d.line - 1]! + 1);
}

/** Runs `f`; anything it throws must be our own error type. */
async function ours<T>(f: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await f();
  } catch (e) {
    expect(e, String((e as Error)?.stack)).toBeInstanceOf(BaocaoError);
    return undefined;
  }
}

// ------------------------------------------------------------------ readers: text files and YAML

describe('text and YAML readers, whatever they are given', () => {
  it('decodeText never throws and locates a bad byte inside the file', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 400 }),
      // mostly UTF-8 with a few foreign bytes: the usual shape of a file in another encoding
      fc.tuple(nastyText(200), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0x80, max: 0xff })), { maxLength: 4 })).map(([s, flips]) => {
        const b = Buffer.from(s, 'utf8');
        for (const [at, v] of flips) if (b.length) b[at % b.length] = v;
        return new Uint8Array(b);
      }),
    );
    fc.assert(
      fc.property(bytes, (b) => {
        const r = decodeText(b, 'f.yaml');
        if (r.ok) return;
        const lines = Buffer.from(b).toString('latin1').split('\n').map((l) => l.length);
        expectInside(r.diagnostic, lines);
      }),
      { numRuns: 300 },
    );
  });

  it('readYaml never throws, and every position it reports lies inside the text', () => {
    const token = fc.oneof(
      nastyText(6),
      fc.constantFrom('\n', '\n  ', '\n    ', '- ', ': ', 'department: so-y-te\n', 'month: 2024-09\n', 'services:\n  ', 's2: ', '{', '}', '[', ']', ', ', '"', "'", '|\n  ', '>-\n  ', '&a ', '*a', '!!str ', '? ', '# c\n', '---\n', '%YAML 1.1\n---\n', '\t'),
    );
    const text = fc.array(token, { maxLength: 40 }).map((t) => t.join(''));
    fc.assert(
      fc.property(text, (source) => {
        const r = readYaml('f.yaml', source);
        const body = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
        const lines = body.split('\n').map((l) => l.length);
        for (const d of r.diagnostics) expectInside(d, lines);
        if (r.diagnostics.length > 0) return;
        // and the shape check of a return locates its findings inside the text as well
        const v = validateShape(SubmissionFile, r.value, yamlLocator('f.yaml', r.map));
        for (const d of v.diagnostics) expectInside(d, lines);
      }),
      { numRuns: 300 },
    );
  });
});

describe('cleaning text', () => {
  it.each([
    ['schema (every text of a return)', schemaClean],
    ['renderer (every text of the document)', markupClean],
  ])('%s: NFC, idempotent, nothing XML forbids', (_name, clean) => {
    fc.assert(
      fc.property(nastyText(40), (s) => {
        const once = clean(s);
        expect(once).toBe(once.normalize('NFC'));
        expect(clean(once)).toBe(once);
        expect(once).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      }),
      { numRuns: 300 },
    );
  });
});

// ------------------------------------------------------------------ readers: workbooks

describe('the Excel reader, whatever bytes it is given', () => {
  let form: Uint8Array;
  let ws: Workspace;
  beforeAll(async () => {
    ws = await workspace();
    form = await formBytes('so-tu-phap', true);
  }, 60_000);

  /** guard → load → form or legacy sheet → shape: nothing throws; sheets named in problems exist. */
  async function readAll(bytes: Uint8Array): Promise<void> {
    await ours(async () => {
      const g = await guardWorkbookBytes(bytes, 'f.xlsx');
      if (!g.ok) return;
      const loaded = await loadWorkbook(g.bytes);
      if (!loaded.ok) return;
      const sheets = new Set(loaded.workbook.sheets.map((s) => s.name));
      const identity = detectForm(loaded.workbook);
      const found = identity
        ? formSubmission(loaded.workbook, 'f.xlsx', identity, ws.catalog).diagnostics
        : (readLegacyWorkbook(loaded.workbook, 'f.xlsx', ws.catalog, '2024-09')?.diagnostics ?? []);
      for (const d of found) if (d.sheet !== undefined) expect(sheets).toContain(d.sheet);
    });
  }

  it('random bytes and damaged copies of a real form', async () => {
    const damaged = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => {
        const b = new Uint8Array(form);
        for (const [at, v] of flips) b[at % b.length] = v;
        return b;
      }),
      fc.nat().map((n) => form.subarray(0, n % form.length)),
    );
    await fc.assert(fc.asyncProperty(damaged, readAll), { numRuns: 60 });
  }, 120_000);

  it('a real form whose sheet XML was edited at random (rezipped, so the zip is sound)', async () => {
    const files = unzipSync(form);
    const sheet = Object.keys(files).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && new TextDecoder().decode(files[n]).includes('<sheetData'))!;
    const xml = new TextDecoder().decode(files[sheet]);
    const snippet = fc.constantFrom(
      '<c r="H7" t="e"><v>#N/A</v></c>',
      '<c r="H7" t="s"><v>99999</v></c>',
      '<c r="H7"><f>1/0</f></c>',
      '<c r="H7" t="inlineStr"><is><t>12,5</t></is></c>',
      '<c r="H7" t="b"><v>1</v></c>',
      '<c r="H7" t="d"><v>2024-09-15</v></c>',
      '<row r="7"><c r="A7" t="inlineStr"><is><t>service:qd06-09</t></is></c></row>',
      '<mergeCell ref="A1:XFD1"/>',
      '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
      '',
    );
    const edit = fc.tuple(fc.nat(), fc.nat({ max: 200 }), snippet).map(([at, cut, s]) => {
      const i = at % xml.length;
      return zipSync({ ...files, [sheet]: strToU8(xml.slice(0, i) + s + xml.slice(i + cut)) });
    });
    await fc.assert(fc.asyncProperty(edit, readAll), { numRuns: 40 });
  }, 120_000);
});

// ------------------------------------------------------------------ vi-VN numbers and dates

describe('vi-VN numbers and dates', () => {
  it('every count formats and parses back: "3.182.603", "03", "3182603", "3 182 603"', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (n) => {
        for (const written of [formatNumber(n), formatCount(n), String(n), formatNumber(n).replace(/\./g, ' ')]) {
          expect(parseCount(written), written).toEqual({ ok: true, value: n });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a decimal is never read as a count', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), fc.integer({ min: 1, max: 99 }), (n, d) => {
        const r = parseCount(formatNumber(n + d / 100));
        expect(r.ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('parseCount never throws; what it accepts formats back to itself', () => {
    fc.assert(
      fc.property(fc.oneof(nastyText(20), fc.stringMatching(/^[\d., +-e]{0,20}$/)), (s) => {
        const r = parseCount(s);
        if (!r.ok) return;
        expect(Number.isSafeInteger(r.value) && r.value >= 0).toBe(true);
        expect(parseCount(formatNumber(r.value))).toEqual(r);
      }),
      { numRuns: 300 },
    );
  });

  it('a rate lies between 0 and 100% for part ≤ whole', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1e12 }), fc.nat({ max: 1e12 }), (a, b) => {
        const [part, whole] = a <= b ? [a, b] : [b, a];
        const h = rateHundredths(part, whole);
        if (whole === 0) expect(h).toBeNull();
        else expect(h! >= 0 && h! <= 10_000).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('every date formats as d/m/yyyy and parses back', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(parseDate(formatDateShort(iso))).toBe(iso);
      }),
      { numRuns: 200 },
    );
  });
});

// ------------------------------------------------------------------ round trips of a return

/** A return of Sở Tư pháp as written: figures consistent with each other (so that forms --filled accepts it). */
function returnOf(ws: Workspace) {
  const owned = ownedBy(ws.catalog, 'so-tu-phap');
  const connection = fc.constantFrom('Đã kết nối', 'Chưa kết nối', 'Đã thực hiện', 'Chưa thực hiện', 'đã KẾT NỐI', '');
  const count = (max: number) => fc.nat({ max }).chain((n) => fc.constantFrom(formatNumber(n), String(n), formatNumber(n).replace(/\./g, ' ')).map((s) => ({ n, s })));
  const figures = count(5_000_000).chain((total) =>
    count(total.n).chain((online) =>
      count(online.n).chain((onTime) =>
        fc.record(
          {
            connection,
            total: fc.constant(total.s),
            online: fc.constant(online.s),
            onTime: fc.constant(onTime.s),
            overdue: fc.option(count(online.n - onTime.n).map((x) => x.s), { nil: undefined }),
            difficulties: paragraph,
          },
          { requiredKeys: ['total', 'online'] },
        ),
      ),
    ),
  );
  const idsOf = (ids: readonly string[]) => fc.subarray([...ids], { minLength: 1 });
  const model = fc.record(
    { status: fc.constantFrom('Đã hoàn thành', 'Đang triển khai', 'Chậm tiến độ', 'Tạm dừng'), progress: paragraph, results: paragraph, difficulties: paragraph, effectiveness: paragraph, funding: paragraph, continuation: paragraph },
    { requiredKeys: ['status'] },
  );
  return fc.record({
    services: idsOf(owned.service).chain((ids) => fc.tuple(...ids.map((id) => figures.map((f) => [id, f] as const)))).map((e) => Object.fromEntries(e)),
    models: idsOf(owned.model).chain((ids) => fc.tuple(...ids.map((id) => model.map((m) => [id, m] as const)))).map((e) => Object.fromEntries(e)),
    sections: idsOf(owned.section).chain((ids) => fc.tuple(...ids.map((id) => fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((p) => [id, p] as const)))).map((e) => Object.fromEntries(e)),
    footnotes: fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), paragraph, { maxKeys: 2 }),
  }).map((r) => ({ department: 'so-tu-phap', month: '2024-09', ...r }));
}

/** "not reported" is written as an empty value, an absent key or an empty cell: compare without them */
function reported(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reported);
  if (v !== null && typeof v === 'object') {
    const kept = Object.entries(v).flatMap(([k, x]) => {
      const r = reported(x);
      const empty = r === '' || r === null || r === undefined || (typeof r === 'object' && !Array.isArray(r) && Object.keys(r as object).length === 0);
      return empty ? [] : [[k, r] as const];
    });
    return Object.fromEntries(kept);
  }
  return v;
}

function validated(input: unknown): Submission {
  const v = validateShape(SubmissionFile, input, { file: 'f', at: () => ({}) });
  if (!v.ok) throw new Error(JSON.stringify(v.diagnostics.slice(0, 3)));
  return v.value;
}

describe('round trips of a return', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await workspace();
  }, 60_000);

  it('YAML → model → YAML: what the writer writes reads back the same, and writes back byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(returnOf(ws), async (input) => {
        const sub = validated(input);
        const text = writeSubmissionYaml(sub, ws.catalog, { kind: 'all' }, { existing: null });
        const read = readYaml('f.yaml', text);
        expect(read.diagnostics, text).toEqual([]);
        const again = validated(read.value);
        expect(reported(again), text).toEqual(reported(sub));
        expect(writeSubmissionYaml(again, ws.catalog, { kind: 'all' }, { existing: text })).toBe(text);
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it('form → import: a return filled into its Excel form reads back the same', async () => {
    const tmp = tempWorkspace(SAMPLE);
    try {
      await fc.assert(
        fc.asyncProperty(returnOf(ws), async (input) => {
          const sub = validated(input);
          writeFileSync(join(tmp.dir, '2024-09', 'so-tu-phap.yaml'), writeSubmissionYaml(sub, ws.catalog, { kind: 'all' }, { existing: null }));
          const loaded = await loadWorkspace(tmp.dir, 'data');
          const made = await makeForms({ ws: loaded.workspace!, month: '2024-09', department: 'so-tu-phap', filled: true, outDir: join(tmp.dir, 'forms'), outShown: 'forms' });
          expect(made.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
          const wb = await loadWorkbook(made.outputs[0]!.bytes);
          if (!wb.ok) throw new Error(wb.reason);
          const back = formSubmission(wb.workbook, 'f.xlsx', detectForm(wb.workbook)!, ws.catalog);
          expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
          expect(reported(back.submission!.submission)).toEqual(reported(sub));
        }),
        { numRuns: 12 },
      );
    } finally {
      tmp.dispose();
    }
  }, 180_000);
});

// ------------------------------------------------------------------ the document's XML

describe('the document XML is well-formed for any string', () => {
  it('runs, markup paragraphs, table cells, footnotes and the core properties', async () => {
    await fc.assert(
      fc.asyncProperty(nastyText(120), async (s) => {
        const footnotes = new Footnotes();
        const body = parseMarkup(`${s}[^n]\n\n[^n]: ${s}`);
        const notes = { footnotes, definitions: body.definitions, modelNotes: [{ id: 'm', text: s }] };
        const doc = new Document({
          title: s.replace(/[\ud800-\udfff]/g, ''),
          footnotes: {},
          sections: [{ children: [new Paragraph({ children: [run(s)] }), ...blockParagraphs(body.blocks, notes), gridTable([3000, 3000], [{ cells: [{ children: cellText(s) }, { children: cellText(`${s}\n${s}`) }] }])] }],
        });
        const packed = await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: coreXml({ title: s, creator: s, createdAt: new Date(0) }) }]);
        for (const [name, xml] of Object.entries(xmlParts(new Uint8Array(packed)))) expect(xmlError(xml), `${name}: ${JSON.stringify(s)}`).toBeNull();
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it('the whole report, with the text in the header, a section, a table cell and a model', async () => {
    const templates = await loadTemplates();
    await fc.assert(
      fc.asyncProperty(nastyText(80), async (s) => {
        const model = structuredClone(MODEL_SAMPLE) as ReportModel & { header: { issuerName: string; place: string }; sections: Record<string, { items: string[] }> };
        model.header.issuerName = s;
        model.header.place = s;
        const first = Object.values(model.sections)[0]!;
        first.items = [...first.items, s];
        (model.qd06.groups[0]!.rows[0] as { difficulties: string }).difficulties = s;
        const r = await ours(() => renderReportDocx(model, templates));
        if (!r || 'diagnostics' in r) return;
        for (const [name, xml] of Object.entries(xmlParts(r.bytes))) expect(xmlError(xml), `${name}: ${JSON.stringify(s)}`).toBeNull();
      }),
      { numRuns: 12 },
    );
  }, 180_000);
});

