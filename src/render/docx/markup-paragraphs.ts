import { GAP_MARK } from '../template/citations.js';
import { Paragraph, type FootnoteReferenceRun, type TextRun } from 'docx';
import type { Block, Inline } from '../../markup/blocks.js';
import { footnoteKey, parseMarkup } from '../../markup/parse.js';
import type { Footnote } from '../../model/report-model.js';
import type { Footnotes } from './footnotes.js';
import { STYLE } from './styles.js';
import { run, type RunFormat } from './text.js';

/** Where the text of a footnote call comes from: the markup's own definitions, then the model's footnotes. */
export interface NoteSources {
  readonly footnotes: Footnotes;
  readonly definitions: ReadonlyMap<string, readonly Block[]>;
  readonly modelNotes: readonly Footnote[];
}

/** Body blocks as paragraphs: headings in Heading1–3, the rest in the body style (docs/layout.md). */
export function blockParagraphs(blocks: readonly Block[], notes: NoteSources): Paragraph[] {
  return blocks.map(
    (block) =>
      new Paragraph({
        style: block.kind === 'heading' ? STYLE.heading[block.level - 1] : STYLE.body,
        children: inlineRuns(block.inlines, notes),
      }),
  );
}

/** Runs of text with their bold and italic, and footnote calls. */
export function inlineRuns(
  inlines: readonly Inline[],
  notes: NoteSources,
  base: RunFormat = {},
): (TextRun | FootnoteReferenceRun)[] {
  const out: (TextRun | FootnoteReferenceRun)[] = [];
  for (const inline of inlines) {
    if (inline.kind === 'text') {
      const format = { ...base, bold: base.bold || inline.bold, italic: base.italic || inline.italic };
      for (const piece of gapPieces(inline.text)) out.push(run(piece.text, piece.gap ? { ...format, highlight: true } : format));
      continue;
    }
    const blocks = noteBlocks(inline.id, notes);
    if (blocks) out.push(notes.footnotes.call(() => noteParagraphs(blocks)));
  }
  return out;
}

/** A text split around the draft's gap markers ("[chưa có số liệu: …]"), which are printed highlighted. */
function gapPieces(text: string): { text: string; gap: boolean }[] {
  const pieces: { text: string; gap: boolean }[] = [];
  let last = 0;
  for (const m of text.matchAll(GAP_MARK)) {
    if (m.index > last) pieces.push({ text: text.slice(last, m.index), gap: false });
    pieces.push({ text: m[0], gap: true });
    last = m.index + m[0].length;
  }
  if (last < text.length || pieces.length === 0) pieces.push({ text: text.slice(last), gap: false });
  return pieces;
}

function noteBlocks(id: string, notes: NoteSources): readonly Block[] | undefined {
  const own = notes.definitions.get(id);
  if (own) return own;
  const note = notes.modelNotes.find((n) => footnoteKey(n.id) === id);
  return note ? parseMarkup(note.text).blocks : undefined;
}

/** A footnote's paragraphs; calls inside a footnote are not followed (Word has no notes of notes). */
export function noteParagraphs(blocks: readonly Block[]): Paragraph[] {
  return blocks.map(
    (block, index) =>
      new Paragraph({
        style: STYLE.footnote,
        children: [
          // a space between the note's number, which docx puts first, and its text
          ...(index === 0 ? [run(' ')] : []),
          ...block.inlines.flatMap((i) => (i.kind === 'text' ? [run(i.text, { bold: i.bold, italic: i.italic })] : [])),
        ],
      }),
  );
}
