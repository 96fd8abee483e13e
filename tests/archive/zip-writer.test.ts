import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { packDocument } from '../../src/render/docx/package.js';
import { NOTE_PARTS, separatorsAsWordWrites } from '../../src/render/docx/word-notes.js';
import { zipFiles } from '../../src/archive/zip-writer.js';
import { zipEntryTimes } from '../render/docx/docx-parts.js';

describe('zipFiles', () => {
  const at = new Date('2024-09-15T10:20:30Z');
  const files: [string, string | Uint8Array][] = [
    ['[Content_Types].xml', '<?xml version="1.0"?><Types/>'],
    ['word/document.xml', '<w:document>' + 'Đã kết nối '.repeat(2000) + '</w:document>'],
    ['word/media/ảnh.bin', new Uint8Array([0, 1, 2, 255])],
    ['empty.txt', ''],
  ];

  it('writes an archive other readers open, in the given order, every entry dated', async () => {
    const zip = await zipFiles(files, at);
    const read = unzipSync(zip);
    expect(Object.keys(read)).toEqual(files.map(([p]) => p));
    for (const [p, c] of files) expect(Buffer.from(read[p]!)).toEqual(Buffer.from(typeof c === 'string' ? new TextEncoder().encode(c) : c));
    expect(new Set(zipEntryTimes(zip))).toEqual(new Set(['2024-09-15T10:20:30.000Z']));
    expect(Buffer.from(await zipFiles(files, at)).equals(Buffer.from(zip))).toBe(true);
    let unzip = '';
    try {
      unzip = execFileSync('which', ['unzip'], { encoding: 'utf8' }).trim();
    } catch {
      unzip = '';
    }
    if (unzip) {
      const dir = mkdtempSync(join(tmpdir(), 'baocao-zip-'));
      try {
        writeFileSync(join(dir, 'a.zip'), zip);
        expect(execFileSync(unzip, ['-t', join(dir, 'a.zip')], { encoding: 'utf8' })).toMatch(/No errors detected/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it('gives the same bytes whatever the time zone of the machine', async () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Ho_Chi_Minh';
      const hanoi = await zipFiles(files, at);
      process.env.TZ = 'America/New_York';
      const newYork = await zipFiles(files, at);
      expect(Buffer.from(newYork).equals(Buffer.from(hanoi))).toBe(true);
      expect(new Set(zipEntryTimes(hanoi))).toEqual(new Set(['2024-09-15T10:20:30.000Z']));
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});

describe('packDocument', () => {
  it('gives the parts that Packer.toBuffer gives, in the same order, with the notes\' separators as Word writes them', async () => {
    const doc = () => new Document({ sections: [{ children: [new Paragraph('Báo cáo')] }] });
    const overrides = [{ path: 'docProps/core.xml', data: '<core/>' }];
    const ours = unzipSync(await packDocument(doc(), overrides, new Date('2024-09-15T00:00:00Z')));
    const theirs = unzipSync(new Uint8Array(await Packer.toBuffer(doc(), false, overrides)));
    expect(Object.keys(ours)).toEqual(Object.keys(theirs));
    for (const k of Object.keys(theirs)) {
      if (k === 'docProps/core.xml') continue;
      const note = NOTE_PARTS.get(k);
      const expected = Buffer.from(theirs[k]!).toString();
      expect(Buffer.from(ours[k]!).toString()).toEqual(note ? separatorsAsWordWrites(expected, note) : expected);
    }
    expect(Buffer.from(ours['docProps/core.xml']!).toString()).toBe('<core/>');
  });
});
