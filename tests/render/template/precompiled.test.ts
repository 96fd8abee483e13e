import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { createEnvironment } from '../../../src/render/template/environment.js';
import { PRECOMPILED_FILE, precompiledModule, type Precompiled } from '../../../src/render/template/precompiled.js';
import { packageRoot } from '../../../src/workspace/package-root.js';
import { runTemplate } from '../../../src/render/template/run.js';
import { renderTexts } from '../../../src/render/template/report-texts.js';
import { loadTemplates } from '../../../src/render/templates-load.js';
import { MODEL_SAMPLE } from '../../fixtures/model-sample.js';

/** Templates compiled ahead of time (dist/templates.cjs) must behave exactly as when compiled at run time. */

const dir = mkdtempSync(join(tmpdir(), 'baocao-precompiled-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function compiledAhead(templates: Record<string, string>): Promise<Record<string, Precompiled>> {
  const file = join(dir, `t${Math.random().toString(36).slice(2)}.cjs`);
  writeFileSync(file, precompiledModule(templates));
  return createRequire(import.meta.url)(file) as Record<string, Precompiled>;
}

describe('precompiled templates', () => {
  it('write the same report texts as the shipped templates compiled at run time', async () => {
    const shipped = await loadTemplates();
    const plain = Object.fromEntries(Object.entries(shipped).map(([k, v]) => [k, { file: v.file, text: v.text }]));
    const ahead = await compiledAhead(Object.fromEntries(Object.entries(plain).map(([k, v]) => [k, v.text])));
    const withSpecs = Object.fromEntries(Object.entries(plain).map(([k, v]) => [k, { ...v, precompiled: ahead[k]!.spec }]));
    expect(renderTexts(MODEL_SAMPLE, withSpecs)).toEqual(renderTexts(MODEL_SAMPLE, plain));
  });

  it.each([
    ['an unknown field', 'Có {{so indicators.khong-co.value}} thẻ'],
    ['a helper given the wrong arguments', '{{so 1 2}}'],
    ['a prototype property', '{{constructor}}'],
  ])('report %s where the run-time compiled template does', async (_name, text) => {
    const ahead = await compiledAhead({ t: text });
    const context = { indicators: {} };
    const source = { file: 'templates/t.hbs', text };
    expect(runTemplate(createEnvironment(), { ...source, precompiled: ahead.t!.spec }, context)).toEqual(runTemplate(createEnvironment(), source, context));
  });

  it('are ignored when this Handlebars cannot run them: the text is compiled', () => {
    expect(runTemplate(createEnvironment(), { file: 't.hbs', text: 'B {{x}}', precompiled: { compiler: [1, 'old'], main: () => 'x' } }, { x: 1 })).toEqual({ text: 'B 1' });
  });

  it.runIf(existsSync(join(packageRoot(), PRECOMPILED_FILE)))('are attached by loadTemplates to the shipped texts only', async () => {
    const shipped = await loadTemplates();
    expect(Object.values(shipped).every((t) => t.precompiled !== undefined)).toBe(true);
    const own = join(dir, 'own');
    mkdirSync(own);
    writeFileSync(join(own, 'bao-cao.hbs'), shipped['bao-cao']!.text + '\nThêm một dòng.\n');
    writeFileSync(join(own, 'trich-yeu.hbs'), shipped['trich-yeu']!.text);
    const mine = await loadTemplates(own);
    expect(mine['bao-cao']!.precompiled).toBeUndefined();
    expect(mine['trich-yeu']!.precompiled).toBeDefined();
  });
});
