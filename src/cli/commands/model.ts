import { EXIT, hasErrors } from '../../diagnostics/diagnostic.js';
import { checkMonth } from '../../pipeline/month.js';
import { dataDir, resolveMonth, type CommonOptions } from '../options.js';
import { printDiagnostics, printJson } from '../output.js';

/** baocao model: the month's ReportModel as JSON on stdout (docs/cli.md). Data errors: exit 1, nothing printed on stdout. */
export async function run(opts: CommonOptions): Promise<number> {
  const dir = dataDir(opts.data);
  const month = await resolveMonth(opts.month, dir);
  const r = await checkMonth(dir.absolute, dir.shown, month);
  printDiagnostics(r.diagnostics);
  if (hasErrors(r.diagnostics) || !r.model) return EXIT.data;
  printJson(r.model);
  return EXIT.ok;
}
