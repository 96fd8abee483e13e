import { describe, expect, it } from 'vitest';
import type { CatalogIndex } from '../../src/catalog/catalog.js';
import type { LoadedSubmission } from '../../src/readers/submission.js';
import type { Submission } from '../../src/schema/submission.js';
import { partsSum } from '../../src/rules/figure-rules.js';
import type { RuleContext } from '../../src/rules/context.js';

/** Sub-rows add up to their row, for total and for online, each where every sub-row has it. */
function findings(...returns: Submission['services'][]): string[] {
  const submissions = returns.map(
    (services, k) => ({ file: `d${k}.yaml`, format: 'yaml', submission: { department: `d${k}`, month: '2024-09', services }, locator: { file: `d${k}.yaml`, at: () => ({}) } }) as LoadedSubmission,
  );
  const index = { indicator: new Map() } as unknown as CatalogIndex;
  return partsSum({ submissions, index } as unknown as RuleContext).map((d) => `${d.file} ${d.path?.join('/')}: ${d.message}`);
}

describe('sub-rows that do not add up to their row', () => {
  it('are found for total and online, return by return, row by row', () => {
    expect(
      findings(
        {
          a: { total: 30, online: 5, parts: { a1: { total: 10, online: 2 }, a2: { total: 20, online: 3 } } },
          b: { total: 31, online: 6, parts: { b1: { total: 10, online: 2 }, b2: { total: 20, online: 3 } } },
          c: { total: 1, parts: {} },
        },
        { d: { online: 1, parts: { d1: { total: 4, online: 2 } } } },
      ),
    ).toEqual([
      'd0.yaml services/b/total: tổng các dòng con (30) khác số của dòng "b" (31)',
      'd0.yaml services/b/online: tổng các dòng con (5) khác số của dòng "b" (6)',
      'd1.yaml services/d/online: tổng các dòng con (2) khác số của dòng "d" (1)',
    ]);
  });

  it('are not judged where a sub-row lacks the figure', () => {
    expect(findings({ a: { total: 30, online: 9, parts: { a1: { total: 10, online: null }, a2: { online: 3 } } } })).toEqual([]);
  });
});
