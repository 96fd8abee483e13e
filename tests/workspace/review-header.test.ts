import { describe, expect, it } from 'vitest';
import { reviewHeader, withoutReviewHeader } from '../../src/workspace/review-header.js';

const SCHEMA = ' yaml-language-server: $schema=../../schemas/submission.schema.json';
const comment = (lines: string[]) => [SCHEMA, ...lines].join('\n');

describe('the header baocao open writes above the review line', () => {
  it('goes with the review line, carried from last month or not; other comment lines stay', () => {
    for (const carried of [true, false]) {
      const header = reviewHeader('Sở Tư pháp', '2024-10', carried).map((l) => ' ' + l);
      expect(withoutReviewHeader(comment([...header, ' ghi chú của văn phòng']), 'Sở Tư pháp', '2024-10')).toBe(comment([' ghi chú của văn phòng']));
    }
    expect(reviewHeader('Sở Tư pháp', '2024-01', true)[1]).toContain('tháng 12/2023');
  });

  it('stays when someone edited it, or when it is another department\'s or month\'s', () => {
    const header = reviewHeader('Sở Tư pháp', '2024-10', true).map((l) => ' ' + l);
    const edited = comment([header[0]!, ' CẦN XEM LẠI: đã xem mục 2', header[2]!]);
    expect(withoutReviewHeader(edited, 'Sở Tư pháp', '2024-10')).toBe(edited);
    expect(withoutReviewHeader(comment(header), 'Sở Y tế', '2024-10')).toBe(comment(header));
    expect(withoutReviewHeader(comment(header), 'Sở Tư pháp', '2024-11')).toBe(comment(header));
  });
});
