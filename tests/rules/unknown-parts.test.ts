import { describe, expect, it } from 'vitest';
import type { CatalogIndex } from '../../src/catalog/catalog.js';
import type { LoadedSubmission } from '../../src/readers/submission.js';
import { unknownItem } from '../../src/rules/ownership-rules.js';
import type { RuleContext } from '../../src/rules/context.js';

/**
 * A sub-row must be one of its service's parts. A service with a few parts has its list looked through, one with
 * many has a set made for it: both ways name the same unknown sub-rows.
 */
function check(partCount: number, claimed: readonly string[]): string[] {
  const parts = Array.from({ length: partCount }, (_, i) => ({ id: `s1-${i}`, name: `Dòng ${i}` }));
  const service = { id: 's1', stt: '1', name: 'Dịch vụ', owner: 'd', parts };
  const index = { department: new Map(), service: new Map([['s1', service]]), model: new Map(), indicator: new Map(), section: new Map() } as unknown as CatalogIndex;
  const submission: LoadedSubmission = {
    file: 'd.yaml',
    format: 'yaml',
    submission: { department: 'd', month: '2024-09', services: { s1: { parts: Object.fromEntries(claimed.map((id) => [id, { total: 1 }])) } } },
    locator: { file: 'd.yaml', at: () => ({}) },
  } as LoadedSubmission;
  const ctx = { submissions: [submission], index } as unknown as RuleContext;
  return unknownItem(ctx).map((d) => String(d.path?.[3]));
}

describe('sub-rows that are not parts of their service', () => {
  for (const count of [3, 16, 17, 40]) {
    it(`are named, for a service of ${count} parts`, () => {
      expect(check(count, ['s1-0', `s1-${count - 1}`])).toEqual([]);
      expect(check(count, ['s1-0', `s1-${count}`, 'x', `s1-${count - 1}`])).toEqual([`s1-${count}`, 'x']);
    });
  }
});
