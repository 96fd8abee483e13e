import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BaocaoError, EXIT, error } from '../diagnostics/diagnostic.js';
import { CODES } from '../diagnostics/codes.js';

/** Where LibreOffice may be: on PATH (soffice, libreoffice), or its usual Windows and macOS folders. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const n of names) if (existsSync(join(dir, n))) return join(dir, n);
  }
  const known = [
    'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
    'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
    '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  ];
  return known.find((p) => existsSync(p)) ?? null;
}

export const INSTALL_HINT =
  'cần LibreOffice để xuất PDF. Cài đặt: trên Windows tải từ https://www.libreoffice.org (bản "LibreOffice Fresh/Still"); trên Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui fonts-liberation. Hoặc mở tệp .docx bằng Word và chọn Lưu thành PDF';

/** Converts a .docx to PDF with LibreOffice in a private, throw-away profile; exit 3 when it is missing or fails. */
export async function docxToPdf(docx: Uint8Array, timeoutMs = 180_000): Promise<Uint8Array> {
  const soffice = findSoffice();
  if (!soffice) throw new BaocaoError(EXIT.io, error(CODES.writeFailed, INSTALL_HINT));
  const work = await mkdtemp(join(tmpdir(), 'baocao-pdf-'));
  try {
    const input = join(work, 'bao-cao.docx');
    await writeFile(input, docx);
    const profile = pathToFileURL(join(work, 'profile')).href;
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, input],
        { timeout: timeoutMs, windowsHide: true },
        (err) => (err ? reject(err) : resolve()),
      );
    }).catch((e: Error) => {
      throw new BaocaoError(EXIT.io, error(CODES.writeFailed, `LibreOffice không chuyển được sang PDF (${e.message.split('\n')[0]})`));
    });
    const pdf = join(work, 'bao-cao.pdf');
    if (!existsSync(pdf)) throw new BaocaoError(EXIT.io, error(CODES.writeFailed, 'LibreOffice không tạo ra tệp PDF'));
    return await readFile(pdf);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
