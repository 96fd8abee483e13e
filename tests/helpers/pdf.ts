import { spawnSync } from 'node:child_process';

export interface PdfPage {
  readonly width: number;
  readonly height: number;
  readonly text: string;
}

export const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
/** In CI LibreOffice must be installed (.ci/run installs it): render tests fail rather than skip there. */
export const sofficeRequired = Boolean(process.env['CI']);

function run(command: string, args: string[], timeout = 30_000): string {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${r.error?.message ?? ''} ${r.stderr}`);
  return r.stdout;
}

/** Page sizes (pt, rounded) and text (whitespace folded) of every page of a PDF, through poppler. */
export function pdfPages(pdf: string): PdfPage[] {
  const count = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))?.[1]);
  const sizes = run('pdfinfo', ['-f', '1', '-l', String(count), pdf]);
  return Array.from({ length: count }, (_, i) => {
    const m = new RegExp(`Page\\s+${i + 1} size:\\s+([\\d.]+) x ([\\d.]+)`).exec(sizes);
    const text = run('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-enc', 'UTF-8', pdf, '-']);
    return { width: Math.round(Number(m?.[1])), height: Math.round(Number(m?.[2])), text: text.replace(/\s+/g, ' ').trim() };
  });
}
