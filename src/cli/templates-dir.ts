import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../workspace/package-root.js';
import { exists } from '../workspace/exists.js';
import { usage } from './options.js';

/** Templates: the workspace's own `templates/` when it has one, else those shipped with the program. */
export async function templatesDir(opt: string | undefined, data: string): Promise<string> {
  if (opt) {
    const folder = await stat(opt).then((st) => st.isDirectory(), () => false);
    if (!folder) throw usage(`không tìm thấy thư mục mẫu văn bản "${opt}" (--templates)`);
    return opt;
  }
  const own = join(data, 'templates');
  return (await exists(own)) ? own : join(packageRoot(), 'templates');
}

