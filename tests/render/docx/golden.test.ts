import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { MODEL_SAMPLE } from '../../fixtures/model-sample.js';
import { normaliseXml, parts, renderBytes } from './docx-parts.js';

/**
 * Structural golden files of the sample report: the document body, its footnotes and styles, compared as
 * normalised XML (never the zip bytes). Run with UPDATE_GOLDEN=1 to rewrite them after a deliberate change,
 * then look at the result in LibreOffice before committing.
 */
const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), '..', 'golden');
const PARTS = ['word/document.xml', 'word/footnotes.xml', 'word/styles.xml'] as const;

let rendered: Record<string, string>;
beforeAll(async () => {
  rendered = parts(await renderBytes(MODEL_SAMPLE, { createdAt: new Date('2024-09-20T08:00:00Z') }));
});

describe('golden parts of the sample report', () => {
  it.each(PARTS)('%s', (part) => {
    const actual = normaliseXml(rendered[part] ?? '');
    const file = join(GOLDEN, part.replace('word/', ''));
    if (process.env['UPDATE_GOLDEN'] === '1') {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(file, actual);
    }
    expect(existsSync(file), `${file} is missing: run the tests with UPDATE_GOLDEN=1`).toBe(true);
    expect(actual).toBe(readFileSync(file, 'utf8'));
  });
});
