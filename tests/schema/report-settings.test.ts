import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ReportSettingsFile } from '../../src/schema/report-settings.js';
import { loadYamlFile } from '../../src/workspace/load.js';
import { lineOf } from '../helpers/workspace.js';

const dir = mkdtempSync(join(tmpdir(), 'baocao-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const REST = `symbol: BC-UBND
place: Hòa Bình
issuerName: Ủy ban nhân dân tỉnh Hòa Bình
addressee: Tổ công tác Đề án 06 của Chính phủ
secretariat: van-phong-ubnd
recipients:
  - Văn phòng Chính phủ (để báo cáo)
archive: VT
period: { cutoffDay: 15 }
`;

let n = 0;
async function read(text: string) {
  const file = join(dir, `report-${++n}.yaml`);
  writeFileSync(file, text);
  const r = await loadYamlFile(file, 'report.yaml', ReportSettingsFile);
  return { value: r.loaded?.value, diagnostics: r.diagnostics.map((d) => ({ code: d.code, line: d.line, message: d.message })) };
}

describe('report.yaml: the issuer and the signature', () => {
  it('reads the earlier signer { authority, position, name } as its two lines', async () => {
    const r = await read(`province: Thanh Hóa
governingBody: UBND TỈNH THANH HÓA
issuingBody: TỔ CÔNG TÁC ĐỀ ÁN 06
signer: { authority: TỔ TRƯỞNG, position: CHỦ TỊCH UBND TỈNH, name: Đỗ Minh Tuấn }
${REST}`);
    expect(r.diagnostics).toEqual([]);
    expect(r.value?.governingBody).toEqual(['UBND TỈNH THANH HÓA']);
    expect(r.value?.issuingBody).toEqual(['TỔ CÔNG TÁC ĐỀ ÁN 06']);
    expect(r.value?.signer).toEqual({ lines: ['TỔ TRƯỞNG', 'CHỦ TỊCH UBND TỈNH'], name: 'Đỗ Minh Tuấn' });
  });

  it('reads a one-line issuer and a list of authority lines', async () => {
    const r = await read(`province: Hòa Bình
issuingBody: ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH
signer:
  authority: [TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH]
  name: Nguyễn Văn Chương
${REST}`);
    expect(r.diagnostics).toEqual([]);
    expect(r.value?.governingBody).toEqual([]);
    expect(r.value?.issuingBody).toEqual(['ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH']);
    expect(r.value?.signer).toEqual({ lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Nguyễn Văn Chương' });
  });

  it('reads an issuing body over two lines and a single title', async () => {
    const r = await read(`province: Hòa Bình
governingBody: UBND TỈNH HÒA BÌNH
issuingBody:
  - BAN CHỈ ĐẠO ĐỀ ÁN 06
  - TỈNH HÒA BÌNH
signer: { authority: [TM. BAN CHỈ ĐẠO, TRƯỞNG BAN], name: Bùi Văn Khánh }
${REST}`);
    expect(r.diagnostics).toEqual([]);
    expect(r.value?.issuingBody).toEqual(['BAN CHỈ ĐẠO ĐỀ ÁN 06', 'TỈNH HÒA BÌNH']);
    expect(r.value?.signer.lines).toEqual(['TM. BAN CHỈ ĐẠO', 'TRƯỞNG BAN']);
  });

  it('refuses a line break inside a printed line, at its line (BC114)', async () => {
    const text = `province: Hòa Bình
issuingBody: ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH
signer:
  authority: |
    TM. ỦY BAN NHÂN DÂN
    CHỦ TỊCH
  name: Nguyễn Văn Chương
${REST}`;
    const r = await read(text);
    expect(r.value).toBeUndefined();
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'BC114', line: lineOf(text, 'authority: |') });
    expect(r.diagnostics[0]?.message).toContain('mỗi dòng viết thành một phần tử của danh sách');
  });

  it('refuses a line break in an item of a list too, naming the item', async () => {
    const text = `province: Hòa Bình
issuingBody:
  - "BAN CHỈ ĐẠO\\nĐỀ ÁN 06"
signer: { authority: TỔ TRƯỞNG, name: A }
${REST}`;
    const r = await read(text);
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'BC114', line: 3 })]);
  });

  it('refuses a blank field the report cannot do without, at its line (BC115)', async () => {
    const text = `province: ""
governingBody: ""
issuingBody: []
signer:
  authority: [TM. ỦY BAN NHÂN DÂN, ""]
  name:
${REST}`;
    const r = await read(text);
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['BC115', 1],
      ['BC115', 2],
      ['BC115', 3],
      ['BC115', 5],
      ['BC115', 6],
    ]);
    expect(r.diagnostics[0]?.message).toBe('chưa điền tên tỉnh (province)');
    expect(r.diagnostics[1]?.message).toContain('xóa dòng này');
  });

  it('keeps a blank number and date (unsigned) and refuses an unknown key of the signer', async () => {
    const text = `province: Hòa Bình
issuingBody: ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH
number: ""
issueDate: ""
signer: { authority: TỔ TRƯỞNG, name: A, title: B }
${REST}`;
    const r = await read(text);
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'BC111', line: 5 })]);
  });
});
