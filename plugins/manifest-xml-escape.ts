// Escapes a value for XML or HTML text or a double-quoted attribute (the manifests are escaped by
// fast-xml-builder in manifest-xml-writer.ts).
export function escapeXml(value: string): string {
  assertXmlCharacters(value);
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

// Characters XML 1.0 forbids (C0 controls other than TAB/LF/CR, lone surrogates) cannot be escaped at all, so
// they stop the build: SAP KBA 3332061 shows an LMS silently stripping them and then failing to record
// completion.
export function assertXmlCharacters(value: string): void {
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (!isXmlChar(code))
      throw new Error(
        `cannot write U+${code.toString(16).toUpperCase().padStart(4, '0')} into a manifest (not an XML 1.0 character) in "${value}"`,
      );
  }
}

// XML 1.0 §2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
export function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}
