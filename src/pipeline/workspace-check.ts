import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadWorkspace } from '../workspace/load.js';

/**
 * The fixed files of a workspace (report.yaml, the catalogs) and its templates folder, checked without a month: what
 * `validate` tells of a workspace that has no month folder yet (one just made by `baocao init`), and `build` before
 * saying that it needs a month.
 */
export async function checkWorkspace(dataDir: string, shown: string, templatesDir: string): Promise<Diagnostic[]> {
  const { unusedTemplates } = await import('../render/templates-load.js');
  const [loaded, unused] = await Promise.all([loadWorkspace(dataDir, shown), unusedTemplates(templatesDir)]);
  return [...loaded.diagnostics, ...unused];
}

/** The templates folder's files that nothing reads (warnings, BC609). */
export async function templateWarnings(templatesDir: string): Promise<Diagnostic[]> {
  const { unusedTemplates } = await import('../render/templates-load.js');
  return unusedTemplates(templatesDir);
}
