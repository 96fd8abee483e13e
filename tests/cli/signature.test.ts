import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baocao } from '../helpers/cli.js';
import { SAMPLE, tempWorkspace } from '../helpers/workspace.js';
import { cellsOfTableWith, parts } from '../render/docx/docx-parts.js';

// the sample month, issued by the UBND itself and signed by a vice-chairman for the chairman
const ws = tempWorkspace(SAMPLE);
ws.replace('report.yaml', 'governingBody: UBND TỈNH THANH HÓA\nissuingBody: TỔ CÔNG TÁC ĐỀ ÁN 06\n', 'issuingBody: [ỦY BAN NHÂN DÂN, TỈNH THANH HÓA]\n');
ws.replace('report.yaml', /signer:\n(  .*\n){3}/, 'signer:\n  authority:\n    - TM. ỦY BAN NHÂN DÂN\n    - KT. CHỦ TỊCH\n    - PHÓ CHỦ TỊCH\n  name: Đầu Thanh Tùng\n');
afterAll(() => ws.dispose());

describe('report.yaml → the built report: issuer and signature lines', () => {
  it('prints each line written as its own paragraph', () => {
    const out = join(ws.dir, 'out');
    const r = baocao(['build', '--data', ws.dir, '--out', out, '--format', 'docx']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const document = parts(readFileSync(join(out, 'bao-cao-de-an-06-2024-09.docx')))['word/document.xml'] ?? '';
    const [issuer = []] = cellsOfTableWith(document, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(issuer.map((p) => [p.text, p.bold])).toEqual([
      ['ỦY BAN NHÂN DÂN', true],
      ['TỈNH THANH HÓA', true],
      ['', false],
    ]);
    const [, signature = []] = cellsOfTableWith(document, 'Nơi nhận:');
    expect(signature.filter((p) => p.text !== '').map((p) => [p.text, p.bold, p.align])).toEqual([
      ['TM. ỦY BAN NHÂN DÂN', true, 'center'],
      ['KT. CHỦ TỊCH', true, 'center'],
      ['PHÓ CHỦ TỊCH', true, 'center'],
      ['Đầu Thanh Tùng', true, 'center'],
    ]);
  });

  it('refuses an authority written over two lines of one value, at its line', () => {
    const w = tempWorkspace(SAMPLE);
    try {
      w.replace('report.yaml', '  authority: TỔ TRƯỞNG\n', '  authority: |\n    TM. ỦY BAN NHÂN DÂN\n    CHỦ TỊCH\n');
      const r = baocao(['validate', '--data', w.dir, '--json']);
      expect(r.code).toBe(1);
      const line = w.read('report.yaml').split('\n').findIndex((l) => l.startsWith('  authority: |')) + 1;
      expect(r.json<{ diagnostics: { code: string; file: string; line: number }[] }>().diagnostics).toEqual([
        expect.objectContaining({ code: 'BC114', file: join(w.dir, 'report.yaml'), line }),
      ]);
    } finally {
      w.dispose();
    }
  });
});
