import { LineRuleType, PageOrientation, Paragraph, SectionType, type ISectionOptions, type Table } from 'docx';
import { A4, LANDSCAPE_MARGINS, LANDSCAPE_TEXT_WIDTH, PORTRAIT_MARGINS, PORTRAIT_TEXT_WIDTH } from './geometry.js';
import { firstPageHeader, pageNumberHeader } from './page-header.js';

type Content = readonly (Paragraph | Table)[];

/**
 * The paragraph that closes a section and carries its properties. Sections end with a table, after which
 * Word needs a paragraph anyway; keeping it 1 pt high stops it from spilling onto a page of its own.
 */
function sectionEnd(): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT }, children: [] });
}

/**
 * A section of A4 pages numbered on its own from 1, with no number on its first page (as page 1 of the body
 * and of each appendix in the seed); on a draft every header carries the "DỰ THẢO" mark.
 */
function section(children: Content, orientation: 'portrait' | 'landscape', draft: boolean, newPage: boolean): ISectionOptions {
  const portrait = orientation === 'portrait';
  return {
    properties: {
      ...(newPage ? { type: SectionType.NEXT_PAGE } : {}),
      page: {
        size: { width: A4.width, height: A4.height, orientation: portrait ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE },
        margin: portrait ? PORTRAIT_MARGINS : LANDSCAPE_MARGINS,
        pageNumbers: { start: 1 },
      },
      titlePage: true,
    },
    headers: { default: pageNumberHeader(portrait ? PORTRAIT_TEXT_WIDTH : LANDSCAPE_TEXT_WIDTH, draft), first: firstPageHeader(draft) },
    children: [...children, sectionEnd()],
  };
}

/** The report's body: A4 portrait, no page number on page 1, numbers from 2 on. */
export function bodySection(children: Content, draft: boolean): ISectionOptions {
  return section(children, 'portrait', draft, false);
}

/** An appendix: a new A4 section (landscape or portrait, as the definition says), numbered on its own. */
export function appendixSection(children: Content, orientation: 'portrait' | 'landscape', draft: boolean): ISectionOptions {
  return section(children, orientation, draft, true);
}

/** The draft's last pages: the open problems, portrait, numbered on their own; not part of the report. */
export function problemsSection(children: Content): ISectionOptions {
  return section(children, 'portrait', true, true);
}
