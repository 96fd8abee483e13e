import { LineRuleType, PageOrientation, Paragraph, SectionType, type ISectionOptions, type Table } from 'docx';
import { A4, LANDSCAPE_MARGINS, LANDSCAPE_TEXT_WIDTH, PORTRAIT_MARGINS, PORTRAIT_TEXT_WIDTH } from './geometry.js';
import { firstPageHeader, pageNumberHeader } from './page-header.js';

/**
 * The paragraph that closes a section and carries its properties. Sections end with a table, after which
 * Word needs a paragraph anyway; keeping it 1 pt high stops it from spilling onto a page of its own.
 */
function sectionEnd(): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT }, children: [] });
}

/** The report's body: A4 portrait, no page number on page 1, numbers from 2 on. */
export function bodySection(children: readonly (Paragraph | Table)[], draft: boolean): ISectionOptions {
  return {
    properties: {
      page: {
        size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
        margin: PORTRAIT_MARGINS,
        pageNumbers: { start: 1 },
      },
      titlePage: true,
    },
    headers: { default: pageNumberHeader(PORTRAIT_TEXT_WIDTH, draft), first: firstPageHeader(draft) },
    children: [...children, sectionEnd()],
  };
}

/**
 * An appendix: a new landscape A4 section, numbered on its own from 1; like page 1 of the body (and the
 * seed), its first page shows no number.
 */
export function appendixSection(children: readonly (Paragraph | Table)[], draft: boolean): ISectionOptions {
  return {
    properties: {
      type: SectionType.NEXT_PAGE,
      page: {
        size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE },
        margin: LANDSCAPE_MARGINS,
        pageNumbers: { start: 1 },
      },
      titlePage: true,
    },
    headers: { default: pageNumberHeader(LANDSCAPE_TEXT_WIDTH, draft), first: firstPageHeader(draft) },
    children: [...children, sectionEnd()],
  };
}

/** The draft's last pages: the open problems, portrait, numbered on their own; not part of the report. */
export function problemsSection(children: readonly (Paragraph | Table)[]): ISectionOptions {
  return {
    properties: {
      type: SectionType.NEXT_PAGE,
      page: {
        size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
        margin: PORTRAIT_MARGINS,
        pageNumbers: { start: 1 },
      },
      titlePage: true,
    },
    headers: { default: pageNumberHeader(PORTRAIT_TEXT_WIDTH, true), first: firstPageHeader(true) },
    children: [...children, sectionEnd()],
  };
}
