import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSubmissionWorkbook } from '../../src/excel/read-submission.js';
import { ROOT } from '../helpers/workspace.js';
import { workspace } from './helpers.js';

/**
 * Committed workbooks. A form of version 1, as departments hold it, must stay readable whatever later versions of
 * the form writer do (regenerate only on purpose, with:
 *   node bin/baocao.js forms --month 2024-09 --department so-tu-phap --filled --out /tmp/f && cp /tmp/f/so-tu-phap.xlsx fixtures/excel/form-v1-so-tu-phap-2024-09.xlsx).
 */
describe('fixtures/excel', () => {
  it('a version 1 form of Sở Tư pháp still reads back as the return it was filled from', async () => {
    const ws = await workspace();
    const r = await readSubmissionWorkbook(resolve(ROOT, 'fixtures/excel/form-v1-so-tu-phap-2024-09.xlsx'), 'form.xlsx', ws.catalog);
    expect(r.diagnostics).toEqual([]);
    const s = r.submission!.submission;
    expect([s.department, s.month]).toEqual(['so-tu-phap', '2024-09']);
    expect(Object.keys(s.services ?? {})).toEqual(['qd06-09', 'qd06-10', 'qd06-11', 'qd06-15', 'qd06-16', 'qd06-22', 'qd422-11']);
    expect(s.services?.['qd06-22']).toEqual({ connection: 'connected', total: 3909, online: 3209, onTime: 3209 });
    expect(s.services?.['qd422-11']?.difficulties).toMatch(/^Chưa thực hiện do chưa đáp ứng điều kiện/);
    expect(s.models?.['mh-08']?.status).toBe('in-progress');
    expect(s.models?.['mh-08']?.difficulties?.split('\n').length).toBeGreaterThan(5);
    expect(s.sections?.['ho-tich']).toHaveLength(1);
  });
});
