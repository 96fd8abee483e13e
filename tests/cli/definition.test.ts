import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baocao } from '../helpers/cli.js';
import { MINI, ROOT, SAMPLE, tempWorkspace, type TempWorkspace } from '../helpers/workspace.js';
import { documentText, xmlParts } from '../robustness/docx-xml.js';
import { formBytes, openBook, workspace } from '../excel/helpers.js';
import { checkPackage } from '../ooxml/check.js';

/** The report definition (data/report/appendices.yaml) and the vocabularies (catalog/vocabularies.yaml) as a workspace writes them. */

const work = mkdtempSync(join(tmpdir(), 'baocao-definition-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Diag {
  code: string;
  severity: string;
  file?: string;
  line?: number;
  message: string;
}

/** a copy of the bundled workspace with its own templates folder (the shipped templates) */
function sampleWithTemplates(): TempWorkspace {
  const w = tempWorkspace(SAMPLE);
  cpSync(join(ROOT, 'templates'), join(w.dir, 'templates'), { recursive: true });
  return w;
}

/** builds the month; the files are valid for Word and Excel (tests/ooxml/check.ts), whatever the definition lays out */
function build(w: TempWorkspace, name: string): { docx: string; xlsx: Buffer } {
  const out = join(work, name);
  const r = baocao(['build', '--data', w.dir, '--month', '2024-09', '--out', out, '--json']);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  const docx = readFileSync(join(out, 'bao-cao-de-an-06-2024-09.docx'));
  const xlsx = readFileSync(join(out, 'phu-luc-de-an-06-2024-09.xlsx'));
  for (const [bytes, file] of [[docx, 'report.docx'], [xlsx, 'appendices.xlsx']] as const) expect(checkPackage(new Uint8Array(bytes), file).errors).toEqual([]);
  return { docx: documentText(xmlParts(docx)['word/document.xml']!), xlsx };
}

function validate(w: TempWorkspace): { code: number; diagnostics: Diag[] } {
  const r = baocao(['validate', '--data', w.dir, '--month', '2024-09', '--json']);
  return { code: r.code, diagnostics: r.json<{ diagnostics: Diag[] }>().diagnostics };
}

const FOURTH_AND_FIFTH = `
  - id: phu-luc-4
    title: phu-luc-4
    attachedTo: kem-theo
    orientation: portrait
    table:
      kind: tally
      list: models
      numbering: "a)"
      totalLabel: "Tổng cộng: {done}/{all} mô hình hoàn thành"
      columns:
        - { field: stt, heading: STT, width: 720, sheetWidth: 6 }
        - { field: status, heading: Tình trạng, sheetWidth: 40 }
        - heading: Số mô hình
          columns:
            - { field: count, heading: Số lượng, width: 1500, sheetWidth: 12 }
            - { field: rate, heading: Tỷ lệ, width: 1500, sheetWidth: 12 }
  - id: phu-luc-5
    title: phu-luc-5
    attachedTo: kem-theo
    orientation: landscape
    table:
      kind: models
      list: models
      numbering: "I."
      groupLabel: "{title}: {count} nhiệm vụ"
      rowLabel: "Nhiệm vụ {number}:"
      columns:
        - { field: stt, heading: Thứ tự, width: 1000, sheetWidth: 8 }
        - { field: model, heading: Nhiệm vụ, width: 6000, sheetWidth: 50 }
        - { field: status, heading: Tình trạng thực hiện, width: 3000, sheetWidth: 24 }
        - { field: lead, heading: Đơn vị chủ trì, sheetWidth: 30 }
`;

describe('a workspace with more appendices than the bundled three', () => {
  it('builds a 4th (a tally of the models by status) and a 5th (the models as tasks) in the .docx and the .xlsx', async () => {
    const w = sampleWithTemplates();
    try {
      w.write('report/appendices.yaml', w.read('report/appendices.yaml').replace('Phụ lục I, II, III kèm theo', 'Phụ lục I đến V kèm theo') + FOURTH_AND_FIFTH);
      w.write('templates/phu-luc-4.hbs', 'Phụ lục IV\nTIẾN ĐỘ CÁC MÔ HÌNH ({{count models.counts.models}} MÔ HÌNH)\n');
      w.write('templates/phu-luc-5.hbs', 'Phụ lục V\nCÁC NHIỆM VỤ\n');
      const model = baocao(['model', '--data', w.dir, '--month', '2024-09']).json<{ models: { counts: Record<string, number> } }>();
      const c = model.models.counts;
      const done = c.completed! + c.maintaining!;
      const { docx, xlsx } = build(w, 'five');
      expect(docx).toContain(`Phụ lục IVTIẾN ĐỘ CÁC MÔ HÌNH (${c.models} MÔ HÌNH)`);
      expect(docx).toContain('STTTình trạngSố mô hìnhSố lượngTỷ lệ');
      expect(docx).toContain(`a)Đã hoàn thành${String(c.completed).padStart(2, '0')}`);
      expect(docx).toContain(`Tổng cộng: ${String(done).padStart(2, '0')}/${c.models} mô hình hoàn thành${c.models}100%`);
      expect(docx).toContain('Phụ lục VCÁC NHIỆM VỤ');
      expect(docx).toMatch(/I\.Nhiệm vụ 1: /);
      expect(docx).toContain('INHÓM TIỆN ÍCH PHỤC VỤ GIẢI QUYẾT TTHC VÀ CUNG CẤP DVC TRỰC TUYẾN: 3 nhiệm vụI.Nhiệm vụ 1: Triển khai 53 dịch vụ công thiết yếuĐang triển khai theo kế hoạchVăn phòng Ủy ban nhân dân tỉnh');
      const book = await openBook(xlsx);
      expect(book.worksheets.map((s) => s.name)).toEqual(['Phụ lục I', 'Phụ lục II', 'Phụ lục III', 'Phụ lục IV', 'Phụ lục V']);
      expect(book.title).toBe('Phụ lục I đến V kèm theo Báo cáo kết quả triển khai Đề án 06 tháng 9/2024');
      const tally = book.getWorksheet('Phụ lục IV')!;
      expect(tally.pageSetup.orientation).toBe('portrait');
      const values = tally.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : []));
      expect(values).toContain(`Tổng cộng: ${String(done).padStart(2, '0')}/${c.models} mô hình hoàn thành`);
      expect(values).toContain('Số lượng');
      expect(tally.getColumn(2).width).toBe(40);
    } finally {
      w.dispose();
    }
  });
});

describe('an appendix of kind "indicators"', () => {
  it('lists the indicators with their figures, those of last month and the change', async () => {
    const w = sampleWithTemplates();
    try {
      w.write(
        'report/appendices.yaml',
        w.read('report/appendices.yaml') +
          `
  - id: phu-luc-6
    title: phu-luc-6
    attachedTo: kem-theo
    orientation: landscape
    table:
      kind: indicators
      list: indicators
      numbering: "1."
      columns:
        - { field: stt, heading: STT, width: 720, sheetWidth: 6 }
        - { field: name, heading: Chỉ tiêu, sheetWidth: 60 }
        - { field: unit, heading: Đơn vị tính, width: 1400, sheetWidth: 12 }
        - { field: value, heading: Tháng này, width: 1600, sheetWidth: 14 }
        - { field: previous, heading: Tháng trước, width: 1600, sheetWidth: 14 }
        - { field: change, heading: Tăng/giảm, width: 1400, sheetWidth: 12 }
`,
      );
      w.write('templates/phu-luc-6.hbs', 'Phụ lục VI\nCÁC CHỈ TIÊU\n');
      const { docx, xlsx } = build(w, 'indicators');
      expect(docx).toContain('Phụ lục VICÁC CHỈ TIÊU');
      expect(docx).toContain('STTChỉ tiêuĐơn vị tínhTháng nàyTháng trướcTăng/giảm');
      expect(docx).toMatch(/\d+\.Số lượng CCCD được đồng bộ với thẻ BHYT còn hiệu lực để đi khám chữa bệnh bằng CCCDthẻ3\.182\.6033\.182\.009\+594/);
      const sheet = (await openBook(xlsx)).getWorksheet('Phụ lục VI')!;
      const row = sheet.getSheetValues().find((r) => Array.isArray(r) && r.includes('Số lượng CCCD được đồng bộ với thẻ BHYT còn hiệu lực để đi khám chữa bệnh bằng CCCD')) as unknown[];
      expect(row.slice(3, 7)).toEqual(['thẻ', 3182603, 3182009, 594]);
    } finally {
      w.dispose();
    }
  });
});

describe('vocabularies as data', () => {
  it('"Toàn trình" is refused until the vocabulary has it, then validates, counts as connected and prints', async () => {
    const w = sampleWithTemplates();
    try {
      w.replace('2024-09/so-tu-phap.yaml', 'connection: Đã kết nối', 'connection: toan trinh');
      const refused = validate(w);
      expect(refused.code).toBe(1);
      expect(refused.diagnostics.find((d) => d.code === 'BC123')).toMatchObject({ file: expect.stringContaining('so-tu-phap.yaml'), line: 6 });

      const before = baocao(['model', '--data', SAMPLE, '--month', '2024-09']).json<{ qd06: { counts: { connected: number } } }>();
      w.replace('catalog/vocabularies.yaml', '  - id: not-connected\n', '  - id: toan-trinh\n    label: Toàn trình\n    counts: connected\n  - id: not-connected\n');
      expect(validate(w).code).toBe(0);
      const model = baocao(['model', '--data', w.dir, '--month', '2024-09']).json<{ qd06: { counts: { connected: number } } }>();
      expect(model.qd06.counts.connected).toBe(before.qd06.counts.connected);
      const { docx } = build(w, 'toan-trinh');
      expect(docx).toContain('Toàn trình');
      // the forms' drop-down list offers it, in the vocabulary's order
      const form = await openBook(await formBytes('so-tu-phap', false, '2024-09', await workspace(w.dir)));
      const meta = form.worksheets.find((s) => s.state === 'veryHidden')!;
      expect([1, 2, 3].map((r) => meta.getCell(r, 4).value)).toEqual(['Đã kết nối', 'Toàn trình', 'Chưa kết nối']);
    } finally {
      w.dispose();
    }
  });

  it('refuses a wording two statuses share, at its line (BC253)', () => {
    const w = tempWorkspace(MINI);
    try {
      w.replace('catalog/vocabularies.yaml', 'label: Chưa kết nối', 'label: đã kết nối');
      expect(validate(w).diagnostics.filter((d) => d.code === 'BC253').map((d) => [d.file, d.line])).toEqual([[join(w.dir, 'catalog', 'vocabularies.yaml'), 10]]);
    } finally {
      w.dispose();
    }
  });
});

describe('a bad definition or catalog is told at its line', () => {
  it.each([
    ['an unknown key', ['    orientation: landscape\n', '    orientation: landscape\n    colour: red\n'], 'BC111', 11],
    ['a list the kind has not', ['      list: qd06', '      list: qd07'], 'BC254', 13],
    ['a placeholder the label has not', ['groupLabel: "{title} ({count:02} MÔ HÌNH)"', 'groupLabel: "{title} ({total} MÔ HÌNH)"'], 'BC255', 59],
    ['two columns without a width (the second is told)', ['{ field: name, heading: Dịch vụ công trực tuyến, width: 3600, sheetWidth: 42 }', '{ field: name, heading: Dịch vụ công trực tuyến, sheetWidth: 42 }'], 'BC256', 28],
    ['a column without a heading', ['{ field: stt, heading: STT, width: 720, sheetWidth: 6 }', '{ field: stt, width: 720, sheetWidth: 6 }'], 'BC257', 16],
  ] as const)('%s', (_, [from, to], code, line) => {
    const w = tempWorkspace(MINI);
    try {
      w.replace('report/appendices.yaml', from, to);
      const r = validate(w);
      expect(r.code).toBe(1);
      const found = r.diagnostics.filter((d) => d.code === code);
      expect(found.map((d) => [d.file, d.line]), JSON.stringify(r.diagnostics)).toEqual([[join(w.dir, 'report', 'appendices.yaml'), line]]);
    } finally {
      w.dispose();
    }
  });

  it('refuses a model number given twice, at the second (BC252)', () => {
    const w = tempWorkspace(MINI);
    try {
      w.replace('catalog/models.yaml', 'number: 2,', 'number: 1,');
      const found = validate(w).diagnostics.filter((d) => d.code === 'BC252');
      expect(found.map((d) => [d.file, d.line])).toEqual([[join(w.dir, 'catalog', 'models.yaml'), 9]]);
      expect(found[0]!.message).toContain('mh-01');
    } finally {
      w.dispose();
    }
  });
});

describe('the workspace files are named in BC609 and read by init', () => {
  it('a template the definition names is not "unused"', () => {
    const w = sampleWithTemplates();
    try {
      writeFileSync(join(w.dir, 'templates', 'phu-luc-4.hbs'), 'Phụ lục IV\nX\n');
      expect(validate(w).diagnostics.filter((d) => d.code === 'BC609').map((d) => d.file)).toEqual([join(w.dir, 'templates', 'phu-luc-4.hbs')]);
      w.write('report/appendices.yaml', w.read('report/appendices.yaml') + FOURTH_AND_FIFTH.split('  - id: phu-luc-5')[0]);
      expect(validate(w).diagnostics.filter((d) => d.code === 'BC609')).toEqual([]);
    } finally {
      w.dispose();
    }
  });
});
