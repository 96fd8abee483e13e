import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/workspace.js';

/**
 * The project supports Node 20, 22 and 24. CI (.ci/run) runs the whole suite under each of them and hands every run
 * the three binaries in BAOCAO_TEST_NODES (separated as in PATH): the built program must write the sample month's
 * .docx and .xlsx byte for byte the same under all of them. In CI the three must be there; elsewhere the check runs
 * when the variable names the binaries to compare.
 */

const SUPPORTED = [20, 22, 24];
const given = (process.env.BAOCAO_TEST_NODES ?? '').split(delimiter).filter(Boolean);
const inCI = !!process.env.CI && process.env.CI !== 'false';

const out = mkdtempSync(join(tmpdir(), 'baocao-node-versions-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the supported Node versions', () => {
  it('are the ones package.json, the README and .ci/run name', () => {
    const engines = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    expect(engines.split('||').map((range) => Number(/\^(\d+)\./.exec(range.trim())?.[1]))).toEqual(SUPPORTED);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('Node.js 20, 22 hoặc 24');
    expect(readFileSync(join(ROOT, '.ci', 'run'), 'utf8')).toContain(`for major in ${SUPPORTED.join(' ')}; do`);
  });

  if (given.length > 0 || inCI) {
    it('build the same .docx and .xlsx of the sample month, byte for byte, under each of them', () => {
      const versions = given.map((node) => {
        const r = spawnSync(node, ['-p', 'process.version'], { encoding: 'utf8' });
        expect(r.status, `${node}: ${r.error?.message ?? r.stderr}`).toBe(0);
        return { node, version: r.stdout.trim() };
      });
      const majors = versions.map((v) => Number(v.version.slice(1).split('.')[0]));
      expect([...new Set(majors)].sort((a, b) => a - b), 'BAOCAO_TEST_NODES must name a Node 20, 22 and 24 (.ci/run)').toEqual(SUPPORTED);
      const built = versions.map(({ node, version }) => {
        const dir = join(out, version);
        const r = spawnSync(node, [join(ROOT, 'bin', 'baocao.js'), 'build', '--month', '2024-09', '--out', dir], {
          cwd: ROOT,
          encoding: 'utf8',
          env: { ...process.env, SOURCE_DATE_EPOCH: '' },
          timeout: 120_000,
        });
        expect(r.status, `${version}: ${r.stderr}`).toBe(0);
        return {
          version,
          docx: readFileSync(join(dir, 'bao-cao-de-an-06-2024-09.docx')),
          xlsx: readFileSync(join(dir, 'phu-luc-de-an-06-2024-09.xlsx')),
        };
      });
      const [first, ...rest] = built;
      for (const b of rest) {
        expect(b.docx.equals(first!.docx), `.docx under ${b.version} and ${first!.version}`).toBe(true);
        expect(b.xlsx.equals(first!.xlsx), `.xlsx under ${b.version} and ${first!.version}`).toBe(true);
      }
    });
  }
});
