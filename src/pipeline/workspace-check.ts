import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { AppendicesFileOut } from '../schema/definition.js';
import { loadWorkspace } from '../workspace/load.js';

/**
 * The fixed files of a workspace (report.yaml, the catalogs) and its templates folder, checked without a month: what
 * `validate` tells of a workspace that has no month folder yet (one just made by `baocao init`), and `build` before
 * saying that it needs a month.
 */
export async function checkWorkspace(dataDir: string, shown: string, templatesDir: string): Promise<Diagnostic[]> {
  const { unusedTemplates } = await import('../render/templates-load.js');
  const loaded = await loadWorkspace(dataDir, shown);
  const unused = loaded.workspace ? await unusedTemplates(loaded.workspace.definition, templatesDir) : [];
  return [...loaded.diagnostics, ...unused];
}

/** The templates folder's files that nothing reads (warnings, BC609); none told while the definition is unread. */
export async function templateWarnings(templatesDir: string, definition: AppendicesFileOut | undefined): Promise<Diagnostic[]> {
  if (!definition) return [];
  const { unusedTemplates } = await import('../render/templates-load.js');
  return unusedTemplates(definition, templatesDir);
}
