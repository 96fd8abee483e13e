import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEnvironment } from '../../../src/render/template/environment.js';
import { runTemplate } from '../../../src/render/template/run.js';

const context = {
  previous: { monthNumber: 8 },
  indicators: { 'bhyt-cccd-cards': { value: 3182603, total: null, parts: { a: { value: 1 } } } },
  sections: { x: { items: ['{{constructor.constructor}} <b>x</b>'] } },
  text: '{{indicators.bhyt-cccd-cards.value}}',
  empty: null,
};
const FILE = 'templates/thu.hbs';
const run = (text: string) => runTemplate(createEnvironment(), { file: FILE, text }, context);

afterEach(() => vi.restoreAllMocks());

describe('templates that work', () => {
  it.each([
    ['"-" in path segments', '{{so indicators.bhyt-cccd-cards.value}} thẻ', '3.182.603 thẻ'],
    ['a null value prints a marker naming it', '{{so indicators.bhyt-cccd-cards.total}}', '[chưa có số liệu: indicators.bhyt-cccd-cards.total]'],
    ['a null value is falsy in #if', '{{#if empty}}có{{else}}không{{/if}}', 'không'],
    ['#with and @root', '{{#with indicators.bhyt-cccd-cards}}{{count parts.a.value}}/{{@root.previous.monthNumber}}{{/with}}', '01/8'],
    ['#each over a list', '{{#each sections.x.items}}[{{@index}}]{{/each}}', '[0]'],
    ['length of a list', '{{sections.x.items.length}}', '1'],
    ['values from data are inserted, never compiled', '{{text}}', '{{indicators.bhyt-cccd-cards.value}}'],
    ['narrative markup from data is inserted as is', '{{items sections.x}}', '{{constructor.constructor}} <b>x</b>'],
    ['no HTML escaping', '{{items sections.x}}', '{{constructor.constructor}} <b>x</b>'],
  ])('%s', (_, text, expected) => {
    expect(run(text)).toEqual({ text: expected });
  });
});

describe('a template naming a field the model lacks fails with its location', () => {
  it.each([
    ['printed directly', 'dòng 1\ndòng 2\n  {{indicators.nope.value}}', 3, 5, '"indicators.nope.value" (không có "nope")'],
    ['given to a helper', 'a\n{{so indicators.bhyt-cccd-cards.valeu}}', 2, 6, '"indicators.bhyt-cccd-cards.valeu" (không có "valeu")'],
    ['a single name', '{{nothing}}', 1, 3, '"nothing"'],
    ['inside a block', '{{#if previous}}\n{{count previous.year}}\n{{/if}}', 2, 9, '"previous.year" (không có "year")'],
    ['inside #each', '{{#each sections.x.items}}{{so value}}{{/each}}', 1, 32, '"value"'],
    ['through a null value', '{{so empty.value}}', 1, 6, '"empty.value" (không có "value")'],
    ['a property of a number', '{{indicators.bhyt-cccd-cards.value.toFixed}}', 1, 3, '(không có "toFixed")'],
  ])('%s', (_, text, line, column, field) => {
    const result = run(text);
    expect(result).toEqual({
      diagnostics: [
        expect.objectContaining({ severity: 'error', code: 'BC603', file: FILE, line, column, message: expect.stringContaining(field) }),
      ],
    });
  });
});

describe('the prototype chain is out of reach', () => {
  it.each([
    '{{constructor.constructor}}',
    '{{constructor}}',
    '{{__proto__}}',
    '{{toString}}',
    '{{so constructor.constructor "return 1"}}',
    '{{#with constructor}}{{name}}{{/with}}',
    '{{indicators.__proto__.polluted}}',
    '{{sections.x.items.constructor.constructor}}',
  ])('%s fails cleanly, silently', (text) => {
    const spies = (['log', 'warn', 'error', 'info'] as const).map((m) => vi.spyOn(console, m).mockImplementation(() => undefined));
    const result = run(text);
    expect(result).toEqual({ diagnostics: [expect.objectContaining({ code: 'BC603', file: FILE, line: 1 })] });
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('other template errors', () => {
  it.each([
    ['syntax error', 'một\nhai {{#if x}}\nba', 'BC602', 3, /lỗi cú pháp/],
    ['unknown helper', 'a\n{{tinhTong 1 2}}', 'BC604', 2, /"tinhTong" không phải là hàm định dạng/],
    ['log is not available (console)', '{{log "x"}}', 'BC604', 1, /"log"/],
    ['lookup is not available (dynamic paths)', '{{lookup indicators "x"}}', 'BC604', 1, /"lookup"/],
    ['a helper given a whole object', '\n\n{{so indicators.bhyt-cccd-cards}}', 'BC605', 3, /"so" cần một số/],
    ['partials are not available', '{{> phan}}', 'BC606', 1, /mẫu con/],
  ])('%s', (_, text, code, line, message) => {
    const result = run(text);
    expect('diagnostics' in result).toBe(true);
    const [d] = 'diagnostics' in result ? result.diagnostics : [];
    expect(d).toMatchObject({ severity: 'error', code, file: FILE });
    expect(d?.line).toBe(line);
    expect(d?.message).toMatch(message);
  });
});
