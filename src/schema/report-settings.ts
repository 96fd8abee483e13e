import * as z from 'zod';
import { DateText, ID_MESSAGE, ID_PATTERN, RequiredCount, Text } from './scalars.js';
import { filledLine, filledLines, line, LINE_CODES } from './lines.js';

/**
 * The signature (Nghị định 30/2020, ô 7): the authority and position lines, then the signer's name.
 * `authority` is one line or a list of lines ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH");
 * `position`, when written, is printed as the last of them: the earlier form `{ authority, position, name }`
 * keeps meaning the two lines it printed.
 */
const Signer = z
  .strictObject({
    authority: filledLines('quyền hạn, chức vụ của người ký (signer.authority)'),
    position: z.optional(filledLine('chức vụ của người ký (signer.position; xóa dòng này nếu không dùng)')),
    name: filledLine('họ tên người ký (signer.name)'),
  })
  .transform((s) => ({ lines: s.position === undefined ? s.authority : [...s.authority, s.position], name: s.name }));

/** A "Nơi nhận" line, with the footnote it may carry (markup, several paragraphs allowed) */
const Recipient = z.union([
  filledLine('dòng Nơi nhận'),
  z.strictObject({ text: filledLine('dòng Nơi nhận (text)'), footnote: z.optional(Text) }),
]);

/** data/report.yaml: the fixed parts of page 1, the closing and the reporting period */
export const ReportSettingsFile = z.strictObject({
  province: filledLine('tên tỉnh (province)'),
  /** ô 2, upper line(s), not bold; absent when the issuing body has none above it (e.g. the UBND itself) */
  governingBody: z
    .optional(filledLines('cơ quan chủ quản (governingBody; xóa dòng này nếu cơ quan ban hành không có cơ quan chủ quản)'))
    .transform((v): string[] => v ?? []),
  /** ô 2, bold, the short rule under its last line */
  issuingBody: filledLines('cơ quan ban hành (issuingBody)'),
  symbol: filledLine('ký hiệu văn bản (symbol)'),
  number: z.optional(line('số văn bản (number)')),
  place: filledLine('địa danh (place)'),
  issueDate: z.optional(DateText),
  issuerName: filledLine('tên cơ quan ban hành trong câu văn (issuerName)'),
  addressee: filledLine('nơi nhận báo cáo trong câu kết (addressee)'),
  /** the department that writes the secretariat's sections (its file is expected every month) */
  secretariat: z
    .string()
    .superRefine((s, ctx) => {
      if (s.trim() === '') {
        ctx.addIssue({ code: 'custom', message: 'chưa điền đơn vị viết các mục chung (secretariat)', params: { code: LINE_CODES.unfilled }, continue: false });
      }
    })
    .regex(ID_PATTERN, { message: ID_MESSAGE }),
  signer: Signer,
  recipients: z.array(Recipient),
  archive: filledLine('nơi lưu (archive)'),
  period: z.strictObject({
    /** figures run from the day after the cut-off of the previous month to the cut-off of this month */
    cutoffDay: RequiredCount,
  }),
});

export type ReportSettings = z.output<typeof ReportSettingsFile>;
