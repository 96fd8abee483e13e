import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import type { Block, HeadingLevel, Inline, MarkupDocument } from './blocks.js';
import { cleanText } from './clean-text.js';

/**
 * CommonMark constructs the body markup does not have (docs/markup.md). Turning them off keeps officers' text
 * literal: "1. …", "- …" and "+ …" stay paragraphs (the report's own numbering and dashes), "<b>" and "&amp;"
 * stay as typed, and no indentation, fence, rule, quote or link syntax can change the meaning of a line.
 * What remains: ATX headings, paragraphs, `**bold**`, `*italic*`, backslash escapes and GFM footnotes.
 * GFM footnote calls `[^id]` are tokenised by the footnote extension itself, not by link labels, so they
 * keep working with `labelStartLink` and `labelStartImage` off.
 */
export const DISABLED_CONSTRUCTS = [
  'list',
  'codeIndented',
  'codeFenced',
  'codeText',
  'htmlFlow',
  'htmlText',
  'autolink',
  'setextUnderline',
  'thematicBreak',
  'blockQuote',
  'definition',
  'labelStartImage',
  'labelStartLink',
  'characterReference',
  'hardBreakEscape',
] as const;

const CALL = /\[\^([^\]\s]+)\]/g;

/** The key a footnote id is known by: as micromark normalises labels (case and inner spaces do not count). */
export function footnoteKey(id: string): string {
  return id.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase().toLowerCase();
}

export interface ParseOptions {
  /** ids of footnotes defined outside the markup (the model's footnotes); calls to them are resolved */
  readonly footnoteIds?: readonly string[];
}

/** Parses body markup into blocks. Never throws: any text is valid markup. */
export function parseMarkup(source: string, options: ParseOptions = {}): MarkupDocument {
  const text = cleanText(source);
  // micromark only recognises a call `[^id]` when a definition of `id` exists in the same document, so the
  // externally defined ids get placeholder definitions after the text; they are told apart by their offset.
  const external = (options.footnoteIds ?? []).filter((id) => /^[^\]\s]+$/.test(id));
  const placeholders = external.map((id) => `[^${id}]: -`).join('\n\n');
  const tree = fromMarkdown(placeholders ? `${text}\n\n${placeholders}\n` : text, {
    extensions: [gfmFootnote(), { disable: { null: [...DISABLED_CONSTRUCTS] } }],
    mdastExtensions: [gfmFootnoteFromMarkdown()],
  });

  const definitions = new Map<string, readonly Block[]>();
  const undefinedCalls = new Set<string>();
  const blocks: Block[] = [];
  for (const node of tree.children) {
    if (node.type === 'footnoteDefinition') {
      const own = (node.position?.start.offset ?? 0) < text.length;
      if (own && !definitions.has(node.identifier)) {
        definitions.set(node.identifier, toBlocks(node.children, undefinedCalls));
      }
    } else {
      blocks.push(...toBlocks([node], undefinedCalls));
    }
  }
  return { blocks, definitions, undefinedCalls: [...undefinedCalls] };
}

function toBlocks(nodes: readonly RootContent[], undefinedCalls: Set<string>): Block[] {
  const out: Block[] = [];
  for (const node of nodes) {
    if (node.type === 'heading') {
      const level = Math.min(node.depth, 3) as HeadingLevel;
      out.push({ kind: 'heading', level, inlines: toInlines(node.children, undefinedCalls) });
    } else if (node.type === 'paragraph') {
      out.push({ kind: 'paragraph', inlines: toInlines(node.children, undefinedCalls) });
    } else if (node.type !== 'footnoteDefinition') {
      // Unreachable with the constructs above disabled; kept total so that no text is ever lost.
      const inlines = toInlines([{ type: 'text', value: plainText(node) }], undefinedCalls);
      if (inlines.length > 0) out.push({ kind: 'paragraph', inlines });
    }
  }
  return out;
}

function toInlines(nodes: readonly PhrasingContent[], undefinedCalls: Set<string>): Inline[] {
  const out: Inline[] = [];
  const walk = (list: readonly PhrasingContent[], bold: boolean, italic: boolean): void => {
    for (const node of list) {
      switch (node.type) {
        case 'strong':
          walk(node.children, true, italic);
          break;
        case 'emphasis':
          walk(node.children, bold, true);
          break;
        case 'footnoteReference':
          out.push({ kind: 'footnote', id: node.identifier });
          break;
        case 'break':
          pushText(out, ' ', bold, italic);
          break;
        default: {
          const value = plainText(node);
          for (const m of value.matchAll(CALL)) undefinedCalls.add(footnoteKey(m[1] ?? ''));
          pushText(out, value, bold, italic);
        }
      }
    }
  };
  walk(nodes, false, false);
  return out;
}

/** Soft line breaks inside a paragraph are spaces; adjacent runs of the same format are merged. */
function pushText(out: Inline[], value: string, bold: boolean, italic: boolean): void {
  const text = value.replace(/[ \t]*\n[ \t]*/g, ' ').replace(/\t/g, ' ');
  if (text === '') return;
  const last = out[out.length - 1];
  if (last && last.kind === 'text' && last.bold === bold && last.italic === italic) {
    out[out.length - 1] = { ...last, text: last.text + text };
  } else {
    out.push({ kind: 'text', text, bold, italic });
  }
}

function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('alt' in node && typeof node.alt === 'string') return node.alt;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}
