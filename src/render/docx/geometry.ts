/**
 * Page geometry of the report (docs/layout.md), in twips (1/20 pt; 1 mm = 1440/25.4 twips).
 * Nghị định 30/2020: A4; margins top 20–25, bottom 20–25, left 30–35, right 15–20 mm.
 */

export const mm = (millimetres: number): number => Math.round((millimetres * 1440) / 25.4);

/** A4 as Word writes it */
export const A4 = { width: 11906, height: 16838 } as const;

export interface Margins {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  /** distance of the page-number header from the top edge */
  readonly header: number;
  readonly footer: number;
}

/** Body pages, portrait: 20 / 20 / 30 / 15 mm (the decree's sample values). */
export const PORTRAIT_MARGINS: Margins = {
  top: mm(20),
  bottom: mm(20),
  left: mm(30),
  right: mm(15),
  header: mm(10),
  footer: mm(10),
};

/**
 * Appendix pages, landscape: 20 / 20 / 20 / 15 mm. The binding edge of a landscape page is its top or
 * bottom once bound, so the 30 mm binding margin of portrait pages is not needed on the left; the 20 mm
 * it leaves gives the wide tables room.
 */
export const LANDSCAPE_MARGINS: Margins = {
  top: mm(20),
  bottom: mm(20),
  left: mm(20),
  right: mm(15),
  header: mm(10),
  footer: mm(10),
};

/** 9355 twips (165 mm) */
export const PORTRAIT_TEXT_WIDTH = A4.width - PORTRAIT_MARGINS.left - PORTRAIT_MARGINS.right;
/** 14854 twips (262 mm) */
export const LANDSCAPE_TEXT_WIDTH = A4.height - LANDSCAPE_MARGINS.left - LANDSCAPE_MARGINS.right;

/** Column widths that fill `total` exactly: the given ones, and the last column taking what remains. */
export function fillWidths(total: number, fixed: readonly number[]): number[] {
  const used = fixed.reduce((a, b) => a + b, 0);
  if (used >= total) throw new Error(`columns of ${used} twips do not fit in ${total}`);
  return [...fixed, total - used];
}
