import { AlignmentType, Paragraph, type Table } from 'docx';
import type { ReportHeader } from '../../model/report-model.js';
import type { ReportTexts } from '../template/report-texts.js';
import { fillWidths, PORTRAIT_TEXT_WIDTH } from './geometry.js';
import { LABELS } from './labels.js';
import { LAYOUT_CELL_MARGIN, layoutTable, rule } from './layout-kit.js';
import { line, PT, run, upper } from './text.js';

/** Page 1 header: 6.25 cm for the issuing body, the rest for the national title (docs/layout.md). */
export const HEADER_COLUMNS = fillWidths(PORTRAIT_TEXT_WIDTH, [3544]);

/** Rule lengths in twips: the motto's is as long as the motto; the others about a third of their line. */
const RULE = { motto: 3200, issuingBody: 1200, summary: 1800 } as const;

/**
 * The top of page 1 (Nghị định 30/2020, ô 1–5a): governing body (none, one or more lines) over the issuing
 * body (one or more lines, bold), capitals, then the number and symbol on the left; national title, motto, place and date on the right; then "BÁO CÁO" and the summary.
 */
export function firstPage(header: ReportHeader, texts: ReportTexts): (Table | Paragraph)[] {
  const [left = 0, right = 0] = HEADER_COLUMNS;
  const inner = (w: number) => w - 2 * LAYOUT_CELL_MARGIN;
  const table = layoutTable(HEADER_COLUMNS, [
    [
      [
        ...header.governingBody.map((t) => line(upper(t), { size: PT.authority })),
        ...header.issuingBody.map((t) => line(upper(t), { size: PT.authority, bold: true })),
        rule(RULE.issuingBody, inner(left)),
      ],
      [
        line(LABELS.nationalTitle, { size: PT.nationalTitle, bold: true }),
        line(LABELS.motto, { size: PT.motto, bold: true }),
        rule(RULE.motto, inner(right)),
      ],
    ],
    [
      [line(texts.number, { size: PT.authority, after: 0 })],
      [line(texts.placeDate, { size: PT.placeDate, italic: true })],
    ],
  ]);
  const spacer = new Paragraph({ spacing: { before: 0, after: 0 }, children: [] });
  const title = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 360, after: 0 },
    keepNext: true,
    children: [run(LABELS.report, { bold: true, size: PT.body })],
  });
  const summary = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 0 },
    keepNext: true,
    children: texts.summary.map((text, i) => run(text, { bold: true, size: PT.body, breakBefore: i > 0 })),
  });
  return [table, spacer, title, summary, rule(RULE.summary, PORTRAIT_TEXT_WIDTH, 360)];
}
