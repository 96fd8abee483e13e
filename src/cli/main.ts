import { Command, CommanderError, Option } from 'commander';
import { BaocaoError, EXIT } from '../diagnostics/diagnostic.js';
import { formatDiagnostic, toJson } from '../diagnostics/print.js';
import { useDataCache, type ByteCache } from '../workspace/data-cache.js';

/**
 * The `baocao` command. This file only wires commander: each command's module is imported when that
 * command runs, so `--help` and YAML validation never load docx or exceljs.
 */

const TITLES: Record<string, string> = {
  'Usage:': 'Cách dùng:',
  'Options:': 'Tùy chọn:',
  'Commands:': 'Lệnh:',
  'Arguments:': 'Tham số:',
  'Global Options:': 'Tùy chọn chung:',
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Runner = (opts: any) => Promise<number>;

function lazy(load: () => Promise<{ run: Runner }>, extra?: (args: unknown[]) => Record<string, unknown>) {
  return async (...args: unknown[]) => {
    const cmd = args[args.length - 1] as Command;
    const opts = { ...cmd.optsWithGlobals(), ...(extra ? extra(args) : {}) };
    const { run } = await load();
    state.code = await run(opts);
  };
}

const state = { code: 0, json: false };

function monthOption(required = false) {
  const o = new Option('-m, --month <YYYY-MM>', required ? 'tháng báo cáo, ví dụ 2024-09' : 'tháng báo cáo, ví dụ 2024-09 (mặc định: tháng mới nhất trong thư mục dữ liệu)');
  return required ? o.makeOptionMandatory() : o;
}

export function buildProgram(): Command {
  const program = new Command('baocao')
    .description('Lập báo cáo tháng về Đề án 06 của tỉnh từ số liệu các sở, ngành (Báo cáo kèm Phụ lục I, II, III)')
    .version('0.1.0', '-V, --version', 'in số phiên bản')
    .helpOption('-h, --help', 'hướng dẫn sử dụng')
    .helpCommand('help [lệnh]', 'hướng dẫn cho một lệnh')
    .option('-d, --data <DIR>', 'thư mục dữ liệu (workspace)', 'data')
    .configureHelp({
      styleTitle: (t: string) => TITLES[t] ?? t,
      showGlobalOptions: true,
      optionDescription: (o: Option) =>
        o.description + (o.defaultValue !== undefined && o.defaultValue !== false ? ` (mặc định: ${String(o.defaultValue)})` : '') + (o.mandatory ? ' (bắt buộc)' : ''),
      subcommandTerm: (c: Command) => [c.name(), c.options.length ? '[tùy chọn]' : '', ...c.registeredArguments.map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}${a.variadic ? '…' : ''}]`))].filter(Boolean).join(' '),
    })
    .exitOverride()
    .configureOutput({ writeErr: () => undefined, outputError: () => undefined });

  program
    .command('validate')
    .description('kiểm tra số liệu của một tháng (không thay đổi gì)')
    .addOption(monthOption())
    .option('--json', 'kết quả dạng JSON cho máy đọc')
    .action(lazy(() => import('./commands/validate.js')));

  program
    .command('status')
    .description('đơn vị nào đã gửi, chưa gửi, còn lỗi')
    .addOption(monthOption())
    .option('--json', 'kết quả dạng JSON')
    .action(lazy(() => import('./commands/status.js')));

  program
    .command('model')
    .description('in mô hình dữ liệu của báo cáo (ReportModel) dạng JSON')
    .addOption(monthOption())
    .action(lazy(() => import('./commands/model.js')));

  program
    .command('build')
    .description('lập báo cáo của tháng: Báo cáo kèm Phụ lục I, II, III (.docx) và các phụ lục (.xlsx)')
    .addOption(monthOption())
    .option('-o, --out <DIR>', 'thư mục ghi báo cáo (mặc định: out/YYYY-MM)')
    .option('-f, --format <LIST>', 'các định dạng, cách nhau dấu phẩy: docx, xlsx', 'docx,xlsx')
    .option('--draft', 'lập bản DỰ THẢO dù còn lỗi hoặc còn đơn vị chưa gửi (kèm trang liệt kê các vấn đề)')
    .option('--pdf', 'xuất thêm PDF (cần LibreOffice)')
    .option('--templates <DIR>', 'thư mục mẫu văn bản (mặc định: templates/ của thư mục dữ liệu nếu có, hoặc của chương trình)')
    .option('--json', 'in danh sách tệp đã ghi dạng JSON')
    .action(lazy(() => import('./commands/build.js')));

  program
    .command('forms')
    .description('tạo biểu mẫu Excel cho các đơn vị')
    .addOption(monthOption(true))
    .option('--department <ID>', 'chỉ tạo cho một đơn vị (mã trong danh mục)')
    .option('-o, --out <DIR>', 'thư mục ghi biểu mẫu (mặc định: out/bieu-mau/YYYY-MM)')
    .option('--filled', 'điền sẵn số liệu hiện có của tháng (để sửa)')
    .option('--json', 'kết quả dạng JSON')
    .action(lazy(() => import('./commands/forms.js')));

  program
    .command('import')
    .description('nhập biểu mẫu Excel đã điền (hoặc bảng dạng Phụ lục I/II) thành tệp YAML của đơn vị')
    .argument('<FILE...>', 'các tệp .xlsx')
    .addOption(monthOption(true))
    .option('--dry-run', 'chỉ kiểm tra, không ghi tệp')
    .option('--json', 'kết quả dạng JSON')
    .action(lazy(() => import('./commands/import.js'), (args) => ({ files: args[0] })));

  program
    .command('diff')
    .description('so sánh số liệu và lời văn giữa hai tháng')
    .addOption(monthOption())
    .option('--against <YYYY-MM>', 'tháng đem so sánh (mặc định: tháng liền trước)')
    .option('--all', 'liệt kê cả những dòng không thay đổi')
    .option('--json', 'kết quả dạng JSON')
    .action(lazy(() => import('./commands/diff.js')));

  program
    .command('open')
    .description('mở tháng mới từ tháng trước: chép lời văn để xem lại, để trống số liệu')
    .addOption(monthOption(true))
    .option('--json', 'kết quả dạng JSON')
    .action(lazy(() => import('./commands/open.js')));

  program
    .command('init')
    .description('tạo thư mục dữ liệu mới (tỉnh khác, năm mới) từ danh mục có sẵn')
    .argument('[DIR]', 'thư mục cần tạo', 'data')
    .option('--json', 'kết quả dạng JSON')
    .action(lazy(() => import('./commands/init.js'), (args) => ({ dir: args[0] })));

  program.usage('[tùy chọn] [lệnh]');
  for (const c of program.commands) if (c.name() !== 'help') c.usage(['[tùy chọn]', ...c.registeredArguments.map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}${a.variadic ? '…' : ''}]`))].join(' '));
  return program;
}

/** Runs the CLI and returns the exit code; only bin/baocao.js sets process.exitCode. */
export async function main(argv: readonly string[], services: { cache?: ByteCache } = {}): Promise<number> {
  useDataCache(services.cache);
  quietOnClosedPipe();
  state.code = 0;
  state.json = argv.includes('--json');
  const program = buildProgram();
  try {
    await program.parseAsync(argv as string[]);
    return state.code;
  } catch (e) {
    return report(e);
  }
}

const COMMANDER_MESSAGES: Record<string, string> = {
  'commander.unknownOption': 'tùy chọn không có',
  'commander.unknownCommand': 'lệnh không có',
  'commander.missingArgument': 'thiếu tham số',
  'commander.optionMissingArgument': 'tùy chọn thiếu giá trị',
  'commander.missingMandatoryOptionValue': 'thiếu tùy chọn bắt buộc',
  'commander.invalidArgument': 'giá trị không hợp lệ',
  'commander.excessArguments': 'thừa tham số',
  'commander.conflictingOption': 'các tùy chọn không dùng cùng nhau được',
};

function report(e: unknown): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
    const detail = e.message.replace(/^error: /, '');
    const message = `${COMMANDER_MESSAGES[e.code] ?? 'cách gọi lệnh không đúng'}: ${detail} (xem "baocao --help")`;
    emit({ severity: 'error', code: 'BC009', message });
    return EXIT.usage;
  }
  if (e instanceof BaocaoError) {
    emit(e.diagnostic);
    return e.exitCode;
  }
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err.code === 'string' && ['EACCES', 'EPERM', 'ENOSPC', 'EROFS', 'EBUSY', 'EMFILE', 'EIO'].includes(err.code)) {
    emit({ severity: 'error', code: 'BC006', message: `lỗi đọc/ghi tệp (${err.code})${err.path ? `: ${err.path}` : ''}` });
    return EXIT.io;
  }
  emit({ severity: 'error', code: 'BC099', message: `lỗi nội bộ của chương trình: ${err?.message ?? String(e)}. Xin báo cho người quản trị kèm lệnh đã chạy.` });
  if (process.env.BAOCAO_DEBUG) process.stderr.write(String(err?.stack) + '\n');
  return EXIT.internal;
}

function emit(d: Parameters<typeof formatDiagnostic>[0]): void {
  if (state.json) process.stdout.write(JSON.stringify({ ok: false, diagnostics: [toJson(d)] }, null, 2) + '\n');
  else process.stderr.write(formatDiagnostic(d) + '\n');
}

/** `baocao … | head`: when the reader goes away, stop quietly instead of printing a stack trace. */
function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listenerCount('error') > 0) continue;
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(state.code);
      throw e;
    });
  }
}
