import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/workspace.js';
import { CASES, type Case, type Loc } from './cases.js';
import { DEFAULT_BOUND_MS } from './harness.js';

/**
 * docs/robustness.md shows the table of cases the suite runs (tests/robustness/cases.ts) and the properties it
 * checks (tests/robustness/properties.test.ts); this test keeps them equal. To rewrite the doc's tables after
 * changing a case: UPDATE_ROBUSTNESS_DOC=1 npx vitest run tests/robustness/table.test.ts
 */

const DOC = join(ROOT, 'docs', 'robustness.md');

function location(at: Loc | null): string {
  if (!at) return '—';
  if (at.sheet !== undefined || at.row !== undefined) {
    const cell = at.cell ?? (at.row ? `cell of ${at.row.replace(/^\w+:/, '')} / ${at.field}` : undefined);
    return [at.file, at.sheet, cell].filter(Boolean).join(' › ');
  }
  let s = at.file ?? '';
  if (at.line !== undefined) s += `:${at.line}`;
  if (at.column !== undefined) s += `:${at.column}`;
  return s;
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

function row(c: Case): string {
  const bound = `< ${Math.round((c.boundMs ?? DEFAULT_BOUND_MS) / 1000)} s${c.boundMb === undefined ? '' : `, < ${c.boundMb} MB`}`;
  const cells = [c.area, c.input, c.exit === null ? 'killed' : String(c.exit), c.code ?? '—', location(c.at), bound, c.outcome, `\`${c.id}\``];
  return `| ${cells.map(cell).join(' | ')} |`;
}

export function casesTable(): string {
  return ['| area | case | exit | code | location | time | what the tool does | id |', '|---|---|---|---|---|---|---|---|', ...CASES.map(row)].join('\n');
}

/** The titles of the property tests, in order. */
function properties(): string[] {
  const src = readFileSync(join(ROOT, 'tests', 'robustness', 'properties.test.ts'), 'utf8');
  const titles = [...src.matchAll(/\bit\(\s*'([^']+)'/g)].map((m) => m[1]!);
  const each = [...src.matchAll(/\[\s*'([^']+)',\s*(?:schemaClean|markupClean)\s*\]/g)].map((m) => `${m[1]}: NFC, idempotent, nothing XML forbids`);
  return [...each, ...titles];
}

function propertiesTable(): string {
  return ['| property |', '|---|', ...properties().map((t) => `| ${cell(t)} |`)].join('\n');
}

function block(name: string): RegExp {
  return new RegExp(`<!-- ${name}:begin -->\\n([\\s\\S]*?)\\n?<!-- ${name}:end -->`);
}

function between(doc: string, name: string): string {
  const m = block(name).exec(doc);
  if (!m) throw new Error(`docs/robustness.md has no <!-- ${name}:begin --> … <!-- ${name}:end --> block`);
  return m[1]!;
}

function withTable(doc: string, name: string, table: string): string {
  return doc.replace(block(name), () => `<!-- ${name}:begin -->\n${table}\n<!-- ${name}:end -->`);
}

describe('docs/robustness.md', () => {
  it('tabulates exactly the cases the suite runs, as it checks them', () => {
    let doc = readFileSync(DOC, 'utf8');
    if (process.env.UPDATE_ROBUSTNESS_DOC) {
      doc = withTable(withTable(doc, 'cases', casesTable()), 'properties', propertiesTable());
      writeFileSync(DOC, doc);
    }
    expect(between(doc, 'cases')).toBe(casesTable());
    expect(between(doc, 'properties')).toBe(propertiesTable());
  });

  it('every case has a unique id', () => {
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
  });
});
