import { beforeAll, describe, expect, it } from 'vitest';
import { inlineText } from '../../../src/markup/blocks.js';
import { parseMarkup } from '../../../src/markup/parse.js';
import type { Indicator, ReportModel } from '../../../src/model/report-model.js';
import { renderTexts, type ReportTexts, type TemplateSources } from '../../../src/render/template/report-texts.js';
import { loadTemplates } from '../../../src/render/templates-load.js';
import { delta, MODEL_SAMPLE } from '../../fixtures/model-sample.js';

let templates: TemplateSources;
beforeAll(async () => {
  templates = await loadTemplates();
});

function texts(model: ReportModel = MODEL_SAMPLE, sources: TemplateSources = templates): ReportTexts {
  const result = renderTexts(model, sources);
  if ('diagnostics' in result) throw new Error(JSON.stringify(result.diagnostics));
  return result.texts;
}

/** The body as paragraphs of plain text, headings marked with their level */
function outline(body: string): string[] {
  return parseMarkup(body, { footnoteIds: MODEL_SAMPLE.footnotes.map((f) => f.id) }).blocks.map(
    (b) => (b.kind === 'heading' ? '#'.repeat(b.level) + ' ' : '') + inlineText(b.inlines),
  );
}

describe('the shipped templates on the sample month', () => {
  it('write page 1 and the appendix heads', () => {
    const t = texts();
    expect(t.summary).toEqual(['Kết quả triển khai thực hiện Đề án 06', 'trên địa bàn tỉnh Thanh Hóa, trong tháng 9/2024']);
    expect(t.number).toBe('Số:         /BC-UBND');
    expect(t.placeDate).toBe('Thanh Hóa, ngày      tháng      năm 2024');
    const attachedTo = '(Kèm theo Báo cáo số         /BC-UBND ngày      tháng      năm 2024 của Tổ công tác Đề án 06 tỉnh Thanh Hóa)';
    expect(t.appendices).toEqual([
      {
        label: 'Phụ lục I',
        title: [
          'TÌNH HÌNH TRIỂN KHAI 25 DỊCH VỤ CÔNG TRỰC TUYẾN THIẾT YẾU',
          'THEO QUYẾT ĐỊNH SỐ 06/QĐ-TTg NGÀY 06/01/2022 CỦA THỦ TƯỚNG CHÍNH PHỦ',
        ],
        attachedTo,
      },
      {
        label: 'Phụ lục II',
        title: [
          'TÌNH HÌNH TRIỂN KHAI CÁC DỊCH VỤ CÔNG TRỰC TUYẾN THIẾT YẾU',
          'THEO QUYẾT ĐỊNH SỐ 422/QĐ-TTg NGÀY 04/4/2022 CỦA THỦ TƯỚNG CHÍNH PHỦ',
        ],
        attachedTo,
      },
      { label: 'Phụ lục III', title: ['BÁO CÁO KẾT QUẢ TRIỂN KHAI MÔ HÌNH ĐỀ ÁN 06'], attachedTo },
    ]);
    expect(t.headings).toEqual({
      'cot-dich-vu-qd422': ['Dịch vụ công trực tuyến', '(22/28 dịch vụ công có triển khai tại địa phương; còn lại 06 DVC ở cấp Bộ)'],
    });
  });

  it('fill in the number and date once signed', () => {
    const signed = { ...MODEL_SAMPLE, header: { ...MODEL_SAMPLE.header, number: '305', issueDate: '2024-09-20' } };
    const t = texts(signed);
    expect(t.number).toBe('Số: 305/BC-UBND');
    expect(t.placeDate).toBe('Thanh Hóa, ngày 20 tháng 9 năm 2024');
    expect(t.appendices.map((a) => a.attachedTo)).toEqual(Array(3).fill('(Kèm theo Báo cáo số 305/BC-UBND ngày 20 tháng 9 năm 2024 của Tổ công tác Đề án 06 tỉnh Thanh Hóa)'));
  });

  it("follow the seed's headings", () => {
    const headings = outline(texts().body).filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# I. CÔNG TÁC THAM MƯU, CHỈ ĐẠO, TRIỂN KHAI',
      '# II. KẾT QUẢ CỤ THỂ CÁC MẶT CÔNG TÁC',
      '## 1. Công tác tuyên truyền thực hiện Đề án',
      '## 2. Về hoàn thiện thể chế',
      '## 3. Về dịch vụ công',
      '## 4. Nhóm tiện ích phục vụ phát triển kinh tế, xã hội',
      '### 4.2. Lĩnh vực Y tế về việc thực hiện thí điểm sử dụng Căn cước gắn chíp và VNeID thay thế thẻ BHYT giấy:',
      '### 4.3. Về an sinh xã hội',
      '### 4.4. Về chi trả lương hưu, trợ cấp BHXH không dùng tiền mặt:',
      '### 4.5. Việc liên thông dữ liệu giấy khám sức khoẻ lái xe lên Cổng giám định BHYT của BHXH Việt Nam để thực hiện dịch vụ công cấp đổi, cấp lại Giấy phép lái xe',
      '### 4.6. Việc liên thông dữ liệu Giấy chứng sinh, Giấy chứng tử lên Cổng giám định BHYT theo đúng hướng dẫn của Bộ Y tế',
      '## 5. Nhóm phục vụ phát triển công dân số',
      '## 6. Hoàn thiện hệ sinh thái phục vụ kết nối, khai thác, bổ sung làm giàu dữ liệu dân cư',
      '### 6.1. Kết quả làm sạch dữ liệu và chuẩn hóa dữ liệu của các lĩnh vực',
      '### 6.2. Về hạ tầng, dữ liệu, an toàn, an ninh thông tin',
      '## 9. Kết quả nghiên cứu, triển khai các giải pháp, nhiệm vụ của UBND thành phố Hà Nội theo chỉ đạo tại Công văn số 2551/CV-TCTTKĐA ngày 01/4/2024 của Tổ Công tác triển khai Đề án 06 Chính phủ (Báo cáo theo yêu cầu tại Công văn số 2643/TCTTKĐA ngày 07/8/2024).',
      '# III. NHẬN XÉT, ĐÁNH GIÁ, GIẢI PHÁP THỰC HIỆN',
      '## 1. Ưu điểm',
      '## 2. Tồn tại, hạn chế, khó khăn, vướng mắc và nguy cơ',
      '# IV. NHIỆM VỤ TRỌNG TÂM TRONG THÁNG 10/2024',
      '# V. KIẾN NGHỊ, ĐỀ XUẤT',
    ]);
  });

  it.each([
    'Số lượng CCCD được đồng bộ với thẻ BHYT còn hiệu lực để đi khám chữa bệnh bằng CCCD là 3.182.603 thẻ, tăng 594 thẻ so với tháng 8.',
    'Từ ngày 16/8/2023-15/9/2024, có 676/683 cơ sở ký hợp đồng KCB BHYT có phát sinh tra cứu. Tổng số lượt tra cứu thông tin thẻ BHYT bằng CCCD là 346.363/398.168 hồ sơ đề nghị thanh toán BHYT, chiếm tỷ lệ 86,99%.',
    '- Tổng số đối tượng hưởng chế độ chính sách an sinh xã hội trên địa bàn tỉnh là: 252.640 người (trong đó: 187.639 người hưởng chính sách bảo trợ xã hội; 65.001 người hưởng chính sách người có công).',
    '+ Số đối tượng đã có tài khoản hoặc đăng ký chi trả qua tài khoản: 32.654 người (tăng 2.956 người so với tháng liền kề. Trong đó: 23.593 đối tượng hưởng chính sách bảo trợ xã hội; 9.061 đối tượng hưởng chính sách người có công).',
    'Tính đến 15/9/2024, số người đăng ký nhận lương hưu, trợ cấp BHXH qua phương thức TTKDTM trên địa bàn tỉnh Thanh Hóa là 39.102/164.331 người, đạt tỷ lệ 23,79%, tăng 12.485 người so với kỳ chi trả trước.',
    'Kết quả từ ngày 01/01/2024 đến nay, có 57 cơ sở y tế thực hiện liên thông 31.598 giấy chứng sinh (tăng 02 cơ sở và 5.031 giấy chứng sinh so với tháng liền kề); 17 cơ sở y tế thực hiện liên thông 258 giấy chứng tử (tăng 14 giấy chứng tử so với tháng liền kề).',
    '4.1. Lĩnh vực Ngân hàng: Không phát sinh.',
    '5.2. Về công tác thu nhận, cấp thẻ Căn cước: Trong tháng đã thu nhận 395.015 trường hợp; trong đó: từ 0-6 tuổi: 229.046 trường hợp; 6-14 tuổi: 139.335 trường hợp; trên 14 tuổi: 26.634 trường hợp; Cấp giấy chứng nhận căn cước: 0 trường hợp. Thu nhận định danh điện tử: 9.534 hồ sơ, kích hoạt thành công 32.251 tài khoản định danh điện tử.',
    '5.3. Về cung cấp chữ ký số, chữ ký điện tử: Đã cấp phát trên 307.500 chữ ký số, chữ ký điện tử cho người dân.',
    '+ Về dữ liệu ngành thuế: đã thực hiện rà soát mã số thuế cá nhân là 2.339.462/2.371.256 dữ liệu, đạt tỷ lệ 98,66%; đang tiếp tục rà soát là 31.794 dữ liệu, chiếm tỷ lệ 1,34%.',
    '- Kết quả thực hiện 25 dịch vụ công thiết yếu (chi tiết tại Phụ lục I kèm theo Báo cáo này).',
    '- Kết quả thực hiện 28 dịch vụ công tại Quyết định số 422/QĐ-TTg ngày 04/4/2022 của Thủ tướng Chính phủ (chi tiết tại Phụ lục II kèm theo Báo cáo này).',
    '7. Về bố trí ngân sách, nguồn lực triển khai Đề án: Không phát sinh.',
    'Chưa phát sinh so với Báo cáo Đề án 06 tháng 8.',
    'Tổ công tác Đề án 06 tỉnh Thanh Hóa kính báo cáo Tổ công tác Đề án 06 của Chính phủ (có Phụ lục I, II, III kèm theo Báo cáo)./.',
  ])('write "%s"', (sentence) => {
    expect(outline(texts().body).filter((p) => p.includes(sentence))).toHaveLength(1);
  });

  it('number the narrative of I and IV, and keep the footnote call', () => {
    const body = outline(texts().body);
    // I. 1–6 (narrative), II. 7 and 8 (written in the template), IV. 1–3 (narrative)
    expect(body.filter((p) => /^\d\. /.test(p)).map((p) => p.slice(0, 3))).toEqual(
      ['1. ', '2. ', '3. ', '4. ', '5. ', '6. ', '7. ', '8. ', '1. ', '2. ', '3. '],
    );
    const blocks = parseMarkup(texts().body, { footnoteIds: ['vb-chi-dao'] }).blocks;
    const sixth = blocks.find((b) => inlineText(b.inlines).startsWith('6. Trên cơ sở'));
    expect(sixth?.inlines).toContainEqual({ kind: 'footnote', id: 'vb-chi-dao' });
  });

  it("keep the seed's order in II.6.1", () => {
    const body = outline(texts().body);
    const at = (start: string) => body.findIndex((p) => p.startsWith(start));
    const order = [
      '- Hoàn thành việc chuẩn hoá',
      '+ Về dữ liệu Bảo hiểm xã hội',
      '+ Về dữ liệu ngành thuế',
      '- Công tác nhập thông tin của các hội',
      '- Việc số hóa hộ tịch',
      '- Về xây dựng Cơ sở dữ liệu đất đai',
    ].map(at);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe('missing data does not break the templates', () => {
  it('marks figures not reported and leaves out comparisons without a previous month', () => {
    const cards: Indicator = {
      ...MODEL_SAMPLE.indicators['bhyt-cccd-cards']!,
      value: null,
      delta: delta(null, undefined),
    };
    const model: ReportModel = {
      ...MODEL_SAMPLE,
      indicators: { ...MODEL_SAMPLE.indicators, 'bhyt-cccd-cards': cards },
      sections: { ...MODEL_SAMPLE.sections, 'tuyen-truyen': { ...MODEL_SAMPLE.sections['tuyen-truyen']!, items: [] } },
    };
    const body = outline(texts(model).body);
    expect(body.some((p) => p.endsWith('để đi khám chữa bệnh bằng CCCD là [chưa có số liệu: CCCD đồng bộ với thẻ BHYT] thẻ.'))).toBe(true);
    const i = body.indexOf('## 1. Công tác tuyên truyền thực hiện Đề án');
    expect(body[i + 1]).toBe('Không phát sinh.');
  });
});

describe('template problems are diagnostics', () => {
  it('names a missing template', () => {
    const { 'trich-yeu': _, ...rest } = templates;
    expect(renderTexts(MODEL_SAMPLE, rest)).toEqual({
      diagnostics: [expect.objectContaining({ code: 'BC601', message: 'thiếu tệp mẫu "trich-yeu.hbs"' })],
    });
  });

  it('names the template file and line of a field the model lacks', () => {
    const broken = { ...templates, 'phu-luc-3': { file: 'templates/phu-luc-3.hbs', text: 'Phụ lục III\n{{count models.counts.tong}}' } };
    expect(renderTexts(MODEL_SAMPLE, broken)).toEqual({
      diagnostics: [
        expect.objectContaining({ code: 'BC603', file: 'templates/phu-luc-3.hbs', line: 2, message: expect.stringContaining('"models.counts.tong"') }),
      ],
    });
  });

  it('collects the problems of every template', () => {
    const broken = {
      ...templates,
      'trich-yeu': { file: 'a.hbs', text: '{{x}}' },
      'kem-theo': { file: 'b.hbs', text: '{{#if}}' },
    };
    const result = renderTexts(MODEL_SAMPLE, broken);
    expect('diagnostics' in result && result.diagnostics.map((d) => [d.file, d.code])).toEqual([
      ['a.hbs', 'BC603'],
      ['b.hbs', 'BC602'],
    ]);
  });

  it('asks for the label and title of an appendix', () => {
    const broken = { ...templates, 'phu-luc-1': { file: 'p.hbs', text: 'Phụ lục I' } };
    expect(renderTexts(MODEL_SAMPLE, broken)).toEqual({
      diagnostics: [expect.objectContaining({ code: 'BC607', file: 'p.hbs' })],
    });
  });
});
