import { Document, isMap, isScalar, YAMLMap, Scalar } from 'yaml';
import type { AsWritten } from '../schema/as-written.js';

/**
 * Writes a department's return as YAML the way an officer would: the editor schema line first, keys in the
 * catalog's order, long texts as "|" blocks, empty values left blank so the clerk sees what to fill.
 * Input is the as-written form: every value a string ("" for blank).
 */

export type { AsWritten };

export const SCHEMA_LINE = 'yaml-language-server: $schema=../../schemas/submission.schema.json';

export function submissionYaml(value: { readonly [key: string]: AsWritten }, headerComment?: string): string {
  const doc = new Document(value);
  doc.commentBefore = [SCHEMA_LINE, ...(headerComment ? headerComment.split('\n') : [])].map((l) => ' ' + l).join('\n');
  styleScalars(doc.contents);
  return doc.toString({ lineWidth: 0, indent: 2, nullStr: '' });
}

function styleScalars(node: unknown): void {
  if (isMap(node) || node instanceof YAMLMap) {
    for (const pair of (node as YAMLMap).items) styleScalars(pair.value);
    return;
  }
  if (node && typeof node === 'object' && 'items' in node) {
    for (const item of (node as { items: unknown[] }).items) styleScalars(item);
    return;
  }
  if (isScalar(node)) {
    const s = node as Scalar;
    if (typeof s.value !== 'string') return;
    if (s.value === '') {
      s.value = null;
      return;
    }
    if (s.value.includes('\n')) s.type = Scalar.BLOCK_LITERAL;
    else if (needsQuotes(s.value)) s.type = Scalar.QUOTE_DOUBLE;
  }
}

/** strings that YAML 1.2 readers (the editor) would take for something else */
function needsQuotes(s: string): boolean {
  return /^(?:true|false|yes|no|on|off|null|~)$/i.test(s) || /^[-?:,[\]{}#&*!|>'"%@`]/.test(s) || /: |\s#/.test(s) || s !== s.trim();
}
