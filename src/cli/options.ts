import { isAbsolute, relative, resolve } from 'node:path';
import { readdir } from 'node:fs/promises';
import { BaocaoError, EXIT, error } from '../diagnostics/diagnostic.js';
import { CODES } from '../diagnostics/codes.js';
import { parseMonth } from '../format/parse.js';

export interface CommonOptions {
  readonly data: string;
  readonly json?: boolean;
  readonly month?: string;
}

export interface DataDir {
  readonly absolute: string;
  /** as messages show it: relative to the current folder when inside it */
  readonly shown: string;
}

export function dataDir(opt: string): DataDir {
  const absolute = resolve(opt);
  const rel = relative(process.cwd(), absolute);
  const shown = rel === '' ? '.' : !rel.startsWith('..') && !isAbsolute(rel) ? rel : absolute;
  return { absolute, shown };
}

export function usage(message: string): BaocaoError {
  return new BaocaoError(EXIT.usage, error(CODES.usage, message));
}

/** --month as given ("2024-09" or "9/2024"), or the latest month folder of the workspace. */
export async function resolveMonth(given: string | undefined, dir: DataDir): Promise<string> {
  const month = await monthOrNone(given, dir);
  if (month === undefined) throw noMonth(dir);
  return month;
}

/** --month as given, else the latest month folder; undefined when the workspace has none yet (a new one). */
export async function monthOrNone(given: string | undefined, dir: DataDir): Promise<string | undefined> {
  if (given !== undefined) {
    const m = parseMonth(given);
    if (!m) throw usage(`tháng "${given}" không hợp lệ: viết dạng YYYY-MM, ví dụ --month 2024-09`);
    return m;
  }
  let names: string[] = [];
  try {
    names = await readdir(dir.absolute);
  } catch {
    throw new BaocaoError(EXIT.io, error(CODES.workspaceMissing, `không tìm thấy thư mục dữ liệu "${dir.shown}" (chọn bằng --data DIR)`, { file: dir.shown }));
  }
  const months = names.filter((n) => /^\d{4}-(0[1-9]|1[0-2])$/.test(n)).sort();
  return months[months.length - 1];
}

export function noMonth(dir: DataDir): BaocaoError {
  return usage(`thư mục dữ liệu "${dir.shown}" chưa có tháng nào: hãy ghi rõ --month YYYY-MM`);
}
