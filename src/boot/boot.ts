import { closeSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import * as zlib from 'node:zlib';

/**
 * Starts the CLI from its CommonJS bundles with a code cache (docs/performance.md).
 *
 * scripts/bundle.js writes dist/cli/main.cjs (the program) and dist/vendor/*.cjs (docx, exceljs, handlebars …,
 * each one file). A command starts cold every time, and compiling JavaScript is much of what it does: exceljs alone
 * is 680 files. A code cache keeps the bytecode V8 produced for a bundle, so that the next run neither parses it nor
 * compiles the functions compiled then.
 *
 * Each bundle is compiled here with the bytecode V8 produced the last time the same command ran the same bundle on
 * the same Node, saved when that command was done: it holds every function the command ran. Node 22.1 and later
 * have a compile cache of their own (`module.enableCompileCache`), but Node makes its entry when it compiles a
 * file, before running it: it holds the bundle's top level only, and saves about half of what this one does
 * (docs/performance.md, measured on Node 22 and 24). BAOCAO_V8_CACHE=node uses Node's instead (the bundles loaded
 * by plain `require`, the cache in dist/.cache/node/), for measuring the two against each other.
 *
 * Either cache is only ever an accelerator: a missing, stale, damaged or refused cache means compiling as without
 * it, then writing a new one. Our files are named by the bundle's content hash (computed when it was built), the
 * command and the Node version and architecture; each carries a checksum; they are written atomically (a temporary
 * file, then a rename). They live in dist/.cache/ or, when the program's folder is read-only, in a folder of the
 * system's temporary directory that belongs to the user and no one else can write. BAOCAO_V8_CACHE=0 turns the
 * code cache off.
 */

interface Bundle {
  /** path under dist/ */
  readonly file: string;
  /** content hash, from scripts/bundle.js */
  readonly hash: string;
}

/** replaced by scripts/bundle.js; `vendors` is keyed by the name the program's bundle requires each one by */
declare const __BAOCAO_BUNDLES__: { readonly main: Bundle; readonly vendors: Readonly<Record<string, Bundle>> };

const DIST = dirname(fileURLToPath(import.meta.url));
const COMMANDS = new Set(['validate', 'status', 'model', 'build', 'forms', 'import', 'diff', 'open', 'init', 'help']);
const MAGIC = 0x38564342; // "BCV8"
const HEADER = 12;

interface Module {
  exports: unknown;
}

/**
 * The cache lent to the program for what it derives from large input files (src/workspace/data-cache.ts): the same
 * folders, checksums and atomic writes as the code cache, entries named by the program's bundle hash as well, so
 * that another build of the program never reads them. Writes wait until the command is done.
 */
export interface DataCache {
  read(name: string): Uint8Array | undefined;
  write(name: string, data: Uint8Array): void;
}

type Main = { main(argv: readonly string[], services?: { cache?: DataCache }): Promise<number> };

/** Node 22.1 and later */
const { enableCompileCache, constants } = nodeModule as unknown as {
  enableCompileCache?: (dir: string) => { status: number };
  constants?: { compileCacheStatus?: { ENABLED: number; ALREADY_ENABLED: number } };
};

export async function boot(argv: readonly string[]): Promise<number> {
  const cache = process.env.BAOCAO_V8_CACHE;
  // Node's compile cache where asked for (a Node without one runs without a code cache)
  const plain = cache === 'node';
  if (plain && typeof enableCompileCache === 'function') useNodeCompileCache();
  const loader = new Loader(argv.slice(2).find((a) => COMMANDS.has(a)) ?? 'none', cache !== '0' && !plain);
  const file = join(DIST, __BAOCAO_BUNDLES__.main.file);
  const { main } = (plain ? createRequire(file)(file) : loader.load(__BAOCAO_BUNDLES__.main)) as Main;
  try {
    return await main(argv, process.env.BAOCAO_DATA_CACHE === '0' ? {} : { cache: loader.dataCache() });
  } finally {
    loader.save();
  }
}

/** Node's compile cache in dist/.cache/node, or in the user's folder of the temporary directory if that cannot be made. */
function useNodeCompileCache(): void {
  const status = constants?.compileCacheStatus;
  const ok = [status?.ENABLED ?? 1, status?.ALREADY_ENABLED ?? 2];
  for (const dir of [ownDir(), sharedDir()]) {
    if (!dir) continue;
    try {
      if (dir !== ownDir()) {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        if (!mine(dir)) continue;
      }
      if (ok.includes(enableCompileCache!(join(dir, 'node')).status)) return;
    } catch {
      // no cache is a slower start, nothing more
    }
  }
}

function checksum(data: Uint8Array): number {
  return zlib.crc32(data) >>> 0;
}

class Loader {
  private readonly modules = new Map<string, Module>();
  private readonly fresh: { bundle: Bundle; script: Script }[] = [];

  constructor(
    private readonly command: string,
    private readonly enabled: boolean,
  ) {}

  load(bundle: Bundle): unknown {
    const known = this.modules.get(bundle.file);
    if (known) return known.exports;
    const filename = join(DIST, bundle.file);
    const source = readFileSync(filename, 'utf8');
    const cached = this.enabled ? this.read(bundle) : undefined;
    // the CommonJS wrapper on the first line, so that line numbers are the bundle's
    const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
      filename,
      ...(cached ? { cachedData: cached } : {}),
    });
    if (this.enabled && (!cached || script.cachedDataRejected)) this.fresh.push({ bundle, script });
    const module: Module = { exports: {} };
    this.modules.set(bundle.file, module);
    const local = createRequire(filename);
    const vendors = __BAOCAO_BUNDLES__.vendors;
    const require = (id: string) => (Object.hasOwn(vendors, id) ? this.load(vendors[id]!) : local(id));
    (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, require, module, filename, dirname(filename));
    return module.exports;
  }

  private readonly pending = new Map<string, Uint8Array>();

  /** Writes the cache of every bundle that had none (or a refused one), and the data entries; never fails the command. */
  save(): void {
    for (const { bundle, script } of this.fresh) {
      try {
        writeEntry(this.name(bundle), script.createCachedData());
      } catch {
        // a cache that cannot be written is a cache that is not there
      }
    }
    for (const [name, data] of this.pending) writeEntry(name, data);
  }

  dataCache(): DataCache {
    // "data-<what>.<program hash>-<key>.bin": a new key for the same thing replaces the old file (see write)
    const file = (name: string) => {
      const dot = name.indexOf('.');
      if (dot <= 0 || /[^a-z0-9.-]/.test(name)) throw new Error(`data cache name "${name}"`);
      return `data-${name.slice(0, dot)}.${__BAOCAO_BUNDLES__.main.hash}-${name.slice(dot + 1)}.bin`;
    };
    return {
      read: (name) => readEntry(file(name)),
      write: (name, data) => void this.pending.set(file(name), data),
    };
  }

  private name(bundle: Bundle): string {
    return `${bundle.file.replace(/[/\\.]/g, '-')}.${bundle.hash}.${this.command}.${process.version}-${process.arch}.bin`;
  }

  private read(bundle: Bundle): Buffer | undefined {
    return readEntry(this.name(bundle));
  }
}

/** An entry of the first folder that has it whole (its length and checksum as written). */
function readEntry(name: string): Buffer | undefined {
  for (const dir of [ownDir(), sharedDir()]) {
    if (!dir) continue;
    const data = readTrusted(join(dir, name), dir !== ownDir());
    if (!data || data.length < HEADER || data.readUInt32LE(0) !== MAGIC) continue;
    const payload = data.subarray(HEADER);
    if (data.readUInt32LE(4) !== payload.length || data.readUInt32LE(8) !== checksum(payload)) continue;
    return payload;
  }
  return undefined;
}

function writeEntry(name: string, data: Uint8Array): void {
  try {
    const header = Buffer.alloc(HEADER);
    header.writeUInt32LE(MAGIC, 0);
    header.writeUInt32LE(data.length, 4);
    header.writeUInt32LE(checksum(data), 8);
    for (const dir of [ownDir(), sharedDir()]) {
      if (dir && write(dir, name, Buffer.concat([header, data]))) break;
    }
  } catch {
    // as above
  }
}

/** dist/.cache: as trustworthy as the bundles beside it */
function ownDir(): string {
  return join(DIST, '.cache');
}

/** the user's own folder in the temporary directory, for a read-only installation */
function sharedDir(): string | undefined {
  const uid = process.getuid?.();
  return join(tmpdir(), uid === undefined ? 'baocao-v8-cache' : `baocao-v8-cache-${uid}`);
}

/** On POSIX, a file of the shared folder is used only if it and the folder are the user's and only the user's. */
function mine(path: string): boolean {
  const uid = process.getuid?.();
  if (uid === undefined) return true;
  const st = lstatSync(path);
  return st.uid === uid && (st.mode & 0o022) === 0 && (st.isDirectory() || st.isFile());
}

function readTrusted(file: string, shared: boolean): Buffer | undefined {
  try {
    if (shared && !(mine(dirname(file)) && mine(file))) return undefined;
    const fd = openSync(file, 'r');
    try {
      if (!fstatSync(fd).isFile()) return undefined;
      return readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

function write(dir: string, name: string, data: Buffer): boolean {
  try {
    const shared = dir !== ownDir();
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (shared && !mine(dir)) return false;
    const tmp = join(dir, `${name}.${process.pid}.tmp`);
    writeFileSync(tmp, data, { mode: 0o600 });
    renameSync(tmp, join(dir, name));
    // caches of other builds of the same bundle are dead weight
    const stem = name.slice(0, name.indexOf('.'));
    const hash = name.split('.')[1];
    for (const other of readdirSync(dir)) {
      if (other.startsWith(`${stem}.`) && other.split('.')[1] !== hash) {
        try {
          unlinkSync(join(dir, other));
        } catch {
          // another process may have removed it
        }
      }
    }
    return true;
  } catch {
    return false;
  }
}
