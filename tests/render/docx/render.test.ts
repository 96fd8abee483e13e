import { describe, expect, it } from 'vitest';
import { stampZip } from '../../../src/render/docx/package.js';
import { renderReportDocx } from '../../../src/render/docx/render.js';
import { loadTemplates } from '../../../src/render/templates-load.js';
import { MODEL_SAMPLE } from '../../fixtures/model-sample.js';
import { parts, renderBytes, zipEntryTimes } from './docx-parts.js';

describe('determinism', () => {
  it('gives byte-identical files for the same model', async () => {
    const first = await renderBytes(MODEL_SAMPLE);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // let the clock move past a zip time unit
    const second = await renderBytes(MODEL_SAMPLE);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('refuses to stamp what is not a zip file', () => {
    expect(() => stampZip(new Uint8Array(40), new Date(0))).toThrow(/not a zip/);
  });

  it('dates the document at the end of the period by default, or at createdAt', async () => {
    const byDefault = await renderBytes(MODEL_SAMPLE);
    expect(parts(byDefault)['docProps/core.xml']).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-09-15T00:00:00Z</dcterms:created>');
    expect(new Set(zipEntryTimes(byDefault))).toEqual(new Set(['2024-09-15T00:00:00.000Z']));

    const at = new Date('2024-09-20T08:30:10Z');
    const given = await renderBytes(MODEL_SAMPLE, { createdAt: at });
    const core = parts(given)['docProps/core.xml'] ?? '';
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-09-20T08:30:10Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2024-09-20T08:30:10Z</dcterms:modified>');
    expect(core).toContain('<dc:creator>Tổ công tác Đề án 06 tỉnh Thanh Hóa</dc:creator>');
    expect(new Set(zipEntryTimes(given))).toEqual(new Set([at.toISOString()]));
    // only the core properties differ
    const a = parts(byDefault);
    const b = parts(given);
    expect(Object.keys(b).filter((k) => a[k] !== b[k])).toEqual(['docProps/core.xml']);
  });
});

describe('the package', () => {
  it('holds the body, the footnotes and a header with the page number per section', async () => {
    const p = parts(await renderBytes(MODEL_SAMPLE));
    const document = p['word/document.xml'] ?? '';
    expect(document.match(/<w:sectPr>/g)).toHaveLength(4);
    expect(document.match(/w:orient="landscape"/g)).toHaveLength(3);
    expect(document.match(/<w:footnoteReference w:id="\d+"\/>/g)).toEqual([
      '<w:footnoteReference w:id="1"/>',
      '<w:footnoteReference w:id="2"/>',
    ]);
    const notes = p['word/footnotes.xml'] ?? '';
    expect(notes).toContain('(1) Công văn số 11948/UBND-KSTTHCNC');
    expect(notes).toContain('Thành viên Tổ công tác Đề án 06 tỉnh được kiện toàn');
    // the separators as Word writes them: the mark alone, no reference-mark run; numbered notes keep theirs
    for (const [part, note] of [['word/footnotes.xml', 'footnote'], ['word/endnotes.xml', 'endnote']] as const) {
      const xml = p[part] ?? '';
      for (const type of ['separator', 'continuationSeparator']) {
        const block = new RegExp(`<w:${note} w:type="${type}" w:id="-?\\d+"><w:p>(?:<w:pPr>(?:(?!</w:pPr>).)*</w:pPr>)?<w:r><w:${type}/></w:r></w:p></w:${note}>`);
        expect(xml, `${part}: the ${type}`).toMatch(block);
      }
      expect(xml.match(new RegExp(`<w:${note}Ref/>`, 'g'))?.length ?? 0).toBe(part === 'word/footnotes.xml' ? 2 : 0);
    }
    const headers = Object.keys(p).filter((k) => /^word\/header\d+\.xml$/.test(k));
    expect(headers.filter((k) => (p[k] ?? '').includes('PAGE'))).toHaveLength(4);
  });

  it('marks every page of a draft and lists its open problems on a last section', async () => {
    const problems = [
      { department: 'Sở Y tế', where: 'data/2024-10/so-y-te.yaml:12:5', message: 'BC210: số hồ sơ trực tuyến lớn hơn tổng số', severity: 'error' as const },
      { department: 'Công an tỉnh', where: '', message: 'chưa gửi báo cáo', severity: 'error' as const },
    ];
    const p = parts(await renderBytes(MODEL_SAMPLE, { draft: { problems } }));
    const headers = Object.entries(p).filter(([k]) => /^word\/header\d+\.xml$/.test(k));
    // every header of every section (first pages and the others) carries the mark
    expect(headers.length).toBeGreaterThanOrEqual(10);
    expect(headers.every(([, v]) => v.includes('DỰ THẢO'))).toBe(true);
    const document = p['word/document.xml'] ?? '';
    expect(document).toContain('DANH SÁCH CÁC VẤN ĐỀ CÒN MỞ CỦA BẢN DỰ THẢO');
    expect(document).toContain('data/2024-10/so-y-te.yaml:12:5');
    expect(document).toContain('chưa gửi báo cáo');
    expect(document.match(/<w:sectPr/g)).toHaveLength(5);
  });

  it('an official report carries no draft mark', async () => {
    const p = parts(await renderBytes(MODEL_SAMPLE));
    expect(Object.values(p).some((v) => v.includes('DỰ THẢO'))).toBe(false);
  });

  it('strips characters XML forbids from the data', async () => {
    const model = {
      ...MODEL_SAMPLE,
      sections: {
        ...MODEL_SAMPLE.sections,
        'the-che': { ...MODEL_SAMPLE.sections['the-che']!, items: ['Tham gia\u0000 ý kiến\u0007 <b>&</b>'] },
      },
    };
    const document = parts(await renderBytes(model))['word/document.xml'] ?? '';
    expect(document).toContain('Tham gia ý kiến &lt;b&gt;&amp;&lt;/b&gt;');
    expect(document).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });
});

describe('problems come back as diagnostics', () => {
  it('a footnote call without a footnote', async () => {
    const model = {
      ...MODEL_SAMPLE,
      sections: {
        ...MODEL_SAMPLE.sections,
        'the-che': { ...MODEL_SAMPLE.sections['the-che']!, items: ['Xem văn bản[^khong-co].'] },
      },
    };
    const result = await renderReportDocx(model, await loadTemplates());
    expect(result).toEqual({
      diagnostics: [
        expect.objectContaining({
          severity: 'error',
          code: 'BC608',
          path: ['footnotes', 'khong-co'],
          message: expect.stringContaining('[^khong-co]'),
        }),
      ],
    });
  });

  it('a broken template', async () => {
    const templates = { ...(await loadTemplates()), 'trich-yeu': { file: 'templates/trich-yeu.hbs', text: '\n{{header.tinh}}' } };
    const result = await renderReportDocx(MODEL_SAMPLE, templates);
    expect(result).toEqual({
      diagnostics: [expect.objectContaining({ code: 'BC603', file: 'templates/trich-yeu.hbs', line: 2 })],
    });
  });
});
