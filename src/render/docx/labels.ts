/**
 * Fixed wording of the layout of Nghị định 30/2020. The report's own wording is in templates/, the
 * appendices' headings and labels in the report definition (data/report/appendices.yaml).
 */
export const LABELS = {
  nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
  report: 'BÁO CÁO',
  recipients: 'Nơi nhận:',
  archive: 'Lưu',
  draft: 'DỰ THẢO',
} as const;
