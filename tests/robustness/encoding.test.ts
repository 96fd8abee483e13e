import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempWorkspace, type TempWorkspace } from '../helpers/workspace.js';
import { byArea } from './cases.js';
import { cli, diagnosticOf, expectCase, treeHash } from './harness.js';
import { asLatin1Mojibake, toTcvn3, toVni, toWindows1258 } from './legacy-encodings.js';

/**
 * Files that are not UTF-8, or UTF-8 holding text typed in a legacy Vietnamese encoding, through the CLI on a
 * copy of fixtures/mini (2024-09/so-y-te.yaml). The paragraph is on line 5 and starts at column 8.
 */

const FILE = '2024-09/so-y-te.yaml';
const TEXT = 'Sở Y tế đã triển khai các dịch vụ công trực tuyến của tỉnh';
const head = (bytes: Buffer | string) =>
  Buffer.concat([Buffer.from('department: so-y-te\nmonth: 2024-09\nsections:\n  y-te:\n    - "'), Buffer.from(bytes), Buffer.from('"\n')]);

interface Setup {
  readonly bytes: () => Buffer;
  /** the message must name the encoding */
  readonly names?: RegExp;
  /** for accepted files: the paragraph as the model must hold it */
  readonly paragraph?: string;
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

const SETUPS: Record<string, Setup> = {
  'enc.windows-1258': { bytes: () => head(toWindows1258(TEXT)), names: /Windows-1258/ },
  'enc.tcvn3-bytes': { bytes: () => head(toTcvn3(TEXT)), names: /TCVN3/ },
  'enc.vni-bytes': { bytes: () => head(toVni(TEXT)), names: /VNI/ },
  'enc.tcvn3-utf8': { bytes: () => head(asLatin1Mojibake(toTcvn3(TEXT))), names: /TCVN3/ },
  'enc.vni-utf8': { bytes: () => head(asLatin1Mojibake(toVni(TEXT))), names: /VNI/ },
  'enc.utf16-bom': { bytes: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(head(TEXT).toString('utf8'), 'utf16le')]), names: /UTF-16/ },
  'enc.utf16-no-bom': { bytes: () => Buffer.from(head(TEXT).toString('utf8'), 'utf16le'), names: /UTF-16/ },
  'enc.binary': { bytes: () => PNG },
  'enc.bom': { bytes: () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), head(TEXT)]), paragraph: TEXT },
  'enc.nfd': { bytes: () => head(TEXT.normalize('NFD')), paragraph: TEXT.normalize('NFC') },
  'enc.foreign-names': {
    bytes: () => head('Hợp tác với Société Générale; chuyên gia Müller, Jürgen (Düsseldorf) và Ångström'),
    paragraph: 'Hợp tác với Société Générale; chuyên gia Müller, Jürgen (Düsseldorf) và Ångström',
  },
};

let ws: TempWorkspace | undefined;
afterEach(() => {
  ws?.dispose();
  ws = undefined;
});

describe('encodings: not UTF-8, or legacy Vietnamese text, is named and located; nothing is written', () => {
  it('has a setup for every case of the table, and a case for every setup', () => {
    expect(Object.keys(SETUPS).sort()).toEqual(byArea('encoding').map((c) => c.id).sort());
  });

  it.each(byArea('encoding').map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const setup = SETUPS[c.id]!;
    ws = tempWorkspace();
    writeFileSync(join(ws.dir, FILE), setup.bytes());
    const before = treeHash(ws.dir);
    if (c.exit === 0) {
      expectCase(c, cli(['validate', '--data', ws.dir, '--month', '2024-09', '--json']));
      const m = cli(['model', '--data', ws.dir, '--month', '2024-09']);
      expect(m.code, m.stderr).toBe(0);
      const model = JSON.parse(m.stdout) as { sections: Record<string, { items: string[] }> };
      expect(model.sections['y-te']!.items).toEqual([setup.paragraph]);
    } else {
      const r = cli(['build', '--data', ws.dir, '--month', '2024-09', '--out', join(ws.dir, 'out'), '--json']);
      expectCase(c, r);
      if (setup.names) expect(diagnosticOf(r, c.code!).message).toMatch(setup.names);
    }
    expect(treeHash(ws.dir), 'the workspace changed').toEqual(before);
  });
});
