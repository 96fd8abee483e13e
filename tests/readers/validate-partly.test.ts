import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexCatalog } from '../../src/catalog/catalog.js';
import { reportingPeriod } from '../../src/compute/period.js';
import { aboutDropped } from '../../src/readers/validate-shape.js';
import { readSubmission } from '../../src/readers/submission.js';
import { runRules } from '../../src/rules/index.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { SAMPLE, tempWorkspace } from '../helpers/workspace.js';

const ws = tempWorkspace(SAMPLE);
afterAll(() => ws.dispose());

describe('a return with an unreadable value', () => {
  it('is refused, but what validates is cross-checked too: every problem in one run', async () => {
    ws.replace('2024-09/so-tu-phap.yaml', /total: 4\.681/, 'total: 12,5');
    ws.replace('2024-09/so-tu-phap.yaml', /online: 1\.880/, 'online: 9.999');
    const w = (await loadWorkspace(ws.dir, 'data')).workspace!;
    const file = join(ws.dir, '2024-09', 'so-tu-phap.yaml');
    const r = await readSubmission(file, 'so-tu-phap.yaml', w.catalog);
    expect(r.submission).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([['BC120', ['services', 'qd06-09', 'total']]]);
    expect(r.partial!.dropped).toEqual([['services', 'qd06-09', 'total']]);
    const partial = r.partial!.loaded;
    expect(partial.submission.services!['qd06-09']!.total).toBeUndefined();
    const rules = runRules({ month: '2024-09', period: reportingPeriod('2024-09', 15), catalog: w.catalog, index: indexCatalog(w.catalog), submissions: [partial], previous: null });
    const ours = rules.filter((d) => d.severity === 'error' && !aboutDropped(d.path, r.partial!.dropped));
    // online above total in qd06-10, found on the partial return and located in the file
    expect(ours.map((d) => [d.code, d.path, d.line])).toEqual([['BC210', ['services', 'qd06-10', 'online'], expect.any(Number)]]);
    // the row of the value left out is not judged again ("online without a total")
    expect(rules.some((d) => aboutDropped(d.path, r.partial!.dropped))).toBe(true);
  });

  it('gives nothing partial when the problem is the return as a whole', async () => {
    const w = (await loadWorkspace(ws.dir, 'data')).workspace!;
    const file = join(ws.dir, '2024-09', 'broken.yaml');
    writeFileSync(file, '- a\n- b\n');
    const r = await readSubmission(file, 'broken.yaml', w.catalog);
    expect(r.submission).toBeUndefined();
    expect(r.partial).toBeUndefined();
    expect(r.diagnostics.length).toBeGreaterThan(0);
  });
});
