import { lstat, mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { BaocaoError, EXIT, error } from '../diagnostics/diagnostic.js';
import { CODES } from '../diagnostics/codes.js';
import { exists } from './exists.js';

/**
 * Safe writes: each output is written to a temporary file in its target folder and renamed over the old one,
 * so an interrupted run never leaves a half-written report. A target open in Word (its "~$" owner file, or
 * EBUSY/EPERM on rename, as Windows reports it) is retried briefly, then named, and the old file stays intact.
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

/** Writes every output, each whole or not at all (a target that could not be written keeps what it had); throws BaocaoError (exit 3). */
export async function writeOutputs(files: readonly OutputFile[], options: WriteOptions = {}): Promise<void> {
  const retries = options.retries ?? 5;
  const delay = options.retryDelayMs ?? 200;
  for (const f of files) {
    for (const owner of ownerFiles(f.path)) if (await exists(owner)) throw locked(f.shown);
  }
  // all at once: each file's flush to disk waits for the disk, not for the files before it. Every file is tried;
  // the first that failed, in the given order, is the one reported
  const results = await Promise.allSettled(files.map((f) => writeOne(f, retries, delay)));
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}

async function writeOne(f: OutputFile, retries: number, delay: number): Promise<void> {
  try {
    await mkdir(dirname(f.path), { recursive: true });
  } catch (e) {
    throw ioError(f.shown, e as NodeJS.ErrnoException);
  }
  for (let attempt = 0; ; attempt++) {
    try {
      await atomicWrite(f.path, typeof f.data === 'string' ? Buffer.from(f.data, 'utf8') : f.data);
      await removeStaleTemporaries(f.path);
      return;
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      // Windows refuses to replace a file open in Word with EBUSY or EPERM on the rename; EPERM on creating the
      // temporary file is a folder that cannot be written (immutable, ACL), not a lock
      const busy = err.code === 'EBUSY' || (err.code === 'EPERM' && err.syscall === 'rename');
      if (busy && attempt < retries) {
        await sleep(delay);
        continue;
      }
      throw busy ? locked(f.shown) : ioError(f.shown, err);
    }
  }
}

let written = 0;

/**
 * The bytes to a temporary file beside the target ("<name>.<digits>"), flushed to disk, then renamed over the
 * target. Every byte is written or the write fails: write-file-atomic, used before, wrote with a single write()
 * and ignored a short count, so a disk filling up mid-write replaced the report with its first kilobytes.
 */
async function atomicWrite(path: string, data: Uint8Array): Promise<void> {
  const temp = `${path}.${process.pid}${String(++written).padStart(3, '0')}`;
  const handle = await open(temp, 'wx');
  let renamed = false;
  try {
    await handle.writeFile(data); // loops over short writes: the one after the last byte that fits fails
    await handle.sync();
    await handle.close();
    await rename(temp, path);
    renamed = true;
  } finally {
    if (!renamed) {
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
