import { afterEach, describe, expect, it } from 'vitest';
import { checkMonth } from '../../src/pipeline/month.js';
import { lineOf, tempWorkspace, type TempWorkspace } from '../helpers/workspace.js';

let ws: TempWorkspace;
afterEach(() => ws?.dispose());

async function findings(edit: (w: TempWorkspace) => void) {
  ws = tempWorkspace();
  edit(ws);
  const r = await checkMonth(ws.dir, 'ws', '2024-09');
  return r.diagnostics.filter((d) => d.code !== 'BC260');
}

const CA = '2024-09/cong-an.yaml';
const YT = '2024-09/so-y-te.yaml';

describe('the mini workspace is clean', () => {
  it('has no findings', async () => {
    expect(await findings(() => undefined)).toEqual([]);
  });
});

// Each rule: an edit of the clean workspace, the code it must raise, the file and the line it must name.
describe.each([
  ['unknown department', (w: TempWorkspace) => w.replace(CA, 'department: cong-an', 'department: cong-an-tinh'), 'BC201', CA, 'department:'],
  ['two files for one department', (w: TempWorkspace) => w.write('2024-09/cong-an-2.yaml', w.read(CA)), 'BC205', '2024-09/cong-an.yaml', 'department:'],
  ['month inside the file ≠ folder', (w: TempWorkspace) => w.replace(CA, 'month: 2024-09', 'month: 2024-08'), 'BC220', CA, 'month:'],
  ['unknown service', (w: TempWorkspace) => w.replace(CA, '  t2:', '  t9:'), 'BC202', CA, 't9:'],
  ['unknown part of a service', (w: TempWorkspace) => w.replace(YT, 't1-b:', 't1-c:'), 'BC202', YT, 't1-c:'],
  ['unknown indicator part', (w: TempWorkspace) => w.replace(CA, 'young:', 'baby:'), 'BC202', CA, 'parts:'],
  ['row owned by another department', (w: TempWorkspace) => w.replace(CA, '  t2:', '  s2:'), 'BC203', CA, 's2:'],
  ['row claimed twice', (w: TempWorkspace) => w.replace(YT, 'services:\n', 'services:\n  s1: { total: 1, online: 1 }\n'), 'BC204', YT, 's1:'],
  ['online > total', (w: TempWorkspace) => w.replace(CA, 'online: 22.005, onTime: 22.005', 'online: 23.005, onTime: 22.005'), 'BC210', CA, 'online: 23.005'],
  ['online without total', (w: TempWorkspace) => w.replace(CA, 'total: 22.046, ', ''), 'BC210', CA, 's1:'],
  ['on time + overdue > online', (w: TempWorkspace) => w.replace(CA, 'onTime: 22.005 }', 'onTime: 22.005, overdue: 1 }'), 'BC211', CA, 'overdue: 1'],
  ['breakdown ≠ total', (w: TempWorkspace) => w.replace(CA, 'young: 368.381', 'young: 368.380'), 'BC212', CA, 'value: 395.015'],
  ['sub-rows ≠ their row', (w: TempWorkspace) => w.replace(YT, '    connection: Đã kết nối\n    parts:', '    connection: Đã kết nối\n    total: 300\n    parts:'), 'BC212', YT, 'total: 300'],
  ['value > total', (w: TempWorkspace) => w.replace(YT, 'total: 164.331', 'total: 39.000'), 'BC213', YT, 'pension:'],
  ['a total the catalog does not expect', (w: TempWorkspace) => w.replace(YT, 'cards: { value: 1.594 }', 'cards: { value: 1.594, total: 2.000 }'), 'BC214', YT, 'cards:'],
  ['negative count', (w: TempWorkspace) => w.replace(YT, 'total: 4681', 'total: -4681'), 'BC120', YT, 'total: -4681'],
  ['fractional count "12,5"', (w: TempWorkspace) => w.replace(YT, '      t1-a: { total: 176, online: 33, onTime: 33 }', '      t1-a:\n        total: 12,5'), 'BC120', YT, 'total: 12,5'],
  ['"12,5" inside { } (the comma splits the value)', (w: TempWorkspace) => w.replace(YT, 'total: 4681', 'total: 12,5'), 'BC111', YT, 'total: 12,5'],
  ['unknown connection status', (w: TempWorkspace) => w.replace(CA, 'Chưa kết nối', 'Không rõ'), 'BC123', CA, 'Không rõ'],
  ['misspelt key', (w: TempWorkspace) => w.replace(YT, 'onTime: 4637 }', 'ontime: 4637 }'), 'BC111', YT, 'ontime'],
  ['footnote called but not defined', (w: TempWorkspace) => w.replace('2024-09/van-phong.yaml', '[^vb]', '[^vb2]'), 'BC240', '2024-09/van-phong.yaml', '[^vb2]'],
])('%s', (_case, edit, code, file, needle) => {
  it(`gives ${code} at ${file}, on the line of "${needle}"`, async () => {
    const found = await findings(edit);
    const hit = found.find((d) => d.code === code);
    expect(hit, JSON.stringify(found, null, 1)).toBeDefined();
    expect(hit!.file).toBe(`ws/${file}`);
    expect(hit!.line).toBe(lineOf(ws.read(file), needle));
  });
});

describe('warnings', () => {
  it('an "as of" date outside the period is a warning, not an error', async () => {
    const found = await findings((w) => w.replace(YT, 'asOf: 15/9/2024', 'asOf: 20/9/2024'));
    expect(found).toMatchObject([{ severity: 'warning', code: 'BC221', line: lineOf(ws.read(YT), 'asOf') }]);
  });
  it('a figure that should move but equals last month is probably copied forward', async () => {
    const found = await findings((w) => w.replace(YT, 'cards: { value: 1.594 }', 'cards: { value: 1000 }'));
    expect(found).toMatchObject([{ severity: 'warning', code: 'BC230' }]);
  });
  it('a department with no return is listed as missing', async () => {
    ws = tempWorkspace();
    const { rmSync } = await import('node:fs');
    rmSync(`${ws.dir}/${CA}`);
    const r = await checkMonth(ws.dir, 'ws', '2024-09');
    expect(r.missing.map((d) => d.id)).toEqual(['cong-an']);
    expect(r.diagnostics.filter((d) => d.code === 'BC260')).toHaveLength(1);
  });
});

describe('all problems of all files in one run', () => {
  it('reports errors in two files together', async () => {
    const found = await findings((w) => {
      w.replace(YT, 'total: 4681', 'total: "4.681,5"');
      w.replace(CA, 'online: 22.005, onTime: 22.005', 'online: 23.005, onTime: 22.005');
    });
    expect(found.map((d) => d.code).sort()).toEqual(['BC120', 'BC210']);
  });
});
