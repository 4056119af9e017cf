import { isXmlChar } from './manifest-xml-reader.ts';

// Escapes a value for XML text or a double-quoted attribute. Characters XML 1.0 forbids (C0 controls other
// than TAB/LF/CR, lone surrogates) cannot be escaped at all, so they stop the build: SAP KBA 3332061 shows an
// LMS silently stripping them and then failing to record completion.
export function escapeXml(value: string): string {
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (!isXmlChar(code))
      throw new Error(
        `cannot write U+${code.toString(16).toUpperCase().padStart(4, '0')} into a manifest (not an XML 1.0 character) in "${value}"`,
      );
  }
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
