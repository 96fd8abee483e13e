import { describe, expect, it } from 'vitest';
import { inlineText, type Block } from '../../src/markup/blocks.js';
import { cleanText } from '../../src/markup/clean-text.js';
import { DISABLED_CONSTRUCTS, footnoteKey, parseMarkup } from '../../src/markup/parse.js';

const text = (t: string, bold = false, italic = false) => ({ kind: 'text', text: t, bold, italic }) as const;
const para = (...inlines: Block['inlines']) => ({ kind: 'paragraph', inlines }) as const;

describe('parseMarkup: blocks', () => {
  it.each<[string, string, Block[]]>([
    ['level-1 heading', '# I. CÔNG TÁC THAM MƯU', [{ kind: 'heading', level: 1, inlines: [text('I. CÔNG TÁC THAM MƯU')] }]],
    ['level-2 heading', '## 1. Công tác tuyên truyền', [{ kind: 'heading', level: 2, inlines: [text('1. Công tác tuyên truyền')] }]],
    ['level-3 heading', '### 4.1. Lĩnh vực Y tế', [{ kind: 'heading', level: 3, inlines: [text('4.1. Lĩnh vực Y tế')] }]],
    ['deeper headings count as level 3', '#### a) Chi tiết', [{ kind: 'heading', level: 3, inlines: [text('a) Chi tiết')] }]],
    ['"- " stays a paragraph', '- Tiếp tục tuyên truyền', [para(text('- Tiếp tục tuyên truyền'))]],
    ['"+ " stays a paragraph', '+ Về dữ liệu thuế: 99%', [para(text('+ Về dữ liệu thuế: 99%'))]],
    ['"1. " stays a paragraph', '1. Tiếp tục thực hiện', [para(text('1. Tiếp tục thực hiện'))]],
    ['"* " stays text', '* Công an tỉnh', [para(text('* Công an tỉnh'))]],
    ['blank lines separate paragraphs', 'Một.\n\nHai.', [para(text('Một.')), para(text('Hai.'))]],
    ['a line break inside a paragraph is a space', 'Một dòng\nnối tiếp', [para(text('Một dòng nối tiếp'))]],
    ['indented text is not code', '    thụt lề bốn khoảng', [para(text('thụt lề bốn khoảng'))]],
    ['fences are text', '```\nx\n```', [para(text('``` x ```'))]],
    ['"---" under a line is not a heading', 'Dòng\n---', [para(text('Dòng ---'))]],
    ['"---" alone is not a rule', '---', [para(text('---'))]],
    ['"> " is not a quote', '> trích', [para(text('> trích'))]],
    ['empty markup', '', []],
  ])('%s', (_, source, expected) => {
    expect(parseMarkup(source).blocks).toEqual(expected);
  });
});

describe('parseMarkup: emphasis and literal text', () => {
  it.each<[string, string, Block['inlines']]>([
    ['bold', 'a **đậm** b', [text('a '), text('đậm', true), text(' b')]],
    ['italic', 'a *nghiêng* b', [text('a '), text('nghiêng', false, true), text(' b')]],
    ['bold italic title', '***4.1. Ngân hàng:*** Không phát sinh.', [text('4.1. Ngân hàng:', true, true), text(' Không phát sinh.')]],
    ['HTML stays literal', 'chữ <b>đậm</b> &amp; &#65;', [text('chữ <b>đậm</b> &amp; &#65;')]],
    ['Handlebars in data stays literal', 'giá trị {{constructor.constructor}} {{> x}}', [text('giá trị {{constructor.constructor}} {{> x}}')]],
    ['links and images stay literal', '[nhãn](http://a) <http://b> ![ảnh](c)', [text('[nhãn](http://a) <http://b> ![ảnh](c)')]],
    ['backticks stay literal', 'mã `x`', [text('mã `x`')]],
    ['backslash escapes an asterisk', 'hệ số 2\\*3', [text('hệ số 2*3')]],
    ['a trailing backslash stays', 'cuối dòng\\\ntiếp', [text('cuối dòng\\ tiếp')]],
  ])('%s', (_, source, expected) => {
    const [block] = parseMarkup(source).blocks;
    expect(block?.inlines).toEqual(expected);
  });
});

describe('parseMarkup: footnotes', () => {
  it('resolves a call to a footnote defined outside the markup (the model)', () => {
    const doc = parseMarkup('được giao[^vb-chi-dao]. Ngoài ra', { footnoteIds: ['vb-chi-dao'] });
    expect(doc.blocks).toEqual([para(text('được giao'), { kind: 'footnote', id: 'vb-chi-dao' }, text('. Ngoài ra'))]);
    expect(doc.undefinedCalls).toEqual([]);
    expect(doc.definitions.size).toBe(0);
  });

  it('reads definitions written in the markup, with emphasis, and keeps them out of the blocks', () => {
    const doc = parseMarkup('Văn bản[^a].\n\n[^a]: Công văn **số 1**.');
    expect(doc.blocks).toEqual([para(text('Văn bản'), { kind: 'footnote', id: 'a' }, text('.'))]);
    expect(doc.definitions.get('a')).toEqual([para(text('Công văn '), text('số 1', true), text('.'))]);
  });

  it('reports calls without a definition and leaves them in the text', () => {
    const doc = parseMarkup('xem[^khong-co] và [^Khac]');
    expect(doc.undefinedCalls).toEqual(['khong-co', 'khac']);
    expect(inlineText(doc.blocks[0]?.inlines ?? [])).toBe('xem[^khong-co] và [^Khac]');
  });

  it('matches ids without regard to case', () => {
    const doc = parseMarkup('a[^VB-Chi-Dao]', { footnoteIds: ['vb-chi-dao'] });
    expect(doc.blocks[0]?.inlines[1]).toEqual({ kind: 'footnote', id: 'vb-chi-dao' });
    expect(footnoteKey(' VB-Chi-Dao ')).toBe('vb-chi-dao');
  });
});

describe('cleanText', () => {
  it.each([
    ['control characters are removed', 'a\u0000b\u0007c\u000bd\u001fe\u007ff', 'abcdef'],
    ['tab and newline are kept, CRLF becomes LF', 'a\tb\r\nc\rd', 'a\tb\nc\nd'],
    ['lone surrogates and U+FFFE/FFFF are removed', 'a\ud800b\udc00c\ufffe\uffff', 'abc'],
    ['pairs are kept', 'a😀b', 'a😀b'],
    ['decomposed Vietnamese is composed (NFC)', 'Thanh Ho\u0061\u0301', 'Thanh Hoá'],
  ])('%s', (_, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it('applies before parsing', () => {
    expect(parseMarkup('Ho\u0061\u0301\u0001 a').blocks).toEqual([para(text('Hoá a'))]);
  });

  it('lists the constructs switched off', () => {
    expect(DISABLED_CONSTRUCTS).toEqual(expect.arrayContaining(['list', 'htmlText', 'labelStartLink', 'characterReference']));
  });
});
