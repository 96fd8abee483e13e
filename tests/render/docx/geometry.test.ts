import { describe, expect, it } from 'vitest';
import { CLOSING_COLUMNS } from '../../../src/render/docx/closing.js';
import { HEADER_COLUMNS } from '../../../src/render/docx/first-page.js';
import {
  A4,
  fillWidths,
  LANDSCAPE_MARGINS,
  LANDSCAPE_TEXT_WIDTH,
  mm,
  PORTRAIT_MARGINS,
  PORTRAIT_TEXT_WIDTH,
} from '../../../src/render/docx/geometry.js';
import { appendixWidths } from '../../../src/render/docx/appendix-table.js';
import { MODEL_SAMPLE } from '../../fixtures/model-sample.js';

const [qd06, qd422, models] = MODEL_SAMPLE.appendices.appendices.map(appendixWidths);

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('page geometry (Nghị định 30/2020)', () => {
  it('uses A4 and the decree margins', () => {
    expect(A4).toEqual({ width: 11906, height: 16838 });
    expect([PORTRAIT_MARGINS.top, PORTRAIT_MARGINS.bottom, PORTRAIT_MARGINS.left, PORTRAIT_MARGINS.right]).toEqual([
      mm(20),
      mm(20),
      mm(30),
      mm(15),
    ]);
    expect(mm(20)).toBe(1134);
    expect(PORTRAIT_TEXT_WIDTH).toBe(9355);
    expect(LANDSCAPE_TEXT_WIDTH).toBe(A4.height - LANDSCAPE_MARGINS.left - LANDSCAPE_MARGINS.right);
    expect(LANDSCAPE_TEXT_WIDTH).toBe(14854);
  });

  it.each([
    ['page 1 header', HEADER_COLUMNS, PORTRAIT_TEXT_WIDTH],
    ['closing', CLOSING_COLUMNS, PORTRAIT_TEXT_WIDTH],
    ['Phụ lục I', qd06!, LANDSCAPE_TEXT_WIDTH],
    ['Phụ lục II', qd422!, LANDSCAPE_TEXT_WIDTH],
    ['Phụ lục III', models!, LANDSCAPE_TEXT_WIDTH],
  ])('%s columns fill the text width exactly', (_, columns, width) => {
    expect(sum(columns)).toBe(width);
    expect(columns.every((c) => Number.isInteger(c) && c > 0)).toBe(true);
  });

  it('gives the appendices the widths of docs/layout.md', () => {
    expect(qd06).toEqual([720, 3600, 1400, 1150, 1150, 1000, 1150, 950, 3734]);
    expect(qd422).toEqual(qd06);
    expect(models).toEqual([720, 2000, 4500, 2300, 2100, 1300, 1934]);
  });

  it('refuses columns wider than the text', () => {
    expect(() => fillWidths(1000, [600, 400])).toThrow();
    expect(fillWidths(1000, [600, 300])).toEqual([600, 300, 100]);
  });
});
