import { describe, expect, it } from 'vitest';
import { terminalProgress } from '../../src/cli/progress.js';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, columns: 60, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream };
}

describe('progress on long runs', () => {
  it('shows each step and item on a terminal, in place, and clears at the end', () => {
    const { written, stream } = fakeStream(true);
    const p = terminalProgress(false, stream);
    p.step('Đọc số liệu tháng 2024-09');
    p.item('so-y-te.yaml', 3, 18);
    p.end();
    expect(written[0]).toMatch(/^\rĐọc số liệu tháng 2024-09…/);
    expect(written[1]).toContain('[3/18] so-y-te.yaml');
    expect(written.every((w) => w.startsWith('\r') && !w.includes('\n'))).toBe(true);
    expect(written[written.length - 1]!.trim()).toBe('');
  });
  it.each([
    ['not a terminal', false, false],
    ['--json', true, true],
  ])('is silent when %s', (_case, isTTY, json) => {
    const { written, stream } = fakeStream(isTTY as boolean);
    const p = terminalProgress(json as boolean, stream);
    p.step('x');
    p.item('y', 1, 2);
    p.end();
    expect(written).toEqual([]);
  });
});
