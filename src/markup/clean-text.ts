/**
 * Text as it may enter a .docx part: Unicode NFC (Vietnamese tone marks composed, as Word and fonts expect),
 * line breaks as "\n", and none of the characters XML 1.0 forbids (C0 controls other than tab and line feed,
 * lone surrogates, U+FFFE and U+FFFF). Every string a renderer writes passes through here.
 */
export function cleanText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .normalize('NFC'); // last: a removed character may have stood between a letter and its tone mark
}
