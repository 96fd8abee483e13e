import { strFromU8, unzipSync } from 'fflate';
import { loadTemplates } from '../../../src/render/templates-load.js';
import { renderReportDocx, type RenderDocxOptions } from '../../../src/render/docx/render.js';
import type { ReportModel } from '../../../src/model/report-model.js';

/** Renders a model with the shipped templates; fails the test on diagnostics. */
export async function renderBytes(model: ReportModel, options: RenderDocxOptions = {}): Promise<Uint8Array> {
  const result = await renderReportDocx(model, await loadTemplates(), options);
  if ('diagnostics' in result) throw new Error(JSON.stringify(result.diagnostics, null, 2));
  return result.bytes;
}

/** The text parts of a .docx, by path. */
export function parts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([path, data]) => [path, strFromU8(data)]));
}

/**
 * An XML part made comparable: revision-session ids (which Word adds when it saves) removed, one element
 * per line so that a golden diff shows what changed.
 */
export function normaliseXml(xml: string): string {
  return xml.replace(/\s+w:rsid\w*="[0-9A-Fa-f]+"/g, '').replace(/></g, '>\n<') + '\n';
}

/** The MS-DOS date and time of each entry of a zip (local headers), as UTC ISO strings. */
export function zipEntryTimes(zip: Uint8Array): string[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: string[] = [];
  let at = 0;
  while (at + 30 <= zip.length && view.getUint32(at, true) === 0x04034b50) {
    const time = view.getUint16(at + 10, true);
    const date = view.getUint16(at + 12, true);
    const d = new Date(Date.UTC((date >> 9) + 1980, ((date >> 5) & 15) - 1, date & 31, time >> 11, (time >> 5) & 63, (time & 31) * 2));
    out.push(d.toISOString());
    at += 30 + view.getUint32(at + 18, true) + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  }
  return out;
}

export interface Para {
  readonly text: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly align: string | null;
  /** half-points of the first run */
  readonly size: number | null;
}

/** The paragraphs of an XML fragment, with what page 1 and the signature are judged by. */
export function paragraphs(xml: string): Para[] {
  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>/g)].map(([, p = '']) => {
    const runs = [...p.matchAll(/<w:r>(.*?)<\/w:r>/g)].map(([, r = '']) => r);
    const text = runs.map((r) => [...r.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).join('');
    const withText = runs.filter((r) => /<w:t[ >]/.test(r));
    return {
      text,
      bold: withText.length > 0 && withText.every((r) => r.includes('<w:b/>')),
      italic: withText.length > 0 && withText.every((r) => r.includes('<w:i/>')),
      align: /<w:jc w:val="(\w+)"\/>/.exec(p)?.[1] ?? null,
      size: Number(/<w:sz w:val="(\d+)"\/>/.exec(withText[0] ?? '')?.[1] ?? NaN) || null,
    };
  });
}

/** The cells of the layout table that holds `marker`, each as its paragraphs. */
export function cellsOfTableWith(document: string, marker: string): Para[][] {
  const table = [...document.matchAll(/<w:tbl>(.*?)<\/w:tbl>/g)].map((m) => m[1] ?? '').find((t) => t.includes(marker));
  if (!table) throw new Error(`no table with ${marker}`);
  return [...table.matchAll(/<w:tc>(.*?)<\/w:tc>/g)].map(([, c = '']) => paragraphs(c));
}
