import { NextAttributeComponent, Packer, XmlComponent } from 'docx';
import { describe, expect, it } from 'vitest';
import { MODEL_SAMPLE } from '../../fixtures/model-sample.js';

/** With and without docx-speedups.ts, docx prepares the same element trees for every part of the sample report. */

type Proto = { prepForXml: unknown };
const xml = XmlComponent.prototype as unknown as Proto;
const next = NextAttributeComponent.prototype as unknown as Proto;
const docxOwn = { xml: xml.prepForXml, next: next.prepForXml };

async function trees(): Promise<unknown[]> {
  const { renderReportDocx } = await import('../../../src/render/docx/render.js');
  const { loadTemplates } = await import('../../../src/render/templates-load.js');
  const compiler = (Packer as unknown as { compiler: { formatter: { format(c: unknown, ctx: unknown): unknown } } }).compiler;
  const seen: unknown[] = [];
  const format = compiler.formatter.format.bind(compiler.formatter);
  compiler.formatter.format = (c: unknown, ctx: unknown) => {
    const x = format(c, ctx);
    // docx stamps its own core properties with the clock (the renderer replaces that part)
    seen.push(JSON.parse(JSON.stringify(x).replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'now')));
    return x;
  };
  try {
    const r = await renderReportDocx(MODEL_SAMPLE, await loadTemplates(), { draft: { problems: [{ department: 'Sở Y tế', where: 'a.yaml:1:1', message: 'x', severity: 'error' }] } });
    expect('bytes' in r).toBe(true);
  } finally {
    compiler.formatter.format = format;
  }
  return seen;
}

describe('docx speed-ups', () => {
  it('prepare the same element trees as docx itself', async () => {
    const fast = await trees();
    expect(xml.prepForXml).not.toBe(docxOwn.xml);
    const patched = { xml: xml.prepForXml, next: next.prepForXml };
    xml.prepForXml = docxOwn.xml;
    next.prepForXml = docxOwn.next;
    try {
      const own = await trees();
      expect(fast.length).toBeGreaterThan(10);
      expect(fast).toEqual(own);
    } finally {
      xml.prepForXml = patched.xml;
      next.prepForXml = patched.next;
    }
  });
});
