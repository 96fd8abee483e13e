import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the bench's generator is plain JavaScript, outside the typed sources
import { legacyWorkspace, scaledWorkspace } from '../../bench/generate.js';
import { baocao } from '../helpers/cli.js';
import { SAMPLE } from '../helpers/workspace.js';

/**
 * The workspaces `npm run bench` measures are made from the bundled data; a file the data folder gains (the
 * report definition, the vocabularies) must reach them too, or the bench measures a refusal instead of a
 * command. Each is checked here as the bench runs it, at a small size.
 */

const tmp = mkdtempSync(join(tmpdir(), 'baocao-bench-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the bench workloads', () => {
  it('the scaled workspace validates and builds', () => {
    const to = join(tmp, 'ws-2');
    (scaledWorkspace as (o: object) => unknown)({ from: SAMPLE, month: '2024-09', to, k: 2, seed: 6 });
    const v = baocao(['validate', '--data', to, '--month', '2024-09']);
    expect(v.code, v.stderr).toBe(0);
    const b = baocao(['build', '--data', to, '--month', '2024-09', '--out', join(tmp, 'out')]);
    expect(b.code, b.stderr).toBe(0);
  });

  it('the legacy sheet imports into its workspace, which then validates', () => {
    const to = join(tmp, 'legacy');
    const sheet = join(tmp, 'legacy.xlsx');
    (legacyWorkspace as (o: object) => unknown)({ from: SAMPLE, to, sheet, rows: 200, parts: 3, seed: 6 });
    const i = baocao(['import', sheet, '--data', to, '--month', '2024-09']);
    expect(i.code, i.stderr).toBe(0);
    const v = baocao(['validate', '--data', to, '--month', '2024-09']);
    expect(v.stderr).not.toMatch(/BC001|BC111|BC25\d/);
  });
});
