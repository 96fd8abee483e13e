import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { monthOverMonth } from '../../../src/compute/delta.js';
import { inlineText } from '../../../src/markup/blocks.js';
import { parseMarkup } from '../../../src/markup/parse.js';
import type { Indicator, ReportModel } from '../../../src/model/report-model.js';
import { renderTexts, type Citations, type TemplateSources } from '../../../src/render/template/report-texts.js';
import { loadTemplates } from '../../../src/render/templates-load.js';
import { MODEL_SAMPLE } from '../../fixtures/model-sample.js';

/**
 * Every way the report compares a figure with last month, written by the shipped template's sentences
 * (templates/bao-cao.hbs) on a month whose figures are set case by case. The same table, word for word, is
 * docs/comparisons.md: a reviewer reads the phrasings there, and this test keeps the two the same.
 */

let templates: TemplateSources;
beforeAll(async () => {
  templates = await loadTemplates();
});

type Figure = { value: number | null; previous: number | null };

interface Case {
  readonly name: string;
  /** the report's month and the previous one's origin */
  readonly month?: string;
  readonly previousSource?: 'month' | 'baseline' | 'none';
  readonly figures: Readonly<Record<string, Figure>>;
  /** the start of the sentence the case is read from */
  readonly sentence: string;
  readonly expected: string;
  /** what the program tells besides the sentence */
  readonly told?: 'BC270' | 'BC271';
}

const CARDS = 'Số lượng CCCD được đồng bộ';
const BIRTHS = 'Kết quả từ ngày';
const ACCOUNTS = '+ Số đối tượng đã có tài khoản';
const DRIVERS = 'Toàn tỉnh, có';

export const CASES: readonly Case[] = [
  { name: 'tăng', figures: { 'bhyt-cccd-cards': { value: 3182603, previous: 3182009 } }, sentence: CARDS, expected: 'là 3.182.603 thẻ, tăng 594 thẻ so với tháng 8.' },
  { name: 'giảm', figures: { 'bhyt-cccd-cards': { value: 3181997, previous: 3182009 } }, sentence: CARDS, expected: 'là 3.181.997 thẻ, giảm 12 thẻ so với tháng 8.' },
  { name: 'không đổi', figures: { 'bhyt-cccd-cards': { value: 3182009, previous: 3182009 } }, sentence: CARDS, expected: 'là 3.182.009 thẻ, không thay đổi so với tháng 8.' },
  { name: 'tháng trước bằng 0', figures: { 'bhyt-cccd-cards': { value: 25, previous: 0 } }, sentence: CARDS, expected: 'là 25 thẻ, tăng 25 thẻ so với tháng 8.' },
  { name: 'tháng này bằng 0', figures: { 'bhyt-cccd-cards': { value: 0, previous: 12 } }, sentence: CARDS, expected: 'là 0 thẻ, giảm 12 thẻ so với tháng 8.' },
  {
    name: 'tháng trước không có số liệu này',
    figures: { 'bhyt-cccd-cards': { value: 3190115, previous: null } },
    sentence: CARDS,
    expected: 'là 3.190.115 thẻ.',
    told: 'BC271',
  },
  {
    name: 'tháng này không có số liệu (bản dự thảo)',
    figures: { 'bhyt-cccd-cards': { value: null, previous: 3182009 } },
    sentence: CARDS,
    expected: 'là [chưa có số liệu: CCCD đồng bộ với thẻ BHYT] thẻ.',
    told: 'BC270',
  },
  {
    name: 'số liệu báo cáo lần đầu (chưa có tháng trước)',
    previousSource: 'none',
    figures: { 'bhyt-cccd-cards': { value: 3190115, previous: null } },
    sentence: CARDS,
    expected: 'là 3.190.115 thẻ.',
  },
  {
    name: 'kỳ sang năm mới',
    month: '2025-01',
    figures: { 'bhyt-cccd-cards': { value: 3190709, previous: 3190115 } },
    sentence: CARDS,
    expected: 'là 3.190.709 thẻ, tăng 594 thẻ so với tháng 12/2024.',
  },
  {
    name: 'so với "tháng liền kề"',
    figures: { 'social-accounts': { value: 32654, previous: 29698 } },
    sentence: ACCOUNTS,
    expected: '32.654 người (tăng 2.956 người so với tháng liền kề. Trong đó:',
  },
  {
    name: '"tháng liền kề", tháng trước không có số liệu',
    figures: { 'social-accounts': { value: 32654, previous: null } },
    sentence: ACCOUNTS,
    expected: '32.654 người (Trong đó:',
    told: 'BC271',
  },
  {
    name: 'hai số cùng tăng',
    figures: { 'birth-cert-facilities': { value: 57, previous: 55 }, 'birth-certificates': { value: 31598, previous: 26567 } },
    sentence: BIRTHS,
    expected: '57 cơ sở y tế thực hiện liên thông 31.598 giấy chứng sinh (tăng 02 cơ sở và 5.031 giấy chứng sinh so với tháng liền kề);',
  },
  {
    name: 'hai số, một không đổi',
    figures: { 'birth-cert-facilities': { value: 57, previous: 57 }, 'birth-certificates': { value: 31598, previous: 26567 } },
    sentence: BIRTHS,
    expected: '57 cơ sở y tế thực hiện liên thông 31.598 giấy chứng sinh (tăng 5.031 giấy chứng sinh so với tháng liền kề);',
  },
  {
    name: 'hai số, một tăng một giảm',
    figures: { 'birth-cert-facilities': { value: 55, previous: 57 }, 'birth-certificates': { value: 31598, previous: 26567 } },
    sentence: BIRTHS,
    expected: '55 cơ sở y tế thực hiện liên thông 31.598 giấy chứng sinh (giảm 02 cơ sở, tăng 5.031 giấy chứng sinh so với tháng liền kề);',
  },
  {
    name: 'hai số cùng không đổi',
    figures: { 'birth-cert-facilities': { value: 57, previous: 57 }, 'birth-certificates': { value: 31598, previous: 31598 } },
    sentence: BIRTHS,
    expected: '57 cơ sở y tế thực hiện liên thông 31.598 giấy chứng sinh (không thay đổi so với tháng liền kề);',
  },
  {
    name: 'hai số, tháng trước thiếu một',
    figures: { 'birth-cert-facilities': { value: 57, previous: null }, 'birth-certificates': { value: 31598, previous: 26567 } },
    sentence: BIRTHS,
    expected: '57 cơ sở y tế thực hiện liên thông 31.598 giấy chứng sinh (tăng 5.031 giấy chứng sinh so với tháng liền kề);',
  },
  {
    name: 'số đếm bằng 0 trong câu',
    figures: { 'driver-health-certificates': { value: 0, previous: 8489 } },
    sentence: DRIVERS,
    expected: 'Trong tháng, chưa có giấy khám sức khỏe cho người lái xe nào được liên thông dữ liệu.',
  },
  {
    name: 'số đếm khác 0 trong câu',
    figures: { 'driver-health-certificates': { value: 8489, previous: 0 } },
    sentence: DRIVERS,
    expected: 'Trong tháng, đã cấp 8.489 giấy khám sức khỏe cho người lái xe được liên thông dữ liệu.',
  },
];

function monthParts(month: string) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { month, year: y, monthNumber: m };
}

function previousOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The sample month with the case's figures, their deltas computed as the program computes them. */
function modelFor(c: Case): ReportModel {
  const month = c.month ?? MODEL_SAMPLE.month;
  const source = c.previousSource ?? 'month';
  const prev = source === 'none' ? null : previousOf(month);
  const indicators: Record<string, Indicator> = { ...MODEL_SAMPLE.indicators };
  for (const [id, f] of Object.entries(c.figures)) {
    const ind = indicators[id]!;
    indicators[id] = { ...ind, value: f.value, delta: monthOverMonth(f.value, f.previous, prev) };
  }
  return {
    ...MODEL_SAMPLE,
    ...monthParts(month),
    previous: { ...monthParts(prev ?? previousOf(month)), source },
    indicators,
  };
}

function run(c: Case): { paragraph: string; citations: Citations } {
  const r = renderTexts(modelFor(c), templates);
  if ('diagnostics' in r) throw new Error(JSON.stringify(r.diagnostics));
  const paragraphs = parseMarkup(r.texts.body, { footnoteIds: MODEL_SAMPLE.footnotes.map((f) => f.id) }).blocks.map((b) => inlineText(b.inlines));
  const paragraph = paragraphs.find((p) => p.includes(c.sentence)) ?? '';
  return { paragraph, citations: r.citations };
}

describe('the comparisons with last month, as the report writes them', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { paragraph, citations } = run(c);
    expect(paragraph).toContain(c.expected);
    expect(paragraph).not.toMatch(/so sánh so với|chưa có số liệu kỳ trước|đã cấp 0 /);
    const told = citations.gaps.length ? 'BC270' : citations.missedComparisons.length ? 'BC271' : undefined;
    expect(told).toBe(c.told);
  });

  it('are tabled word for word in docs/comparisons.md', () => {
    const doc = readFileSync(new URL('../../../docs/comparisons.md', import.meta.url), 'utf8');
    for (const c of CASES) {
      const row = doc.split('\n').find((l) => l.startsWith(`| ${c.name} |`));
      expect(row, c.name).toBeDefined();
      expect(row).toContain(`\`${c.expected}\``);
      if (c.told) expect(row).toContain(c.told);
    }
  });
});
