import { describe, expect, it } from 'vitest';
import type { Delta } from '../../../src/model/report-model.js';
import { HelperArgumentError } from '../../../src/render/template/helper-error.js';
import { HELPERS } from '../../../src/render/template/helpers.js';

const loc = { start: { line: 3, column: 4 } };
/** what a helper prints for a value it is given as null, when it is not told the path (a draft's marker) */
const MISSING = '[chưa có số liệu: giá trị]';
const call = (name: string, ...args: unknown[]) => HELPERS[name]!(...args, { name, hash: {}, loc });
const callHash = (name: string, hash: Record<string, unknown>, ...args: unknown[]) => HELPERS[name]!(...args, { name, hash, loc });

const up = (change: number): Delta => ({ direction: 'increase', change, previous: 0, previousMonth: '2024-08' });
const down = (change: number): Delta => ({ direction: 'decrease', change, previous: 0, previousMonth: '2024-08' });
const same: Delta = { direction: 'unchanged', change: 0, previous: 5, previousMonth: '2024-08' };
const none: Delta = { direction: 'no-previous', change: null, previous: null, previousMonth: null };

describe('formatting helpers', () => {
  it.each<[string, unknown[], string]>([
    ['so', [3182603], '3.182.603'],
    ['so', [7], '7'],
    ['so', [null], MISSING],
    ['count', [2], '02'],
    ['count', [0], '0'],
    ['count', [31598], '31.598'],
    ['count', [null], MISSING],
    ['pct', [0.2379], '23,79%'],
    ['pct', [1], '100%'],
    ['pct', [null], MISSING],
    ['date', ['2024-09-15'], '15/9/2024'],
    ['date', ['2024-01-01'], '01/01/2024'],
    ['date', [null], MISSING],
    ['dateLong', ['2025-02-05'], 'ngày 05 tháng 02 năm 2025'],
    ['month', ['2024-09'], '9/2024'],
    ['delta', [up(594), 'thẻ'], 'tăng 594 thẻ'],
    ['delta', [down(12), 'hồ sơ'], 'giảm 12 hồ sơ'],
    ['delta', [same, 'thẻ'], 'không thay đổi'],
    ['delta', [none, 'thẻ'], 'chưa có số liệu kỳ trước để so sánh'],
    ['delta', [up(2), 'cơ sở', up(5031), 'giấy chứng sinh'], 'tăng 02 cơ sở và 5.031 giấy chứng sinh'],
    ['delta', [same, 'cơ sở', up(14), 'giấy chứng tử'], 'tăng 14 giấy chứng tử'],
    ['delta', [up(2), 'cơ sở', down(3), 'giấy'], 'tăng 02 cơ sở, giảm 03 giấy'],
    ['delta', [same, 'cơ sở', same, 'giấy'], 'không thay đổi'],
    ['delta', [same, 'cơ sở', none, 'giấy'], 'chưa có số liệu kỳ trước để so sánh'],
  ])('%s %j → %s', (name, args, expected) => {
    expect(call(name, ...args)).toBe(expected);
  });
});

describe('narrative helpers', () => {
  const section = { items: ['Một.', '  Hai\ncó hai dòng.  ', ''] };
  it.each<[string, unknown[], string]>([
    ['items', [section], 'Một.\n\nHai\ncó hai dòng.'],
    ['inline', [section], 'Một. Hai có hai dòng.'],
    ['numbered', [section], '1. Một.\n\n2. Hai\ncó hai dòng.'],
    ['items', [{ items: [] }, 'Không phát sinh.'], 'Không phát sinh.'],
    ['inline', [{ items: [] }, 'Không phát sinh.'], 'Không phát sinh.'],
    ['numbered', [{ items: [] }], ''],
    ['items', [['a', 'b']], 'a\n\nb'],
  ])('%s %j', (name, args, expected) => {
    expect(call(name, ...args)).toBe(expected);
  });

  it('numbers from start=', () => {
    expect(callHash('numbered', { start: 5 }, { items: ['a', 'b'] })).toBe('5. a\n\n6. b');
  });

  it('passes data through untouched: "{{…}}" in a narrative is text', () => {
    expect(call('items', { items: ['{{constructor.constructor}}'] })).toBe('{{constructor.constructor}}');
  });
});

describe('wrong arguments are located errors', () => {
  it.each<[string, unknown[], RegExp]>([
    ['so', [{ value: 1 }], /"so" cần một số, nhận một nhóm trường/],
    ['so', ['12'], /"so" cần một số, nhận chữ "12"/],
    ['so', [undefined], /không có giá trị/],
    ['so', [1, 2], /cần đúng 1 giá trị/],
    ['pct', ['23,79%'], /"pct" cần một tỷ lệ/],
    ['date', ['15/9/2024'], /"date" cần một ngày/],
    ['delta', [up(1)], /từng cặp/],
    ['delta', [5, 'thẻ'], /cần một trường …delta/],
    ['delta', [up(1), 3], /đơn vị bằng chữ/],
    ['items', ['văn bản'], /"items" cần một mục lời văn/],
    ['inline', [{ items: [1] }], /cần một mục lời văn/],
    ['items', [{ items: [] }, 3], /câu thay thế/],
  ])('%s %j', (name, args, message) => {
    let thrown: unknown;
    try {
      call(name, ...args);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(HelperArgumentError);
    expect((thrown as HelperArgumentError).message).toMatch(message);
    expect((thrown as HelperArgumentError).loc).toEqual(loc);
  });
});
