import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baocao } from '../helpers/cli.js';
import { SAMPLE, tempWorkspace } from '../helpers/workspace.js';

/** The monthly cycle: open October from September, two departments answer, status, then a draft. */
const ws = tempWorkspace(SAMPLE);
afterAll(() => ws.dispose());

interface StatusRow {
  id: string;
  status: string;
  pendingReview: boolean;
  unchangedTexts: number;
}

describe('a month opened from the previous one', () => {
  it('open --month 2024-10 writes each department’s file, texts carried forward, figures empty', () => {
    const r = baocao(['open', '--data', ws.dir, '--month', '2024-10', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const opened = r.json<{ created: string[]; forms: string[] }>();
    expect(opened.created).toHaveLength(18);
    // each department's Excel form beside it, in a sub-folder that is not read as a return
    expect(opened.forms).toHaveLength(18);
    expect(readdirSync(join(ws.dir, '2024-10', 'bieu-mau'))).toContain('so-y-te.xlsx');
    const text = ws.read('2024-10/so-y-te.yaml');
    expect(text).toMatch(/^# yaml-language-server: \$schema=/);
    expect(text).toContain('review:');
    expect(text).toContain('month: 2024-10');
    expect(text).toContain('Bộ Y tế chưa hoàn thành cung cấp trên Cổng DVC quốc gia.');
    expect(text).not.toMatch(/value: \S/);
  });

  it('does not overwrite files that exist', () => {
    const before = ws.read('2024-10/so-y-te.yaml');
    const r = baocao(['open', '--data', ws.dir, '--month', '2024-10', '--json']);
    expect(r.code).toBe(0);
    expect(r.json<{ created: string[]; skipped: string[] }>().created).toEqual([]);
    expect(ws.read('2024-10/so-y-te.yaml')).toBe(before);
  });

  it('status shows the departments that have not answered as missing', () => {
    // two departments fill in their figures and take the review line out
    for (const [file, from, to] of [
      ['2024-10/so-y-te.yaml', /driver-health-certificates:\n    value:/, 'driver-health-certificates:\n    value: 9.120'],
      ['2024-10/bhxh-tinh.yaml', /bhyt-cccd-cards:\n    value:/, 'bhyt-cccd-cards:\n    value: 3.190.000'],
    ] as const) {
      ws.replace(file, from, to);
      ws.replace(file, /^review: .*\n/m, '');
    }
    const r = baocao(['status', '--data', ws.dir, '--month', '2024-10', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const rows = r.json<{ departments: StatusRow[] }>().departments;
    expect(rows.filter((x) => x.status === 'submitted').map((x) => x.id).sort()).toEqual(['bhxh-tinh', 'so-y-te']);
    expect(rows.filter((x) => x.status === 'missing')).toHaveLength(16);
    expect(rows.find((x) => x.id === 'cong-an-tinh')).toMatchObject({ status: 'missing', pendingReview: true });
    expect(rows.find((x) => x.id === 'so-y-te')!.unchangedTexts).toBeGreaterThan(0);
    const human = baocao(['status', '--data', ws.dir, '--month', '2024-10']);
    expect(human.stdout).toContain('(2/18 đơn vị đã gửi)');
    expect(human.stdout).toContain('CHƯA GỬI');
  });

  it('build without --draft refuses while returns are missing', () => {
    const r = baocao(['build', '--data', ws.dir, '--month', '2024-10', '--out', join(ws.dir, 'out'), '--json']);
    expect(r.code).toBe(1);
    expect(r.json<{ diagnostics: { code: string }[] }>().diagnostics.filter((d) => d.code === 'BC260')).toHaveLength(16);
  });

  it('build --draft gives a marked draft listing what is missing', async () => {
    const out = join(ws.dir, 'out');
    const r = baocao(['build', '--data', ws.dir, '--month', '2024-10', '--draft', '--format', 'docx', '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out)).toContain('du-thao-bao-cao-de-an-06-2024-10.docx');
    const { unzipSync, strFromU8 } = await import('fflate');
    const zip = unzipSync(readFileSync(join(out, 'du-thao-bao-cao-de-an-06-2024-10.docx')));
    const document = strFromU8(zip['word/document.xml']!);
    expect(document).toContain('DANH SÁCH CÁC VẤN ĐỀ CÒN MỞ CỦA BẢN DỰ THẢO');
    expect(document).toContain('Công an tỉnh');
    expect(document).toContain('chưa xem lại');
    const headers = Object.keys(zip).filter((k) => /^word\/header\d+\.xml$/.test(k));
    expect(headers.every((k) => strFromU8(zip[k]!).includes('DỰ THẢO'))).toBe(true);
    // the two returns that came in are in the body
    expect(document).toContain('3.190.000');
  });

  it('diff compares October with September', () => {
    const r = baocao(['diff', '--data', ws.dir, '--month', '2024-10', '--json']);
    // October still has returns marked for review, which is not an error
    expect(r.code, r.stderr).toBe(0);
    const d = r.json<{ against: string; figures: { id: string; field: string; before: number | null; after: number | null; delta: { direction: string; change: number } }[] }>();
    expect(d.against).toBe('2024-09');
    const cards = d.figures.find((f) => f.id === 'bhyt-cccd-cards' && f.field === 'value')!;
    expect(cards).toMatchObject({ before: 3182603, after: 3190000, delta: { direction: 'increase', change: 7397 } });
  });

  it('init creates a new workspace from the bundled catalogs', () => {
    const target = join(ws.dir, 'tinh-moi');
    const r = baocao(['init', target, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(target, 'catalog')).sort()).toEqual(['departments.yaml', 'indicators.yaml', 'models.yaml', 'sections.yaml', 'services-qd06.yaml', 'services-qd422.yaml', 'vocabularies.yaml']);
    expect(readdirSync(join(target, 'report'))).toEqual(['appendices.yaml']);
    expect(readFileSync(join(target, 'report.yaml'), 'utf8')).toContain('cutoffDay: 15');
    writeFileSync(join(target, 'x'), '');
    expect(baocao(['init', target]).code).toBe(2);
  });
});

describe('a department answers with its Excel form', () => {
  it('importing the whole form takes the "review" mark out: the return counts as submitted', () => {
    const w = tempWorkspace(SAMPLE);
    try {
      expect(baocao(['open', '--data', w.dir, '--month', '2024-10']).code).toBe(0);
      expect(w.read('2024-10/so-y-te.yaml')).toContain('review:');
      const r = baocao(['import', join(w.dir, '2024-10', 'bieu-mau', 'so-y-te.xlsx'), '--data', w.dir, '--month', '2024-10', '--json']);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(w.read('2024-10/so-y-te.yaml')).not.toContain('review:');
      const status = baocao(['status', '--data', w.dir, '--month', '2024-10', '--json']).json<{ departments: StatusRow[] }>();
      expect(status.departments.find((x) => x.id === 'so-y-te')!.status).toBe('submitted');
    } finally {
      w.dispose();
    }
  });
});
