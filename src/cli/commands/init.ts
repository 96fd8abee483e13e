import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BaocaoError, EXIT, error } from '../../diagnostics/diagnostic.js';
import { CODES } from '../../diagnostics/codes.js';
import { writeOutputs, type OutputFile } from '../../workspace/write.js';
import { CATALOG_FILES } from '../../workspace/load.js';
import { packageRoot } from '../../workspace/package-root.js';
import { dataDir } from '../options.js';
import { printJson, printLine } from '../output.js';

/** The bundled workspace shipped with the tool: its catalogs are the starting point of a new one. */
function bundled(): string {
  return join(packageRoot(), 'data');
}

const REPORT_TEMPLATE = `# Thông tin cố định của báo cáo (xem docs/data-format.md của baocao). Điền các dòng "…".
province: …                                  # tên tỉnh, ví dụ: Thanh Hóa
governingBody: UBND TỈNH …                   # cơ quan chủ quản (ô 2, dòng trên)
issuingBody: TỔ CÔNG TÁC ĐỀ ÁN 06            # cơ quan ban hành (ô 2, in đậm)
symbol: BC-UBND                              # ký hiệu: "Số: …/BC-UBND"
number: ""                                   # số văn bản: để trống đến khi ký
place: …                                     # địa danh: "…, ngày … tháng … năm …"
issueDate: ""                                # ngày ký: để trống đến khi ký
issuerName: Tổ công tác Đề án 06 tỉnh …      # dùng trong "(Kèm theo Báo cáo số … của …)"
addressee: Tổ công tác Đề án 06 của Chính phủ
secretariat: van-phong-ubnd                  # đơn vị viết các mục chung (mã trong catalog/departments.yaml)
signer:
  authority: TỔ TRƯỞNG
  position: CHỦ TỊCH UBND TỈNH
  name: …
recipients:
  - Văn phòng Chính phủ (để báo cáo)
  - Bộ Công an (qua C06 để báo cáo)
  - Thường trực Tỉnh ủy, HĐND tỉnh (để báo cáo)
  - Thành viên Tổ công tác Đề án 06 tỉnh
archive: VT
period:
  cutoffDay: 15                              # số liệu tính từ ngày 16 tháng trước đến ngày 15 tháng báo cáo
`;

const README = `# Dữ liệu báo cáo Đề án 06

- \`report.yaml\`: thông tin cố định (cơ quan, người ký, Nơi nhận, ngày chốt số liệu). Điền các chỗ "…".
- \`catalog/\`: danh mục đơn vị, dịch vụ công (Phụ lục I, II), mô hình (Phụ lục III), chỉ tiêu, mục báo cáo.
  Sửa khi danh mục thay đổi; không cần sửa chương trình.
- \`YYYY-MM/\`: mỗi tháng một thư mục, mỗi đơn vị một tệp (.yaml hoặc biểu mẫu .xlsx).

Mỗi tháng:
1. \`baocao open --month YYYY-MM\` tạo thư mục tháng từ tháng trước.
2. Các đơn vị gửi số liệu (YAML, hoặc biểu mẫu Excel: \`baocao forms\`, \`baocao import\`).
3. \`baocao status\`, \`baocao validate\` để xem đơn vị nào còn thiếu, còn lỗi.
4. \`baocao build\` lập báo cáo (.docx, .xlsx); \`--draft\` để in bản dự thảo khi còn thiếu.
`;

export async function run(opts: { dir?: string; json?: boolean }): Promise<number> {
  const target = dataDir(opts.dir ?? 'data');
  let entries: string[] = [];
  try {
    entries = await readdir(target.absolute);
  } catch {
    entries = [];
  }
  if (entries.length > 0) {
    throw new BaocaoError(EXIT.usage, error(CODES.usage, `thư mục "${target.shown}" đã có dữ liệu: hãy chọn một thư mục mới hoặc trống`, { file: target.shown }));
  }
  const files: OutputFile[] = [
    { path: join(target.absolute, 'report.yaml'), shown: join(target.shown, 'report.yaml'), data: REPORT_TEMPLATE },
    { path: join(target.absolute, 'README.md'), shown: join(target.shown, 'README.md'), data: README },
  ];
  for (const [file] of Object.values(CATALOG_FILES)) {
    files.push({ path: join(target.absolute, file), shown: join(target.shown, file), data: await readFile(join(bundled(), file), 'utf8') });
  }
  await writeOutputs(files);
  if (opts.json) printJson({ command: 'init', dir: target.shown, created: files.map((f) => f.shown), diagnostics: [] });
  else {
    printLine(`Đã tạo thư mục dữ liệu "${target.shown}":`);
    for (const f of files) printLine(`  + ${f.shown}`);
    printLine(`Tiếp theo: điền report.yaml, xem lại catalog/, rồi chạy "baocao open --data ${target.shown} --month YYYY-MM".`);
  }
  return EXIT.ok;
}
