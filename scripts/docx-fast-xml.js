// The XML writer of docx (`stringifyXmlable`, a port of the `xml` package) builds an object per element, then a
// string per element: half of the time docx takes to pack the sample report, cold. scripts/bundle.js puts this
// function in its place in dist/vendor/docx.cjs for the non-indented output docx always writes for us; it gives the
// same string (tests/boot/docx-fast-xml.test.ts compares it with docx's own on the report and on generated trees).
// Self-contained: bundle.js inserts its source; `escapeAll` is docx's own attribute/text escaping.

/**
 * @param {unknown} input an "xmlable" object ({ name: values }) or a list of them
 * @param {{ standalone?: string, encoding?: string } | undefined} declaration
 * @param {(s: string) => string} escapeAll
 */
export function fastStringifyXmlable(input, declaration, escapeAll) {
  const escapeValue = (v) => (typeof v === 'string' ? escapeAll(v) : v);
  // one element: its text, as docx's resolve() then format() with no indentation give it
  const element = (data) => {
    const name = Object.keys(data)[0];
    const values = name === undefined ? undefined : data[name];
    let attributes = '';
    const addAttributes = (attr) => {
      const entries = Object.entries(attr);
      for (let i = 0; i < entries.length; i++) attributes += ` ${entries[i][0]}="${String(escapeValue(entries[i][1]))}"`;
    };
    const content = [];
    if (typeof values === 'object') {
      if (values !== null) {
        const attr = values._attr;
        const cdata = values._cdata;
        if (attr) addAttributes(attr);
        if (cdata) content.push(`<![CDATA[${cdata.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`);
        if (Array.isArray(values)) {
          let isStringContent = false;
          content.push('');
          for (let i = 0; i < values.length; i++) {
            const value = values[i];
            if (typeof value === 'object') {
              if (Object.keys(value)[0] === '_attr') addAttributes(value._attr);
              else content.push(element(value));
            } else {
              content.pop();
              isStringContent = true;
              content.push(escapeValue(value));
            }
          }
          if (!isStringContent) content.push('');
        }
      }
    } else content.push(escapeValue(values));
    const open = (name ? `<${name}` : '') + attributes;
    if (content.length === 0) return `${open}/>`;
    let body = '';
    for (let i = 0; i < content.length; i++) body += content[i] === undefined ? '' : String(content[i]);
    return name ? `${open}>${body}</${name}>` : open + body;
  };
  const items = Array.isArray(input) ? input : [input];
  const standalone = declaration && declaration.standalone ? ` standalone="${escapeAll(declaration.standalone)}"` : '';
  let out = declaration === undefined ? '' : `<?xml version="1.0" encoding="${escapeAll(declaration.encoding || 'UTF-8')}"${standalone}?>`;
  for (let i = 0; i < items.length; i++) out += element(items[i]);
  return out;
}
