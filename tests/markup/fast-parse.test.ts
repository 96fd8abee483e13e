import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/markup/clean-text.js';
import { parseMarkupFast } from '../../src/markup/fast-parse.js';
import { footnoteKey, parseWithMicromark } from '../../src/markup/parse.js';
import { renderTexts } from '../../src/render/template/report-texts.js';
import { loadTemplates } from '../../src/render/templates-load.js';
import { MODEL_SAMPLE } from '../fixtures/model-sample.js';

/** The fast markup reader must give exactly what micromark gives, or hand the text over (null). */

function same(source: string, ids: readonly string[] = []): 'fast' | 'handed over' {
  const text = cleanText(source);
  const fast = parseMarkupFast(text, new Set(ids.map(footnoteKey)));
  if (fast === null) return 'handed over';
  const slow = parseWithMicromark(text, ids);
  expect({ ...fast, definitions: [...fast.definitions] }, JSON.stringify(source)).toEqual({ ...slow, definitions: [...slow.definitions] });
  return 'fast';
}

describe('parseMarkupFast', () => {
  it("reads the sample report's body itself, as micromark does", async () => {
    const r = renderTexts(MODEL_SAMPLE, await loadTemplates());
    if (!('texts' in r)) throw new Error('templates');
    expect(same(r.texts.body, MODEL_SAMPLE.footnotes.map((f) => f.id))).toBe('fast');
  });

  it.each([
    ['headings and paragraphs', '# I. A\n\n## 1. B\nnối tiếp\n### 4.1. C\n#### d\n\nMột.\n\nHai dòng\nnối'],
    ['emphasis set off by spaces', 'a **đậm** b *nghiêng* c ***cả hai:*** d\n**7. Mục:** Không.'],
    ['emphasis across a line break', 'a **đậm\nhai dòng** b'],
    ['footnotes, defined and not', 'giao[^vb-chi-dao]. Xem[^khong-co] và [^Khac], [^VB-Chi-Dao]:'],
    ['literal text', '- gạch\n+ cộng\n1. số\n> trích\n---\n<b>x</b> &amp; `mã` ! ~ | = ( ) { } #5'],
    ['trailing spaces and blank lines with spaces', 'a   \nb  \n   \n\nc'],
  ])('%s', (_, source) => {
    expect(same(source, ['vb-chi-dao'])).toBe('fast');
  });

  it.each([
    ['a backslash', 'hệ số 2\\*3'],
    ['an underscore', 'tên_tệp'],
    ['a lone asterisk', '* Công an tỉnh'],
    ['emphasis before punctuation', '*x*.'],
    ['brackets', '[1] trích dẫn'],
    ['a footnote definition', 'a[^x]\n\n[^x]: định nghĩa'],
    ['indentation', '    thụt lề'],
    ['a closing heading sequence', '## Tiêu đề ##'],
    ['a tab', 'a\tb'],
  ])('hands over %s', (_, source) => {
    expect(same(source)).toBe('handed over');
  });

  it('agrees with micromark on generated markup', () => {
    const word = fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom('Đã', 'kết', 'nối', '4.1.', 'x:', '(chi tiết)', '99%', '<b>', '&amp;', '`mã`', '#5', '-', '+', '1.', '>', '!', 'C#', ':', ',', '.', 'é', '[^a]', '[^B]', '[^c]', '[^a]:') },
      { weight: 1, arbitrary: fc.constantFrom('\u00a0', 'a*b', '**', '*', '***', '![^a]', '[x]', ']', '_', '\\*', '[^a](x)') },
    );
    const piece = fc.oneof(
      { weight: 4, arbitrary: word },
      fc.tuple(fc.constantFrom('*', '**', '***'), fc.array(word, { minLength: 1, maxLength: 3 })).map(([d, ws]) => `${d}${ws.join(' ')}${d}`),
    );
    const sep = fc.constantFrom(' ', ' ', ' ', '', '\n', '  \n', '\n\n', '\n   \n');
    const line = fc.tuple(
      fc.oneof({ weight: 8, arbitrary: fc.constantFrom('', '# ', '## ', '### ', '#### ') }, { weight: 1, arbitrary: fc.constantFrom('####### ', '#', ' ', '    ', '[^a]: ') }),
      fc.array(fc.tuple(piece, sep), { minLength: 1, maxLength: 6 }),
    );
    let fast = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), (ls) => {
        const source = ls.map(([head, parts]) => head + parts.map(([p, s]) => p + s).join('')).join('\n');
        if (same(source, ['a', 'B']) === 'fast') fast++;
      }),
      { numRuns: 3000, seed: 4 },
    );
    expect(fast).toBeGreaterThan(400);
  });
});
