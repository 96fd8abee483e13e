import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDate } from '../../src/pipeline/build-date.js';
import { checkMonth } from '../../src/pipeline/month.js';
import { renderOutputs } from '../../src/pipeline/render-outputs.js';
import { baocao } from '../helpers/cli.js';
import { ROOT } from '../helpers/workspace.js';

/**
 * The built program (dist/: bundles, precompiled templates, the bundled libraries with their speed-ups) writes the
 * same bytes as the sources run directly: build the sample month both ways and compare.
 */

const out = mkdtempSync(join(tmpdir(), 'baocao-dist-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('dist/ and src/', () => {
  it('build the same .docx and .xlsx of the sample month, byte for byte', async () => {
    const env = { SOURCE_DATE_EPOCH: '' };
    const r = baocao(['build', '--month', '2024-09', '--out', out], { env });
    expect(r.code, r.stderr).toBe(0);
    const check = await checkMonth(join(ROOT, 'data'), 'data', '2024-09');
    const rendered = await renderOutputs({ model: check.model!, formats: ['docx', 'xlsx'], templatesDir: join(ROOT, 'templates'), createdAt: buildDate(check.model!, undefined), draft: null });
    if (!('files' in rendered)) throw new Error(JSON.stringify(rendered.diagnostics));
    const docx = rendered.files.find((f) => f.format === 'docx')!.bytes;
    const xlsx = rendered.files.find((f) => f.format === 'xlsx')!.bytes;
    expect(Buffer.from(readFileSync(join(out, 'bao-cao-de-an-06-2024-09.docx'))).equals(Buffer.from(docx))).toBe(true);
    expect(Buffer.from(readFileSync(join(out, 'phu-luc-de-an-06-2024-09.xlsx'))).equals(Buffer.from(xlsx))).toBe(true);
  });
});
