import type { Progress } from '../pipeline/progress.js';
import { SILENT } from '../pipeline/progress.js';

/**
 * A one-line progress display on stderr, rewritten in place ("\r"). Only on a terminal and never with --json,
 * so pipes, CI logs and machine output stay clean.
 */
export function terminalProgress(json: boolean | undefined, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (json || !stream.isTTY) return SILENT;
  let step = '';
  let shown = false;
  const width = () => Math.max(20, (stream.columns ?? 80) - 1);
  const show = (text: string) => {
    stream.write('\r' + text.slice(0, width()).padEnd(width()));
    shown = true;
  };
  return {
    step(label) {
      step = label;
      show(`${label}…`);
    },
    item(label, done, total) {
      show(`${step} [${done}/${total}] ${label}`);
    },
    end() {
      if (shown) stream.write('\r' + ' '.repeat(width()) + '\r');
      shown = false;
    },
  };
}
