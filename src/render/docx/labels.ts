/**
 * Fixed wording of the layout (Nghị định 30/2020 and the appendices' table heads). The report's own
 * wording is in templates/; these only name the parts of the form.
 */
export const LABELS = {
  nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
  report: 'BÁO CÁO',
  recipients: 'Nơi nhận:',
  archive: 'Lưu',
  draft: 'DỰ THẢO',
  models: 'MÔ HÌNH',
  modelPrefix: 'Mô hình',
  progress: 'Đánh giá tiến độ:',
} as const;

/** Heads of the columns of Phụ lục I and II (the service column's head comes from a template). */
export const SERVICE_COLUMNS = {
  stt: 'STT',
  service: 'Dịch vụ công trực tuyến',
  connection: 'Kết nối với Cổng DVC quốc gia (đã kết nối, chưa kết nối)',
  applications: 'Tổng số hồ sơ (bao gồm cả trực tiếp và trực tuyến)',
  total: 'Tổng hồ sơ',
  online: 'Trực tuyến',
  rate: 'Tỷ lệ',
  processing: 'Tình hình xử lý hồ sơ trực tuyến',
  onTime: 'Đúng hạn',
  overdue: 'Quá hạn',
  difficulties: 'Khó khăn, vướng mắc',
} as const;

/** Heads of the columns of Phụ lục III. */
export const MODEL_COLUMNS = [
  'STT',
  'Mô hình',
  'Kết quả triển khai',
  'Khó khăn vướng mắc',
  'Đánh giá hiệu quả, giá trị tiện ích mang lại và tiết kiệm',
  'Kinh phí đầu tư, chi cho từng nhóm mô hình',
  'Có tiếp tục tham mưu tổ công tác đề xuất nhân rộng triển khai trên toàn địa bàn không? Nếu có sẽ thực hiện các bước như thế nào',
] as const;
