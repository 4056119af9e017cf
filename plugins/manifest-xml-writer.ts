import XMLBuilder from 'fast-xml-builder';
import { assertXmlCharacters } from './manifest-xml-escape.ts';

// Writes the package manifests with fast-xml-builder, which escapes text and attribute values, so the
// writers list elements instead of pasting strings into a template. Nodes are in fast-xml-builder's ordered
// form: { name: children, ':@': attributes }, { '#text': … }, { '#comment': [{ '#text': … }] }.

export type XmlNode = Readonly<Record<string, unknown>>;

const builder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  commentPropName: '#comment',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
});

/** An element with its attributes in the order given, and child elements, comments or one text. */
export function element(
  name: string,
  attributes: Readonly<Record<string, string>>,
  ...children: readonly (XmlNode | string)[]
): XmlNode {
  for (const value of Object.values(attributes)) assertXmlCharacters(value);
  const nodes = children.map((child) => {
    if (typeof child !== 'string') return child;
    assertXmlCharacters(child);
    return { '#text': child };
  });
  return Object.keys(attributes).length === 0 ? { [name]: nodes } : { [name]: nodes, ':@': attributes };
}

/** A comment, written <!-- text --> on its own line. */
export function comment(text: string): XmlNode {
  return { '#comment': [{ '#text': ` ${text} ` }] };
}

/** The document: an XML declaration (UTF-8), the root element indented by two spaces, a final newline. */
export function writeXmlDocument(root: XmlNode): string {
  const declaration = { '?xml': [{ '#text': '' }], ':@': { version: '1.0', encoding: 'UTF-8' } };
  return `${builder.build([declaration, root]).trim()}\n`;
}
