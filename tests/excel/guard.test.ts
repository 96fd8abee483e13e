import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, guardWorkbookBytes, readGuardedWorkbook } from '../../src/excel/guard.js';
import { formBytes, TempDir } from './helpers.js';
import { CONTENT_TYPES, makeZip, oleFile } from './zip-builder.js';

/** The guarded reader refuses, before exceljs sees them, files that are not .xlsx or are hostile. */

const tmp = new TempDir();
afterAll(() => tmp.dispose());

const MB = 1024 * 1024;
const xlsxParts = [
  { name: '[Content_Types].xml', data: CONTENT_TYPES },
  { name: 'xl/workbook.xml', data: '<workbook/>' },
];

const cases: [string, () => Uint8Array, string, RegExp][] = [
  ['a text file renamed .xlsx', () => new TextEncoder().encode('STT;Dịch vụ;Tổng\n1;Khai sinh;12\n'), 'BC401', /không phải là tệp Excel \.xlsx/],
  ['a PDF', () => new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n'), 'BC401', /PDF/],
  ['an empty file', () => new Uint8Array(0), 'BC401', /không phải là tệp Excel/],
  ['an Excel 97-2003 .xls (OLE)', () => oleFile(['Workbook', 'SummaryInformation']), 'BC402', /\.xls.*lưu lại dạng "Excel Workbook \(\*\.xlsx\)"/],
  ['a password-protected workbook (OLE holding EncryptionInfo)', () => oleFile(['EncryptionInfo', 'EncryptedPackage']), 'BC403', /mật khẩu/],
  ['a zip entry with the encryption flag', () => makeZip([...xlsxParts, { name: 'xl/worksheets/sheet1.xml', data: '<x/>', flags: 1 }]), 'BC403', /mật khẩu/],
  ['a truncated zip', () => makeZip(xlsxParts).subarray(0, 60), 'BC406', /bị hỏng/],
  ['a zip that is not a workbook', () => makeZip([{ name: 'readme.txt', data: 'hi' }]), 'BC401', /không phải là bảng tính/],
  ['a Word document', () => makeZip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: 'word/document.xml', data: '<w/>' }]), 'BC401', /Word/],
  ['an OpenDocument spreadsheet', () => makeZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 0 }, { name: 'content.xml', data: '<x/>' }]), 'BC407', /\.ods/],
  ['a binary workbook (.xlsb)', () => makeZip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: 'xl/workbook.bin', data: 'x' }]), 'BC407', /\.xlsb/],
  ['a zip bomb: absurd compression ratio', () => makeZip([...xlsxParts, { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(8 * MB) }]), 'BC405', /tỷ lệ nén bất thường/],
  ['a zip bomb: declared inflated size of 4 GB', () => makeZip([...xlsxParts, { name: 'xl/worksheets/sheet1.xml', data: '<x/>', declaredSize: 0xfffffffe }]), 'BC405', /quá lớn/],
  ['a zip bomb: directory lies about the inflated size', () => makeZip([...xlsxParts, { name: 'xl/sharedStrings.xml', data: new Uint8Array(600_000), declaredSize: 1000 }]), 'BC405', /lớn hơn kích thước khai báo/],
  ['too many entries', () => makeZip([...xlsxParts, ...Array.from({ length: DEFAULT_LIMITS.maxEntries }, (_, i) => ({ name: `xl/media/i${i}.bin`, data: 'x', method: 0 }))]), 'BC405', /quá nhiều thành phần/],
];

describe('guardWorkbookBytes refuses', () => {
  it.each(cases)('%s', async (_name, bytes, code, message) => {
    const r = await guardWorkbookBytes(bytes(), 'so-tu-phap.xlsx');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostic).toMatchObject({ severity: 'error', code, file: 'so-tu-phap.xlsx' });
    expect(r.diagnostic.message).toMatch(message);
  });
});

describe('guard on files', () => {
  it('accepts a real form', async () => {
    const path = tmp.write('ok.xlsx', await formBytes('so-tu-phap'));
    const r = await readGuardedWorkbook(path, 'ok.xlsx');
    expect(r.ok).toBe(true);
  });
  it('refuses a file over the size cap before reading it', async () => {
    const path = tmp.write('big.xlsx', await formBytes('so-tu-phap'));
    const r = await readGuardedWorkbook(path, 'big.xlsx', { ...DEFAULT_LIMITS, maxFileBytes: 4096 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostic).toMatchObject({ code: 'BC404', file: 'big.xlsx' });
  });
  it('says when the file cannot be read', async () => {
    const r = await readGuardedWorkbook(`${tmp.dir}/missing.xlsx`, 'missing.xlsx');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostic).toMatchObject({ code: 'BC001', file: 'missing.xlsx' });
  });
});
