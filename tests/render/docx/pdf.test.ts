import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MODEL_SAMPLE } from '../../fixtures/model-sample.js';
import { renderBytes } from './docx-parts.js';
import { hasSoffice, pdfPages, sofficeRequired } from '../../helpers/pdf.js';

/**
 * The real render: LibreOffice converts the .docx to PDF, and the PDF's pages and text are checked.
 * In CI LibreOffice must be there (the test fails without it); locally the test is skipped only when
 * `soffice` is not installed at all.
 */
const work = mkdtempSync(join(tmpdir(), 'baocao-pdf-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(command: string, args: string[], timeout = 30_000): void {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${r.error?.message ?? ''} ${r.stderr}`);
}

describe.skipIf(!hasSoffice && !sofficeRequired)('LibreOffice render of the sample report', () => {
  it(
    'has portrait body pages, landscape appendices and the expected text',
    async () => {
      expect(hasSoffice, 'LibreOffice (soffice) is required in CI').toBe(true);
      const docx = join(work, 'bao-cao.docx');
      writeFileSync(docx, await renderBytes(MODEL_SAMPLE));
      run(
        'soffice',
        [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, docx],
        120_000,
      );
      const pages = pdfPages(join(work, 'bao-cao.pdf'));

      const firstAppendix = pages.findIndex((p) => p.text.includes('Phụ lục I TÌNH HÌNH TRIỂN KHAI'));
      expect(firstAppendix).toBeGreaterThan(1);
      const body = pages.slice(0, firstAppendix);
      const appendices = pages.slice(firstAppendix);
      expect(body.every((p) => p.width === 595 && p.height === 842)).toBe(true);
      expect(appendices.every((p) => p.width === 842 && p.height === 595)).toBe(true);

      const all = pages.map((p) => p.text).join(' ');
      for (const text of [
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'BÁO CÁO Kết quả triển khai thực hiện Đề án 06 trên địa bàn tỉnh Thanh Hóa, trong tháng 9/2024',
        'là 3.182.603 thẻ, tăng 594 thẻ so với tháng 8',
        '39.102/164.331 người, đạt tỷ lệ 23,79%',
        'IV. NHIỆM VỤ TRỌNG TÂM TRONG THÁNG 10/2024',
        'TÌNH HÌNH TRIỂN KHAI 25 DỊCH VỤ CÔNG TRỰC TUYẾN THIẾT YẾU',
        'THEO QUYẾT ĐỊNH SỐ 422/QĐ-TTg NGÀY 04/4/2022 CỦA THỦ TƯỚNG CHÍNH PHỦ',
        'BÁO CÁO KẾT QUẢ TRIỂN KHAI MÔ HÌNH ĐỀ ÁN 06',
        '229.046 59.257 25,87%',
        'NHÓM TIỆN ÍCH PHỤC VỤ GIẢI QUYẾT TTHC VÀ CUNG CẤP DVC TRỰC TUYẾN (03 MÔ HÌNH)',
        'Đỗ Minh Tuấn',
      ]) {
        expect(all).toContain(text);
      }
      for (const label of ['Phụ lục I ', 'Phụ lục II ', 'Phụ lục III ']) {
        expect(appendices.filter((p) => p.text.startsWith(label))).toHaveLength(1);
      }
      // no number on the first page of the body or of an appendix; the others start with theirs
      expect(pages[0]?.text.startsWith('UBND TỈNH THANH HÓA')).toBe(true);
      expect(pages[1]?.text.startsWith('2 ')).toBe(true);
      for (const page of appendices.filter((p) => !p.text.startsWith('Phụ lục'))) {
        expect(page.text).toMatch(/^[2-9] /);
      }
    },
    180_000,
  );
});
