// Writes fixtures/excel/legacy-phu-luc-1.xlsx: Phụ lục I of the seed report (September 2024) as a department
// would type it in Excel — the 25 rows with the seed's figures and the seed's own printed rates (six of which,
// rows 8, 10, 11, 17, 18 and 22, disagree with online/total; see docs/seed-corrections.md), service names typed
// a little differently from the catalog (case, spacing, punctuation, tone-mark placement, NFD), counts as numbers
// or as text ("229.046", " 22 046 "), a rate as a percent number and one as a formula, and a connection status
// merged over two rows. It is written with exceljs directly, not with baocao's own writer.
//
//   node scripts/make-legacy-fixture.js            (from the repository root)
import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';

const OUT = 'fixtures/excel/legacy-phu-luc-1.xlsx';
const WHEN = new Date(Date.UTC(2024, 8, 15));

// [stt, name as typed, connection, total, online, printed rate, on time, overdue, difficulties]
const ROWS = [
  ['1.', 'xác nhận số chứng minh nhân dân khi đã được cấp thẻ  CCCD', 'Đã kết nối', 172, 172, '100%', 172, null, null],
  ['2.', 'Cấp lại, đổi thẻ Căn cước công dân', 'Đã kết nối', '229.046', 59257, '25,87%', 59257, null,
    'Hiện nay, Công an tỉnh đang tiếp tục triển khai cấp Căn cước cho công dân, tập trung là số công dân dưới 14 tuổi với số lượng hồ sơ tiếp nhận lớn, phần mềm DVC thường xuyên bảo trì nên tỉ lệ thấp'],
  ['3.', 'Đăng ký thường trú ', 'Đã kết nối', ' 22 046 ', 22005, { pct: 0.9981 }, 22005, null, null],
  ['4.', 'Đăng ký tạm trú', 'đã kết nối', 2186, 2185, '99,95%', 2185, null, null],
  ['5.', 'Khai báo tạm vắng', 'Đã kết nối', 113, 112, '99,12%', 112, null, null],
  ['6.', 'Thông báo lưu trú', 'Đã kết nối', 5929, 5929, '100%', 5929, null, null],
  ['7.', 'Đăng ký,cấp biển số mô tô,xe gắn máy', 'Đã kết nối', 8888, 8764, '98,6%', 8764, null, null],
  ['8.', 'Thu tiền nộp phạt xử lý vi phạm hành chính trong lĩnh vực giao thông đường bộ qua thiết bị ghi hình', 'Đã kết nối', 4959, 4378, '88,3%', 4378, null, null],
  ['9.', 'ĐĂNG KÝ KHAI SINH', 'Đã kết nối', 4681, 4637, '99,06%', 4637, null, null],
  ['10.', 'Đăng ký khai tử', 'Đã kết nối', 1898, 1880, '99,06%', 1880, null, null],
  ['11.', 'Đăng ký kết hôn', 'Đã kết nối', 1094, 1083, '99,06%', 1083, null, null],
  ['12.', 'Cấp, cấp lại, sửa đổi, bổ sung hộ chiếu phổ thông', 'Đã kết nối', 4654, 4357, '93,62%', 4357, null, null],
  ['13.', 'Thủ tục làm con dấu mới và cấp Giấy chứng nhận đã đăng ký mẫu dấu', 'Đã kết nối', 82, 82, '100%', 82, null, null],
  ['14.', 'Thủ tục làm con dấu thu nhỏ, dấu nổi, dấu xi và cấp Giấy chứng nhận đã đăng ký mẫu con dấu', 'Đã kết nối', 0, 0, '0', 0, null, null],
  ['15.', 'Liên thông đăng ký khai sinh - đăng ký thường trú - cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi', 'Đã thực hiện', 4484, 4484, '100%', 4484, null, null],
  // merged with the row above (C22:C23); "Xoá" with the other tone-mark placement
  ['16.', 'Liên thông đăng ký khai tử - Xoá đăng ký thường trú - Trợ cấp mai táng phí', null, 252, 252, '100%', 252, null, null],
  // decomposed Unicode (NFD), as some Mac and web forms produce it
  ['17.', 'Tích hợp tính giảm trừ mức đóng trong gia hạn thẻ bảo hiểm y tế theo hộ gia đình'.normalize('NFD'), 'Đã kết nối', 957, 2, '0,2%', 2, null, null],
  ['18.', 'Đăng ký thuế lần đầu, đăng ký thay đổi thông tin đăng ký thuế đối với người nộp thuế là hộ gia đình, cá nhân', 'Đã kết nối', 3741, 3726, '99,59%', 3726, null, null],
  ['19.', 'Đăng ký biến động về quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do thay đổi thông tin về người được cấp Giấy chứng nhận (đổi tên hoặc giấy tờ pháp nhân, giấy tờ nhân thân, địa chỉ)', 'Đã kết nối', null, null, null, null, null,
    'Hệ thống thông tin giải quyết TTHC tỉnh Thanh Hoá tạm dừng tiếp nhận đối với lĩnh vực đất đai cho đến khi ban hành Quyết định phê duyệt Quy trình nội bộ, quy trình điện tử TTHC lĩnh vực đất đai mới theo quy định hiện hành.'],
  ['20.', 'Cấp đổi, cấp lại giấy phép lái xe', 'Đã kết nối', 2244, 1944, '86,63%', 1944, null, null],
  ['21.', 'Đăng kí dự thi tốt nghiệp THPT quốc gia và xét tuyển đại học, cao đẳng', 'Đã kết nối', null, null, null, null, null, 'Trong tháng không phát sinh'],
  ['22.', 'CẤP PHIẾU LÝ LỊCH TƯ PHÁP', 'Đã kết nối', 3909, 3209, '77,49%', 3209, null, null],
  ['23.', 'Giải quyết hưởng trợ cấp thất nghiệp', 'Đã kết nối', 1969, 203, { formula: true }, 203, null, null],
  ['24.', 'Cấp điện mới từ lưới điện hạ áp ( 220/380V ) (Thí điểm cơ chế kết nối, chia sẻ dữ liệu trong dịch vụ cung cấp điện)', 'Đã kết nối', 927, 927, '100%', 927, null, null],
  ['25.', 'Thay đổi chủ thể hợp đồng mua bán điện (Thí điểm cơ chế kết nối, chia sẻ dữ liệu trong dịch vụ cung cấp điện)', 'Đã kết nối', 22, 22, '100%', 22, null, null],
];

const wb = new ExcelJS.Workbook();
wb.creator = 'Sở Tư pháp';
wb.created = WHEN;
wb.modified = WHEN;
const ws = wb.addWorksheet('Phụ lục I');
const font = { name: 'Times New Roman', size: 12 };
const border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
ws.columns = [{ width: 6 }, { width: 40 }, { width: 14 }, { width: 11 }, { width: 11 }, { width: 9 }, { width: 10 }, { width: 9 }, { width: 36 }];

const title = (row, text, bold = true, italic = false) => {
  ws.mergeCells(row, 1, row, 9);
  const c = ws.getCell(row, 1);
  c.value = text;
  c.font = { ...font, bold, italic };
  c.alignment = { horizontal: 'center', wrapText: true };
};
title(1, 'Phụ lục I');
title(2, 'TÌNH HÌNH TRIỂN KHAI 25 DỊCH VỤ CÔNG TRỰC TUYẾN THIẾT YẾU');
title(3, 'THEO QUYẾT ĐỊNH SỐ 06/QĐ-TTg NGÀY 06/01/2022 CỦA THỦ TƯỚNG CHÍNH PHỦ');
title(4, '(kèm theo Báo cáo số:      /BC-UBND ngày    /    /2024 của Tổ công tác Đề án 06 tỉnh Thanh Hóa)', false, true);

const header = (r1, c1, r2, c2, text) => {
  if (r1 !== r2 || c1 !== c2) ws.mergeCells(r1, c1, r2, c2);
  const c = ws.getCell(r1, c1);
  c.value = text;
};
header(6, 1, 7, 1, 'STT');
header(6, 2, 7, 2, 'Dịch vụ công trực tuyến');
header(6, 3, 7, 3, 'Kết nối với Cổng DVC quốc gia (đã kết nối, chưa kết nối)');
header(6, 4, 6, 6, 'Tổng số hồ sơ (bao gồm cả trực tiếp và trực tuyến)');
header(7, 4, 7, 4, 'Tổng hồ sơ');
header(7, 5, 7, 5, 'Trực tuyến');
header(7, 6, 7, 6, 'Tỷ lệ');
header(6, 7, 6, 8, 'Tình hình xử lý hồ sơ trực tuyến');
header(7, 7, 7, 7, 'Đúng hạn');
header(7, 8, 7, 8, 'Quá hạn');
header(6, 9, 7, 9, 'Khó khăn, vướng mắc');
for (let r = 6; r <= 7; r++) {
  for (let c = 1; c <= 9; c++) {
    const cell = ws.getCell(r, c);
    cell.font = { ...font, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = border;
  }
}

ROWS.forEach((values, i) => {
  const r = 8 + i;
  const [stt, name, connection, total, online, rate, onTime, overdue, difficulties] = values;
  const row = ws.getRow(r);
  row.getCell(1).value = stt;
  row.getCell(2).value = name;
  if (connection !== null) row.getCell(3).value = connection;
  if (total !== null) row.getCell(4).value = total;
  if (online !== null) row.getCell(5).value = online;
  if (rate && typeof rate === 'object' && 'pct' in rate) {
    row.getCell(6).value = rate.pct;
    row.getCell(6).numFmt = '0.00%';
  } else if (rate && typeof rate === 'object' && 'formula' in rate) {
    row.getCell(6).value = { formula: `E${r}/D${r}`, result: 203 / 1969 };
    row.getCell(6).numFmt = '0.00%';
  } else if (rate !== null) {
    row.getCell(6).value = rate;
  }
  if (onTime !== null) row.getCell(7).value = onTime;
  if (overdue !== null) row.getCell(8).value = overdue;
  if (difficulties !== null) row.getCell(9).value = difficulties;
  for (let c = 1; c <= 9; c++) {
    const cell = row.getCell(c);
    cell.font = font;
    cell.border = border;
    cell.alignment = { vertical: 'top', wrapText: c === 2 || c === 3 || c === 9, horizontal: c >= 4 && c <= 8 ? 'right' : undefined };
    if (c >= 4 && c <= 8 && typeof cell.value === 'number' && !cell.numFmt) cell.numFmt = '#,##0';
  }
});
// rows 15 and 16 ("Đã thực hiện") share one merged status cell
ws.mergeCells('C22:C23');
ws.getCell('C22').value = 'Đã thực hiện';

ws.views = [{ state: 'frozen', ySplit: 7 }];
ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };

const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
// fixed zip entry dates, so that regenerating gives the same bytes
const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const time = 0;
const date = ((2024 - 1980) << 9) | (9 << 5) | 15;
for (let i = bytes.length - 22; i >= 0; i--) {
  if (dv.getUint32(i, true) !== 0x06054b50) continue;
  let p = dv.getUint32(i + 16, true);
  for (let n = dv.getUint16(i + 10, true); n > 0; n--) {
    dv.setUint16(p + 12, time, true);
    dv.setUint16(p + 14, date, true);
    const local = dv.getUint32(p + 42, true);
    dv.setUint16(local + 10, time, true);
    dv.setUint16(local + 12, date, true);
    p += 46 + dv.getUint16(p + 28, true) + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
  }
  break;
}
mkdirSync('fixtures/excel', { recursive: true });
writeFileSync(OUT, bytes);
console.log(`wrote ${OUT} (${bytes.length} bytes)`);
