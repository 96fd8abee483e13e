import { lstat, mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { BaocaoError, EXIT, error } from '../diagnostics/diagnostic.js';
import { CODES } from '../diagnostics/codes.js';
import { exists } from './exists.js';

/**
 * Safe writes: each output is written to a temporary file in its target folder and renamed over the old one,
 * so an interrupted run never leaves a half-written report, and the renames wait until every file is written. A
 * target open in Word (its "~$" owner file, or EBUSY/EPERM on rename, as Windows reports it) is retried briefly,
 * then named, and the old file stays intact.
 */

export interface OutputFile {
  readonly path: string;
  /** how messages name it */
  readonly shown: string;
  readonly data: Uint8Array | string;
}

export interface WriteOptions {
  readonly retries?: number;
  readonly retryDelayMs?: number;
}

/** Word's owner file: "~$" + name, with the first two characters dropped for names of 8+ characters. */
export function ownerFiles(path: string): string[] {
  const name = basename(path);
  const dir = dirname(path);
  const candidates = new Set([`~$${name}`, `~$${name.slice(2)}`, `~$${name.slice(1)}`]);
  return [...candidates].map((c) => join(dir, c));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function locked(shown: string): BaocaoError {
  return new BaocaoError(
    EXIT.io,
    error(CODES.targetLocked, `tệp "${shown}" đang được mở (Word/Excel): hãy đóng tệp rồi chạy lại. Tệp cũ được giữ nguyên`, { file: shown }),
  );
}

function ioError(shown: string, e: NodeJS.ErrnoException): BaocaoError {
  const why: Record<string, string> = {
    EACCES: 'không có quyền ghi vào thư mục này',
    EROFS: 'thư mục chỉ cho phép đọc',
    ENOSPC: 'ổ đĩa đã đầy',
    EDQUOT: 'đã hết dung lượng được cấp',
    ENOENT: 'không tìm thấy thư mục',
    ENOTDIR: 'đường dẫn không phải thư mục',
    EISDIR: 'đã có một thư mục trùng tên',
    EEXIST: 'đã có một tệp trùng tên với thư mục cần tạo',
    EPERM: 'không được phép ghi vào thư mục này (thư mục chỉ đọc hoặc bị khóa)',
    EFBIG: 'tệp vượt quá dung lượng cho phép (ổ đĩa đầy hoặc giới hạn của hệ thống)',
  };
  return new BaocaoError(
    EXIT.io,
    error(CODES.writeFailed, `không ghi được tệp "${shown}": ${why[e.code ?? ''] ?? `lỗi ${e.code ?? e.message}`}. Tệp cũ (nếu có) được giữ nguyên`, { file: shown }),
  );
}

/**
 * Writes the outputs as a set: every file is first written whole to its temporary file and flushed; only when all
 * of them are there are they renamed over their targets. A failure while writing (a full disk, a folder that
 * cannot be written) leaves every target as it was; only a rename refused after its retries (a file held open on
 * Windows) can leave the files before it renamed. Throws BaocaoError (exit 3), naming the first file that failed.
 */
export async function writeOutputs(files: readonly OutputFile[], options: WriteOptions = {}): Promise<void> {
  const retries = options.retries ?? 5;
  const delay = options.retryDelayMs ?? 200;
  for (const f of files) {
    for (const owner of ownerFiles(f.path)) if (await exists(owner)) throw locked(f.shown);
  }
  // all at once: each file's flush to disk waits for the disk, not for the files before it
  const staged = await Promise.allSettled(files.map((f) => stage(f)));
  const failed = staged.find((r) => r.status === 'rejected');
  if (failed) {
    await Promise.all(staged.map((r) => (r.status === 'fulfilled' ? unlink(r.value).catch(() => undefined) : undefined)));
    throw failed.reason;
  }
  const temps = staged.map((r) => (r as PromiseFulfilledResult<string>).value);
  const renamed = await Promise.allSettled(files.map((f, i) => replace(temps[i]!, f, retries, delay)));
  const refused = renamed.find((r) => r.status === 'rejected');
  if (refused) throw refused.reason;
}

/** The bytes to a temporary file beside the target, flushed to disk; its name. */
async function stage(f: OutputFile): Promise<string> {
  try {
    await mkdir(dirname(f.path), { recursive: true });
    return await writeTemporary(f.path, typeof f.data === 'string' ? Buffer.from(f.data, 'utf8') : f.data);
  } catch (e) {
    throw ioError(f.shown, e as NodeJS.ErrnoException);
  }
}

/** The temporary file renamed over the target (retried while Windows holds the target), then leftovers of killed runs removed. */
async function replace(temp: string, f: OutputFile, retries: number, delay: number): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(temp, f.path);
      await removeStaleTemporaries(f.path);
      return;
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      // Windows refuses to replace a file open in Word with EBUSY or EPERM on the rename
      const busy = err.code === 'EBUSY' || err.code === 'EPERM';
      if (busy && attempt < retries) {
        await sleep(delay);
        continue;
      }
      await unlink(temp).catch(() => undefined);
      throw busy ? locked(f.shown) : ioError(f.shown, err);
    }
  }
}

let written = 0;

/**
 * The bytes to a temporary file beside the target ("<name>.<digits>"), flushed to disk. Every byte is written or
 * the write fails: write-file-atomic, used before, wrote with a single write() and ignored a short count, so a disk
 * filling up mid-write replaced the report with its first kilobytes.
 */
async function writeTemporary(path: string, data: Uint8Array): Promise<string> {
  const temp = `${path}.${process.pid}${String(++written).padStart(3, '0')}`;
  const handle = await open(temp, 'wx');
  let done = false;
  try {
    await handle.writeFile(data); // loops over short writes: the one after the last byte that fits fails
    await handle.sync();
    await handle.close();
    done = true;
    return temp;
  } finally {
    if (!done) {
      await handle.close().catch(() => undefined);
      await unlink(temp).catch(() => undefined);
    }
  }
}

/**
 * Temporary files a run killed while writing left beside the target ("<name>.<digits>": a SIGKILL or a power cut
 * leaves no time to remove them). Those older than this process are removed; a run still writing is younger.
 */
async function removeStaleTemporaries(path: string): Promise<void> {
  const dir = dirname(path);
  const prefix = `${basename(path)}.`;
  const started = Date.now() - process.uptime() * 1000;
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !/^\d+$/.test(name.slice(prefix.length))) continue;
    const stale = join(dir, name);
    const st = await lstat(stale).catch(() => null);
    if (st?.isFile() && st.mtimeMs < started) await unlink(stale).catch(() => undefined);
  }
}
