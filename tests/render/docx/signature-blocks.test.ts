import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../../../src/model/report-model.js';
import { MODEL_SAMPLE } from '../../fixtures/model-sample.js';
import { cellsOfTableWith, parts, renderBytes } from './docx-parts.js';

const UBND: ReportModel = {
  ...MODEL_SAMPLE,
  header: {
    ...MODEL_SAMPLE.header,
    governingBody: [],
    issuingBody: ['Ủy ban nhân dân tỉnh Hòa Bình'],
    signer: { lines: ['TM. Ủy ban nhân dân', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Nguyễn Văn Chương' },
  },
};

describe('page 1 and the signature as data (Nghị định 30/2020, ô 2 and 7)', () => {
  it('prints a one-line issuer in bold capitals, centred, with nothing above it', async () => {
    const document = parts(await renderBytes(UBND))['word/document.xml'] ?? '';
    const [left = [], , number = []] = cellsOfTableWith(document, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    // the issuer (written in small letters: printed in capitals), then the rule under it, nothing else
    expect(left).toHaveLength(2);
    expect(left[0]).toEqual({ text: 'ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH', bold: true, italic: false, align: 'center', size: 26 });
    expect(left[1]?.text).toBe('');
    expect(number[0]?.text).toMatch(/^Số: +\/BC-UBND$/);
    expect(document).not.toContain('UBND TỈNH THANH HÓA');
  });

  it('prints a governing body over the issuing body: not bold over bold', async () => {
    const model: ReportModel = { ...MODEL_SAMPLE, header: { ...MODEL_SAMPLE.header, governingBody: ['UBND TỈNH THANH HÓA'], issuingBody: ['BAN CHỈ ĐẠO ĐỀ ÁN 06', 'TỈNH THANH HÓA'] } };
    const document = parts(await renderBytes(model))['word/document.xml'] ?? '';
    const [left = []] = cellsOfTableWith(document, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(left.slice(0, 3).map((p) => [p.text, p.bold, p.align])).toEqual([
      ['UBND TỈNH THANH HÓA', false, 'center'],
      ['BAN CHỈ ĐẠO ĐỀ ÁN 06', true, 'center'],
      ['TỈNH THANH HÓA', true, 'center'],
    ]);
  });

  it('prints a three-line KT. signature: each line its own bold, centred, capital paragraph, then the name in bold', async () => {
    const document = parts(await renderBytes(UBND))['word/document.xml'] ?? '';
    const [recipients = [], signature = []] = cellsOfTableWith(document, 'Nơi nhận:');
    expect(recipients[0]?.text).toBe('Nơi nhận:');
    const bold14 = { bold: true, italic: false, align: 'center', size: 28 };
    expect(signature.slice(0, 3)).toEqual([
      { text: 'TM. ỦY BAN NHÂN DÂN', ...bold14 },
      { text: 'KT. CHỦ TỊCH', ...bold14 },
      { text: 'PHÓ CHỦ TỊCH', ...bold14 },
    ]);
    // four blank lines for the signature and the seal, then the name
    expect(signature.slice(3, 7).map((p) => p.text)).toEqual(['', '', '', '']);
    expect(signature[7]).toEqual({ text: 'Nguyễn Văn Chương', ...bold14 });
    expect(signature).toHaveLength(8);
  });

  it('prints a one-line title the same way', async () => {
    const model: ReportModel = { ...MODEL_SAMPLE, header: { ...MODEL_SAMPLE.header, signer: { lines: ['TỔ TRƯỞNG'], name: 'Đỗ Minh Tuấn' } } };
    const document = parts(await renderBytes(model))['word/document.xml'] ?? '';
    const [, signature = []] = cellsOfTableWith(document, 'Nơi nhận:');
    expect(signature.filter((p) => p.text !== '').map((p) => [p.text, p.bold])).toEqual([
      ['TỔ TRƯỞNG', true],
      ['Đỗ Minh Tuấn', true],
    ]);
  });
});
