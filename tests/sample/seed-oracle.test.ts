import { beforeAll, describe, expect, it } from 'vitest';
import { checkMonth } from '../../src/pipeline/month.js';
import type { ReportModel, ServiceRow } from '../../src/model/report-model.js';
import { SAMPLE } from '../helpers/workspace.js';

/**
 * The seed (Thanh Hóa's report for 9/2024) is the oracle: every row of Phụ lục I and II keeps the seed's counts,
 * and its rate is online/total half-up to 2 decimals — where the seed printed another rate, ours wins
 * (docs/seed-corrections.md). These expectations are typed from the seed, not from data/.
 */

let model: ReportModel;
beforeAll(async () => {
  const r = await checkMonth(SAMPLE, 'data', '2024-09');
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  model = r.model!;
});

const rows = (t: ReportModel['qd06']) => t.groups.flatMap((g) => g.rows);

// [stt, connection, total, online, rate, onTime] as the seed prints them (rate: ours)
const PHU_LUC_I: [string, string, number | null, number | null, string, number | null][] = [
  ['1.', 'Đã kết nối', 172, 172, '100%', 172],
  ['2.', 'Đã kết nối', 229046, 59257, '25,87%', 59257],
  ['3.', 'Đã kết nối', 22046, 22005, '99,81%', 22005],
  ['4.', 'Đã kết nối', 2186, 2185, '99,95%', 2185],
  ['5.', 'Đã kết nối', 113, 112, '99,12%', 112],
  ['6.', 'Đã kết nối', 5929, 5929, '100%', 5929],
  ['7.', 'Đã kết nối', 8888, 8764, '98,6%', 8764],
  ['8.', 'Đã kết nối', 4959, 4378, '88,28%', 4378], // seed: 88,3%
  ['9.', 'Đã kết nối', 4681, 4637, '99,06%', 4637],
  ['10.', 'Đã kết nối', 1898, 1880, '99,05%', 1880], // seed: 99,06%
  ['11.', 'Đã kết nối', 1094, 1083, '98,99%', 1083], // seed: 99,06%
  ['12.', 'Đã kết nối', 4654, 4357, '93,62%', 4357],
  ['13.', 'Đã kết nối', 82, 82, '100%', 82],
  ['14.', 'Đã kết nối', 0, 0, '', 0], // seed: 0
  ['15.', 'Đã thực hiện', 4484, 4484, '100%', 4484],
  ['16.', 'Đã thực hiện', 252, 252, '100%', 252],
  ['17.', 'Đã kết nối', 957, 2, '0,21%', 2], // seed: 0,2%
  ['18.', 'Đã kết nối', 3741, 3726, '99,6%', 3726], // seed: 99,59%
  ['19.', 'Đã kết nối', null, null, '', null],
  ['20.', 'Đã kết nối', 2244, 1944, '86,63%', 1944],
  ['21.', 'Đã kết nối', null, null, '', null],
  ['22.', 'Đã kết nối', 3909, 3209, '82,09%', 3209], // seed: 77,49%
  ['23.', 'Đã kết nối', 1969, 203, '10,31%', 203],
  ['24.', 'Đã kết nối', 927, 927, '100%', 927],
  ['25.', 'Đã kết nối', 22, 22, '100%', 22],
];

describe('Phụ lục I: the 25 essential services', () => {
  it('has the 25 rows in order', () => expect(rows(model.qd06).map((r) => r.stt)).toEqual(PHU_LUC_I.map((r) => r[0])));
  it.each(PHU_LUC_I)('row %s', (stt, connection, total, online, rate, onTime) => {
    const r = rows(model.qd06).find((x) => x.stt === stt)!;
    expect([r.connectionLabel, r.total, r.online, r.rateText, r.onTime]).toEqual([connection, total, online, rate, onTime]);
  });
});

// [stt, connection, total, online, rate] ; parts listed after their row
const PHU_LUC_II: [string, string, number | null, number | null, string][] = [
  ['1', 'Đã kết nối', 220, 220, '100%'],
  ['2', 'Đã kết nối', null, null, ''],
  ['3', 'Đã kết nối', 1455, 6, '0,41%'],
  ['4', 'Đã kết nối', 957, 2, '0,21%'],
  ['5', 'Đã kết nối', null, null, ''],
  ['6', '', null, null, ''],
  ['7', 'Chưa kết nối', 2335, 2335, '100%'],
  ['8', 'Chưa kết nối', null, null, ''],
  ['9', 'Đã kết nối', null, null, ''],
  ['10', 'Chưa kết nối', null, null, ''],
  ['11', 'Chưa kết nối', null, null, ''],
  ['12', 'Đã kết nối', null, null, ''],
  ['13', 'Chưa kết nối', null, null, ''],
  ['14', 'Chưa kết nối', null, null, ''],
  ['15', 'Đã kết nối', 3173, 3, '0,09%'],
  ['16', 'Chưa kết nối', null, null, ''],
  ['17', 'Đã kết nối', null, null, ''],
  ['18', 'Chưa kết nối', null, null, ''],
  ['19', 'Đã kết nối', null, null, ''],
  ['20', 'Chưa kết nối', null, null, ''],
  ['21', 'Chưa kết nối', null, null, ''],
  ['22', 'Chưa kết nối', 5, 5, '100%'],
];

describe('Phụ lục II: the 22 locally deployed services of QĐ 422', () => {
  it('has groups I (1–16) and II (17–22)', () => {
    expect(model.qd422.groups.map((g) => [g.id, g.rows.length])).toEqual([
      ['I', 16],
      ['II', 6],
    ]);
  });
  it.each(PHU_LUC_II)('row %s', (stt, connection, total, online, rate) => {
    const r = rows(model.qd422).find((x) => x.stt === stt)!;
    expect([r.connectionLabel, r.total, r.online, r.rateText]).toEqual([connection, total, online, rate]);
  });
  it('item 5 has its two sub-rows (seed prints 5,46% for the second; 7/128 is 5,47%)', () => {
    const r = rows(model.qd422).find((x) => x.stt === '5') as ServiceRow;
    expect(r.parts.map((p) => [p.total, p.online, p.rateText, p.onTime])).toEqual([
      [176, 33, '18,75%', 33],
      [128, 7, '5,47%', 7],
    ]);
  });
  it('item 6 has its five sub-rows, all connected', () => {
    const r = rows(model.qd422).find((x) => x.stt === '6') as ServiceRow;
    expect(r.parts.map((p) => [p.connectionLabel, p.total, p.online, p.rateText])).toEqual([
      ['Đã kết nối', 24, 24, '100%'],
      ['Đã kết nối', 0, 0, ''],
      ['Đã kết nối', 6, 6, '100%'],
      ['Đã kết nối', 0, 0, ''],
      ['Đã kết nối', 7, 7, '100%'],
    ]);
  });
  it('counts 11 of the 22 services connected, of 28 in the decision ("11/22")', () => {
    expect(model.qd422.counts.services).toBe(22);
    expect(model.qd422.counts.connected).toBe(11);
    expect(model.qd422.nationalTotal).toBe(28);
  });
});

describe('Phụ lục III: 36 models in 5 groups', () => {
  it('lists every model once, in the seed order, with computed group counts', () => {
    expect(model.models.groups.map((g) => [g.id, g.count])).toEqual([
      ['I', 3],
      ['II', 12],
      ['III', 11],
      ['IV', 3], // seed heading says 02 but lists three
      ['V', 7],
    ]);
    const numbers = model.models.groups.flatMap((g) => g.rows.map((r) => r.number));
    expect(numbers).toEqual([1, 3, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 17, 18, 20, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44]);
    expect(model.models.groups.flatMap((g) => g.rows.map((r) => r.stt))).toEqual(Array.from({ length: 36 }, (_, i) => i + 1));
    expect(model.models.counts.models).toBe(36);
  });
});

describe('the body’s figures', () => {
  it.each([
    ['bhyt-cccd-cards', 3182603, 'increase', 594],
    ['social-accounts', 32654, 'increase', 2956],
    ['social-cashless-payments', 21275, 'increase', 3100],
    ['pension-cashless', 39102, 'increase', 12485],
    ['birth-cert-facilities', 57, 'increase', 2],
    ['birth-certificates', 31598, 'increase', 5031],
    ['death-certificates', 258, 'increase', 14],
  ])('%s = %d, %s %d against August', (id, value, direction, change) => {
    const i = model.indicators[id]!;
    expect([i.value, i.delta.direction, i.delta.change, i.delta.previousMonth]).toEqual([value, direction, change, '2024-08']);
  });
  it.each([
    ['pension-cashless', '39102/164331', '23,79%'], // seed prints 23,03%
    ['bhyt-cccd-lookups', '346363/398168', '86,99%'], // seed prints 87%
    ['insurance-data-verified', '3234468/3264683', '99,07%'],
    ['tax-ids-reviewed', '2339462/2371256', '98,66%'], // seed prints 99%
    ['bhyt-facilities-lookup', '676/683', '98,98%'],
  ])('%s: %s → %s', (id, fraction, rate) => {
    const i = model.indicators[id]!;
    expect(`${i.value}/${i.total}`).toBe(fraction);
    expect(i.rateText).toBe(rate);
  });
  it('derives what the seed states as a remainder: 31.794 tax records still under review (1,34%)', () => {
    expect([model.indicators['tax-ids-reviewed']!.remaining, model.indicators['tax-ids-reviewed']!.remainingRateText]).toEqual([31794, '1,34%']);
  });
  it('CCCD applications add up by age group', () => {
    const i = model.indicators['cccd-applications']!;
    expect([i.value, i.parts['age-0-6']!.value, i.parts['age-6-14']!.value, i.parts['age-over-14']!.value]).toEqual([395015, 229046, 139335, 26634]);
  });
  it('the period runs 16/8–15/9/2024 and the next month is 10/2024', () => {
    expect(model.period).toEqual({ from: '2024-08-16', to: '2024-09-15', cutoffDay: 15 });
    expect([model.next.monthNumber, model.next.year]).toEqual([10, 2024]);
  });
});
