/** The files `baocao init` writes besides the copies of the bundled catalogs and templates (Vietnamese, for people). */

/**
 * report.yaml of a new workspace: what only the province can say is left blank (""), so that validate and build
 * name each field until it is filled (BC115) and no placeholder can reach a printed report.
 */
export const INIT_REPORT = `# Thông tin cố định của Báo cáo tháng về Đề án 06 (xem docs/data-format.md của baocao).
# Mỗi chỗ "" là một chỗ phải điền: "baocao validate" nêu từng chỗ còn trống (mã BC115, tệp và dòng) cho đến khi điền đủ.
province: ""                  # tên tỉnh, ví dụ: Hòa Bình
governingBody: ""             # cơ quan chủ quản (ô 2, dòng trên, không đậm), ví dụ: UBND TỈNH HÒA BÌNH
                              # (xóa cả dòng này nếu không có cơ quan chủ quản, ví dụ khi UBND tỉnh ban hành)
issuingBody: ""               # cơ quan ban hành (ô 2, in đậm), ví dụ: TỔ CÔNG TÁC ĐỀ ÁN 06
                              # (in hai dòng: [ỦY BAN NHÂN DÂN, TỈNH HÒA BÌNH])
symbol: ""                    # ký hiệu văn bản: "Số: …/BC-UBND" thì ghi BC-UBND
number: ""                    # số văn bản: để trống đến khi ký
place: ""                     # địa danh: "Hòa Bình, ngày … tháng … năm …" thì ghi Hòa Bình
issueDate: ""                 # ngày ký: để trống đến khi ký
issuerName: ""                # tên cơ quan ban hành trong câu văn, ví dụ: Tổ công tác Đề án 06 tỉnh Hòa Bình
addressee: Tổ công tác Đề án 06 của Chính phủ   # nơi nhận báo cáo trong câu kết "… kính báo cáo …"
secretariat: ""               # mã đơn vị viết các mục chung (một mã trong catalog/departments.yaml), ví dụ: van-phong-ubnd
signer:
  authority: ""               # quyền hạn, chức vụ (ô 7a), ví dụ: TỔ TRƯỞNG; nhiều dòng thì mỗi dòng một phần tử:
                              # [TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH]
  name: ""                    # họ tên người ký (ô 7b)
recipients:                   # Nơi nhận: mỗi dòng một nơi, không cần "-" và ";"
  - Văn phòng Chính phủ (để báo cáo)
  - Bộ Công an (qua C06 để báo cáo)
  - Thường trực Tỉnh ủy, HĐND tỉnh (để báo cáo)
archive: ""                   # nơi lưu: "- Lưu: VT, KSTTHCNC." thì ghi VT, KSTTHCNC
period:
  cutoffDay: 15               # ngày chốt số liệu: từ ngày 16 tháng trước đến ngày 15 tháng báo cáo
`;

export const INIT_README = `# Dữ liệu báo cáo Đề án 06

Thư mục này vừa được tạo bằng \`baocao init\`. Danh mục (\`catalog/\`) và mẫu văn bản (\`templates/\`) được chép từ
**Báo cáo mẫu của tỉnh Thanh Hóa**: phải xem lại cho tỉnh mình trước khi lập báo cáo đầu tiên.

## Làm lần lượt

1. **\`report.yaml\`**: điền mọi chỗ \`""\` (tên tỉnh, cơ quan ban hành, ký hiệu, địa danh, người ký, nơi lưu…); để
   trống \`number\` và \`issueDate\` đến khi ký. Chạy \`baocao validate --data <thư mục này>\`: mỗi chỗ còn trống được
   nêu với tệp và dòng (mã BC115); báo cáo không lập được khi còn chỗ trống.
2. **\`catalog/departments.yaml\`**: các sở, ngành, đơn vị gửi báo cáo đang là của tỉnh Thanh Hóa (ví dụ
   \`bql-kkt-nghi-son\`): sửa cho đúng tỉnh mình, rồi ghi mã đơn vị viết các mục chung vào \`secretariat\` của
   \`report.yaml\`.
3. **Các danh mục khác** (\`catalog/\`): dịch vụ công của Quyết định 06 và 422 là chung cả nước, nhưng đơn vị phụ
   trách từng dòng (\`owner\`), các mô hình (\`models.yaml\`, \`lead\`), chỉ tiêu (\`indicators.yaml\`) và mục báo cáo
   (\`sections.yaml\`) là của tỉnh Thanh Hóa: sửa theo mã đơn vị ở bước 2. Khóa lạ trong danh mục bị báo lỗi kèm dòng.
   \`catalog/vocabularies.yaml\` là các trạng thái (kết nối, tiến độ) được ghi trong báo cáo của các đơn vị;
   \`report/appendices.yaml\` là các Phụ lục và bảng của chúng (docs/report-definition.md của baocao): giữ nguyên
   nếu Báo cáo của tỉnh có cùng các Phụ lục I, II, III.
4. **\`templates/\`**: câu chữ của Báo cáo là câu chữ của tỉnh Thanh Hóa. Trong \`bao-cao.hbs\`: đoạn mở đầu nhắc
   "Kế hoạch số 43/KH-UBND ngày 16/02/2024 của UBND tỉnh"; mục 9 nói về các giải pháp "của UBND thành phố Hà Nội"
   (Công văn số 2551/CV-TCTTKĐA); các văn bản chỉ đạo, kiến nghị cũng vậy. Sửa cho đúng văn bản của tỉnh mình
   (cách viết mẫu: docs/markup.md của baocao). Giữ nguyên tên các tệp: một tệp khác tên trong \`templates/\` không
   được đọc và bị cảnh báo (BC609).
5. \`baocao validate --data <thư mục này>\` đến khi không còn lỗi.

## Mỗi tháng

1. \`baocao open --month YYYY-MM\` tạo thư mục tháng từ tháng trước.
2. Các đơn vị gửi số liệu (YAML, hoặc biểu mẫu Excel: \`baocao forms\`, \`baocao import\`).
3. \`baocao status\`, \`baocao validate\` để xem đơn vị nào còn thiếu, còn lỗi.
4. \`baocao build\` lập báo cáo (.docx, .xlsx); \`--draft\` để in bản dự thảo khi còn thiếu.
`;
