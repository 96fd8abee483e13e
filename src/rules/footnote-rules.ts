import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { CODES } from '../diagnostics/codes.js';
import { at, type Rule } from './context.js';

const CALL = /\[\^([^\]\s]+)\]/g;

/** Footnotes called as [^id] in the narrative are defined once, and every definition is called. */
export const footnotes: Rule = ({ submissions }) => {
  const out: Diagnostic[] = [];
  const defined = new Map<string, string>();
  for (const s of submissions) {
    for (const id of Object.keys(s.submission.footnotes ?? {})) {
      const first = defined.get(id);
      if (first !== undefined) out.push(error(CODES.duplicateFootnote, `chú thích "${id}" đã được định nghĩa trong ${first}`, at(s, ['footnotes', id], true)));
      else defined.set(id, s.file);
    }
  }
  const called = new Set<string>();
  for (const s of submissions) {
    for (const [sid, items] of Object.entries(s.submission.sections ?? {})) {
      items.forEach((text, i) => {
        for (const m of text.matchAll(CALL)) {
          const id = m[1]!;
          called.add(id);
          if (!defined.has(id)) out.push(error(CODES.footnoteUndefined, `chú thích [^${id}] chưa có nội dung (thêm vào mục footnotes)`, at(s, ['sections', sid, i])));
        }
      });
    }
  }
  for (const s of submissions) {
    for (const id of Object.keys(s.submission.footnotes ?? {})) {
      if (!called.has(id)) out.push(warning(CODES.footnoteUnused, `chú thích "${id}" không được gọi ở đâu trong lời văn ([^${id}])`, at(s, ['footnotes', id], true)));
    }
  }
  return out;
};
