import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { fastShape } from '../../src/readers/fast-shape.js';
import { readYaml } from '../../src/readers/yaml.js';
import { DepartmentsFile, IndicatorsFile, ModelsFile, SectionsFile, ServicesFile } from '../../src/schema/catalog.js';
import { ReportSettingsFile } from '../../src/schema/report-settings.js';
import { BaselineFile, SubmissionFile } from '../../src/schema/submission.js';

/** The fast path of validateShape must give exactly zod's parsed value, or hand the input over (null) to zod. */

/** Values and key order, undefined values included. */
function shapeOf(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(shapeOf);
  if (v !== null && typeof v === 'object') return Object.keys(v).map((k) => [k, shapeOf((v as Record<string, unknown>)[k])]);
  return v === undefined ? '<undefined>' : v;
}

function same(schema: z.ZodType, input: unknown): 'fast' | 'handed over' {
  const fast = fastShape(schema, input);
  const slow = schema.safeParse(input);
  if (!slow.success) {
    expect(fast).toBeNull();
    return 'handed over';
  }
  if (fast === null) return 'handed over';
  expect(shapeOf(fast.value)).toEqual(shapeOf(slow.data));
  return 'fast';
}

const SCHEMAS: Record<string, z.ZodType> = {
  'departments.yaml': DepartmentsFile,
  'services-qd06.yaml': ServicesFile,
  'services-qd422.yaml': ServicesFile,
  'models.yaml': ModelsFile,
  'indicators.yaml': IndicatorsFile,
  'sections.yaml': SectionsFile,
  'report.yaml': ReportSettingsFile,
  'baseline.yaml': BaselineFile,
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : n.endsWith('.yaml') ? [join(dir, n)] : []));
}

const read = (file: string) => readYaml(file, readFileSync(file, 'utf8')).value;
const schemaOf = (file: string) => SCHEMAS[file.split('/').pop()!] ?? SubmissionFile;

describe('fastShape', () => {
  it.each([...files('data'), ...files('fixtures')])('parses %s itself, as zod does', (file) => {
    // report.yaml's recipients are a union (text, or text and footnote): zod parses it, once per command
    expect(same(schemaOf(file), read(file))).toBe(file.endsWith('report.yaml') ? 'handed over' : 'fast');
  });

  it('agrees with zod on damaged returns and catalogs', () => {
    const inputs = [...files('data'), ...files('fixtures')].map((f) => [schemaOf(f), read(f)] as const);
    const bad = fc.constantFrom<unknown>('', ' ', '12,5', '3.182', '-1', 'abc', 'Đã kết nối', 'da ket noi', '15/9/2024', '2024-09', 'Xx', [], {}, ['a'], { a: '1' }, undefined, null, 7);
    // a path into the value, then what is put there (or the key removed, or an unknown key added)
    const edit = fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), fc.oneof(bad, fc.constant('<delete>'), fc.constant('<add>')));
    let fast = 0;
    fc.assert(
      fc.property(fc.nat(inputs.length - 1), fc.array(edit, { maxLength: 3 }), (i, edits) => {
        const [schema, original] = inputs[i]!;
        const input = structuredClone(original);
        for (const [steps, what] of edits) {
          let node = input as Record<string, unknown>;
          for (const [j, step] of steps.entries()) {
            if (node === null || typeof node !== 'object') break;
            const keys = Object.keys(node);
            if (keys.length === 0) break;
            const key = keys[step % keys.length]!;
            if (j === steps.length - 1 || node[key] === null || typeof node[key] !== 'object') {
              if (what === '<delete>') delete node[key];
              else if (what === '<add>') node['khoa-la'] = 'x';
              else node[key] = what;
              break;
            }
            node = node[key] as Record<string, unknown>;
          }
        }
        if (same(schema, input) === 'fast') fast++;
      }),
      { numRuns: 1500, seed: 9 },
    );
    expect(fast).toBeGreaterThan(50);
  });
});
