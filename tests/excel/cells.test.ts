import type ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readSubmissionWorkbook } from '../../src/excel/read-submission.js';
import { formatDiagnostic } from '../../src/diagnostics/print.js';
import { edit, formBytes, formCell, TempDir, workspace } from './helpers.js';

/** Cells as officers type them, in a real form of Sở Tư pháp: each problem named by file, sheet and cell. */

const tmp = new TempDir();
afterAll(() => tmp.dispose());

const SERVICES = 'Dịch vụ công';
const ROW = 'service:qd06-09';

async function read(change: (wb: ExcelJS.Workbook) => void) {
  const ws = await workspace();
  const bytes = await edit(await formBytes('so-tu-phap', true), change);
  const path = tmp.write(`so-tu-phap-${Math.random().toString(36).slice(2)}.xlsx`, bytes);
  return readSubmissionWorkbook(path, 'so-tu-phap.xlsx', ws.catalog);
}

function at(wb: ExcelJS.Workbook, field: string, row = ROW, sheet = SERVICES): ExcelJS.Cell {
  const s = wb.getWorksheet(sheet)!;
  return s.getCell(formCell(s, row, field));
}

function address(wb: ExcelJS.Workbook, field: string, row = ROW, sheet = SERVICES): string {
  return formCell(wb.getWorksheet(sheet)!, row, field);
}

describe('bad cells: code, sheet and cell', () => {
  const cases: [string, (wb: ExcelJS.Workbook) => void, string, string, string?][] = [
    ['"12,5" typed as text', (wb) => (at(wb, 'total').value = '12,5'), 'BC120', 'total'],
    ['12.5 as a number', (wb) => (at(wb, 'total').value = 12.5), 'BC120', 'total'],
    ['a negative number', (wb) => (at(wb, 'online').value = -5), 'BC120', 'online'],
    ['#DIV/0! error cell', (wb) => (at(wb, 'online').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue), 'BC420', 'online'],
    ['a formula whose result is an error', (wb) => (at(wb, 'total').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue), 'BC420', 'total'],
    ['a formula never computed', (wb) => (at(wb, 'total').value = { formula: 'SUM(A1:A3)' } as ExcelJS.CellFormulaValue), 'BC421', 'total'],
    [
      'a date where a count belongs (Excel turned "15/9" into a date and a date format)',
      (wb) => {
        const c = at(wb, 'onTime');
        c.value = new Date(Date.UTC(2024, 8, 15));
        c.style = { ...c.style, numFmt: 'd/m/yyyy' }; // its own style: exceljs shares style objects between cells
      },
      'BC423',
      'onTime',
    ],
    ['TRUE in a count', (wb) => (at(wb, 'overdue').value = true), 'BC424', 'overdue'],
    ['an unknown connection status', (wb) => (at(wb, 'connection').value = 'Đã xong'), 'BC123', 'connection'],
    [
      'a figure merged into the cell beside it',
      (wb) => {
        const s = wb.getWorksheet(SERVICES)!;
        s.unprotect();
        // "total" … "online" merged into one: "online" is now inside a range that starts at "total"
        s.mergeCells(`${address(wb, 'total')}:${address(wb, 'online')}`);
      },
      'BC422',
      'online',
    ],
  ];
  it.each(cases)('%s', async (_name, change, code, field) => {
    let cell = '';
    const r = await read((wb) => {
      cell = address(wb, field);
      change(wb);
    });
    expect(r.submission).toBeUndefined();
    const d = r.diagnostics.find((x) => x.code === code);
    expect(d, JSON.stringify(r.diagnostics, null, 2)).toBeDefined();
    expect(d).toMatchObject({ severity: 'error', file: 'so-tu-phap.xlsx', sheet: SERVICES, cell });
    expect(formatDiagnostic(d!)).toMatch(new RegExp(`^so-tu-phap\\.xlsx › ${SERVICES} › ${cell}: lỗi ${code}: `));
  });
});

describe('cells that are fine', () => {
  it('numbers as text with dots or spaces, rich text, a computed formula, dates as serials', async () => {
    const r = await read((wb) => {
      at(wb, 'total').value = ' 4 681 ';
      at(wb, 'online').value = { richText: [{ text: '4.6' }, { text: '37', font: { bold: true } }] };
      at(wb, 'onTime').value = { formula: '4000+637', result: 4637 } as ExcelJS.CellFormulaValue;
      at(wb, 'overdue').value = '0';
      const general = wb.getWorksheet('Hướng dẫn')!;
      general.getCell(formCell(general, 'asOf', 'value')).value = 45550; // 15/9/2024 as a bare serial
      const ind = wb.getWorksheet('Mô hình')!;
      ind.getCell(formCell(ind, 'model:mh-08', 'status')).value = 'đang triển khai'; // case does not matter
    });
    expect(r.diagnostics).toEqual([]);
    const s = r.submission!.submission;
    expect(s.services?.['qd06-09']).toMatchObject({ total: 4681, online: 4637, onTime: 4637, overdue: 0, connection: 'connected' });
    expect(s.asOf).toBe('2024-09-15');
    expect(s.models?.['mh-08']?.status).toBe('in-progress');
  });

  it('a date typed as text and a real date cell in date fields', async () => {
    const r = await read((wb) => {
      const general = wb.getWorksheet('Hướng dẫn')!;
      general.getCell(formCell(general, 'asOf', 'value')).value = '14/9/2024';
    });
    expect(r.submission?.submission.asOf).toBe('2024-09-14');
    const r2 = await read((wb) => {
      const general = wb.getWorksheet('Hướng dẫn')!;
      general.getCell(formCell(general, 'asOf', 'value')).value = new Date(Date.UTC(2024, 8, 13));
    });
    expect(r2.submission?.submission.asOf).toBe('2024-09-13');
  });

  it('several problems at once are all reported, each with its cell', async () => {
    const cells: string[] = [];
    const r = await read((wb) => {
      at(wb, 'total').value = '12,5';
      at(wb, 'online', 'service:qd06-10').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
      cells.push(address(wb, 'total'), address(wb, 'online', 'service:qd06-10'));
    });
    expect(r.diagnostics.map((d) => [d.code, d.cell])).toEqual([
      ['BC420', cells[1]],
      ['BC120', cells[0]],
    ]);
  });
});

describe('a damaged form', () => {
  it('a deleted sheet is an error, not a return with rows missing', async () => {
    const r = await read((wb) => {
      wb.removeWorksheet(wb.getWorksheet(SERVICES)!.id);
    });
    expect(r.submission).toBeUndefined();
    expect(r.diagnostics).toMatchObject([{ code: 'BC413', file: 'so-tu-phap.xlsx', message: expect.stringContaining('Dịch vụ công') }]);
  });

  it('a copied row is an error naming the copy', async () => {
    let cell = '';
    const r = await read((wb) => {
      const s = wb.getWorksheet(SERVICES)!;
      const from = s.getCell(formCell(s, 'service:qd06-10', 'online'));
      s.getCell(from.row, 1).value = 'service:qd06-09';
      cell = s.getCell(from.row, 3).address;
    });
    expect(r.diagnostics.find((d) => d.code === 'BC414')).toMatchObject({ sheet: SERVICES, cell });
  });
});

