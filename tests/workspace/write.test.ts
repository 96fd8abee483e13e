import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BaocaoError, EXIT } from '../../src/diagnostics/diagnostic.js';
import { writeOutputs } from '../../src/workspace/write.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'baocao-write-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeOutputs', () => {
  it('writes every file whole and leaves no temporary file', async () => {
    writeFileSync(join(dir, 'a.docx'), 'old a');
    await writeOutputs([
      { path: join(dir, 'a.docx'), shown: 'a.docx', data: 'new a' },
      { path: join(dir, 'sub', 'b.xlsx'), shown: 'b.xlsx', data: new Uint8Array([1, 2, 3]) },
    ]);
    expect(readFileSync(join(dir, 'a.docx'), 'utf8')).toBe('new a');
    expect([...readFileSync(join(dir, 'sub', 'b.xlsx'))]).toEqual([1, 2, 3]);
    expect(readdirSync(dir).sort()).toEqual(['a.docx', 'sub']);
  });

  it('writes them as a set: when one cannot be written, none is replaced', async () => {
    writeFileSync(join(dir, 'a.docx'), 'old a');
    writeFileSync(join(dir, 'not-a-folder'), 'a file');
    const attempt = writeOutputs([
      { path: join(dir, 'a.docx'), shown: 'a.docx', data: 'new a' },
      { path: join(dir, 'not-a-folder', 'b.xlsx'), shown: 'b.xlsx', data: 'new b' },
    ]);
    await expect(attempt).rejects.toBeInstanceOf(BaocaoError);
    const e = (await attempt.catch((x: unknown) => x)) as BaocaoError;
    expect(e.exitCode).toBe(EXIT.io);
    expect(e.diagnostic).toMatchObject({ code: 'BC006', file: 'b.xlsx' });
    expect(readFileSync(join(dir, 'a.docx'), 'utf8')).toBe('old a');
    expect(readdirSync(dir).sort()).toEqual(['a.docx', 'not-a-folder']);
  });
});
