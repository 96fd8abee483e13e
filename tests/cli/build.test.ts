import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baocao } from '../helpers/cli.js';
import { hasSoffice, pdfPages, sofficeRequired } from '../helpers/pdf.js';
import { SAMPLE, tempWorkspace } from '../helpers/workspace.js';

const work = mkdtempSync(join(tmpdir(), 'baocao-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

interface Manifest {
  month: string;
  outputs: { format: string; path: string }[];
  diagnostics: { code: string; severity: string }[];
}

describe('baocao build of the bundled month', () => {
  it('with no options builds the latest month of ./data into out/YYYY-MM', () => {
    const cwd = mkdtempSync(join(work, 'cwd-'));
    cpSync(SAMPLE, join(cwd, 'data'), { recursive: true });
    const r = baocao(['build'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(cwd, 'out', '2024-09', 'bao-cao-de-an-06-2024-09.docx'))).toBe(true);
    expect(r.stdout).toContain('Đã lập báo cáo tháng 2024-09');
  });

  it('prints a manifest with --json', () => {
    const out = join(work, 'manifest');
    const r = baocao(['build', '--month', '2024-09', '--format', 'docx', '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const m = r.json<Manifest>();
    expect(m.month).toBe('2024-09');
    expect(m.outputs).toEqual([{ format: 'docx', path: join(out, 'bao-cao-de-an-06-2024-09.docx') }]);
    expect(m.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('gives byte-identical files on two builds (and honours SOURCE_DATE_EPOCH)', () => {
    const a = join(work, 'repro-a');
    const b = join(work, 'repro-b');
    expect(baocao(['build', '--month', '2024-09', '--out', a]).code).toBe(0);
    expect(baocao(['build', '--month', '2024-09', '--out', b]).code).toBe(0);
    const files = readdirSync(a).sort();
    expect(files.length).toBeGreaterThanOrEqual(1);
    for (const f of files) expect(sha(join(b, f)), f).toBe(sha(join(a, f)));
    const c = join(work, 'repro-c');
    expect(baocao(['build', '--month', '2024-09', '--out', c], { env: { SOURCE_DATE_EPOCH: '1727000000' } }).code).toBe(0);
    expect(sha(join(c, files[0]!))).not.toBe(sha(join(a, files[0]!)));
  });

  it('stops on data errors with exit 1 and writes nothing', () => {
    const ws = tempWorkspace(SAMPLE);
    try {
      ws.replace('2024-09/so-tu-phap.yaml', /online: (4\.637|4637)/, 'online: 4.682');
      const out = join(work, 'errors');
      const r = baocao(['build', '--data', ws.dir, '--month', '2024-09', '--out', out, '--json']);
      expect(r.code).toBe(1);
      expect(r.json<Manifest>().diagnostics.map((d) => d.code)).toContain('BC210');
      expect(existsSync(out)).toBe(false);
    } finally {
      ws.dispose();
    }
  });

  it('refuses an unknown format (exit 2)', () => {
    const r = baocao(['build', '--month', '2024-09', '--format', 'odt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('định dạng');
  });

  it('with the report open in Word (its ~$ owner file) exits 3, names the file and keeps the old one', () => {
    const out = join(work, 'locked');
    expect(baocao(['build', '--month', '2024-09', '--format', 'docx', '--out', out]).code).toBe(0);
    const target = join(out, 'bao-cao-de-an-06-2024-09.docx');
    writeFileSync(target, 'the report as last signed');
    writeFileSync(join(out, '~$o-cao-de-an-06-2024-09.docx'), 'owner');
    const r = baocao(['build', '--month', '2024-09', '--format', 'docx', '--out', out]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('BC007');
    expect(r.stderr).toContain('bao-cao-de-an-06-2024-09.docx');
    expect(readFileSync(target, 'utf8')).toBe('the report as last signed');
  });
});

describe.skipIf(!hasSoffice && !sofficeRequired)('the bundled report through LibreOffice (--pdf)', () => {
  it(
    'portrait body, landscape appendices, the seed’s sections and computed figures',
    () => {
      expect(hasSoffice, 'LibreOffice (soffice) is required in CI').toBe(true);
      const out = join(work, 'pdf');
      const r = baocao(['build', '--month', '2024-09', '--format', 'docx', '--pdf', '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      const pages = pdfPages(join(out, 'bao-cao-de-an-06-2024-09.pdf'));
      const first = pages.findIndex((p) => p.text.startsWith('Phụ lục I '));
      expect(first).toBeGreaterThan(4);
      expect(pages.slice(0, first).every((p) => p.width === 595 && p.height === 842)).toBe(true);
      expect(pages.slice(first).every((p) => p.width === 842 && p.height === 595)).toBe(true);
      const all = pages.map((p) => p.text).join(' ');
      for (const text of [
        'I. CÔNG TÁC THAM MƯU, CHỈ ĐẠO, TRIỂN KHAI',
        'II. KẾT QUẢ CỤ THỂ CÁC MẶT CÔNG TÁC',
        'III. NHẬN XÉT, ĐÁNH GIÁ, GIẢI PHÁP THỰC HIỆN',
        'IV. NHIỆM VỤ TRỌNG TÂM TRONG THÁNG 10/2024',
        'V. KIẾN NGHỊ, ĐỀ XUẤT',
        '3.182.603 thẻ, tăng 594 thẻ so với tháng 8',
        '39.102/164.331 người, đạt tỷ lệ 23,79%',
        'tăng 2.956 người so với tháng liền kề',
        'tăng 02 cơ sở và 5.031 giấy chứng sinh',
        '346.363/398.168 hồ sơ đề nghị thanh toán BHYT, chiếm tỷ lệ 86,99%',
        'TÌNH HÌNH TRIỂN KHAI 25 DỊCH VỤ CÔNG TRỰC TUYẾN THIẾT YẾU',
        '3.909 3.209 82,09%',
        '(22/28 dịch vụ công có triển khai tại địa phương; còn lại 06 DVC ở cấp Bộ)',
        '(03 MÔ HÌNH)',
        'Đỗ Minh Tuấn',
      ]) {
        expect(all).toContain(text);
      }
      for (const label of ['Phụ lục I ', 'Phụ lục II ', 'Phụ lục III ']) {
        expect(pages.filter((p) => p.text.startsWith(label))).toHaveLength(1);
      }
      // Phụ lục III lists all 36 models once each
      for (const n of [1, 3, 5, 6, 20, 24, 37, 44]) expect(all).toContain(`Mô hình ${n}:`);
      expect(all.match(/Mô hình \d+:/g)?.length).toBeGreaterThanOrEqual(36);
    },
    240_000,
  );
});
