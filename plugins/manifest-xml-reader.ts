import { SaxesParser } from 'saxes';
import {
  doctypeRefused,
  explainSyntaxError,
  type ReadState,
  XmlSyntaxError,
} from './manifest-xml-syntax-error.ts';

// Reads imsmanifest.xml at build time into elements, attributes, text, namespaces and the line each element
// starts on, so errors can name the line. saxes (jsdom's XML parser) checks well-formedness and namespaces
// (XML 1.0, Namespaces in XML 1.0); the tests validate against the ADL/IMS schemas.

export { XmlSyntaxError };

export interface XmlElement {
  /** Qualified name as written, e.g. `imsss:sequencing`. */
  readonly name: string;
  readonly localName: string;
  /** Namespace URI the prefix (or the default namespace) is bound to; '' when none. */
  readonly namespace: string;
  /** Attributes by qualified name as written, values with entities decoded. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** The element's own text (not its descendants'), entities decoded, CDATA included. */
  readonly text: string;
  readonly line: number;
}

interface OpenElement extends XmlElement {
  readonly children: XmlElement[];
  text: string;
}

export function readXml(source: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const lines = new LineCounter(source);
  const open: OpenElement[] = [];
  let root: XmlElement | undefined;
  let lastClosed: XmlElement | undefined;
  let startTag: { name: string; line: number } | undefined;
  let checkpoint = 0;
  const markupEnded = () => {
    checkpoint = parser.position;
  };
  const appendText = (text: string) => {
    const parent = open.at(-1);
    if (parent) parent.text += text;
  };

  const state = (): ReadState => ({
    source,
    open,
    lastClosed,
    startTag,
    sawRoot: root !== undefined || open.length > 0,
    checkpoint,
    lineAt: (offset) => lines.lineAt(offset),
  });

  parser.on('error', (error) => {
    throw explainSyntaxError(error.message, parser.line, parser.position, state());
  });
  // A DOCTYPE could declare entities and fetch external files; a manifest needs neither.
  parser.on('doctype', () => {
    throw doctypeRefused(lines.lineAt(source.lastIndexOf('<!DOCTYPE', parser.position)));
  });
  parser.on('opentagstart', (tag) => {
    // saxes has read one character past the name, maybe a newline: count from the "<" instead.
    startTag = { name: tag.name, line: lines.lineAt(source.lastIndexOf('<', parser.position - 1)) };
    markupEnded();
  });
  parser.on('attribute', markupEnded);
  parser.on('opentag', (tag) => {
    const attributes = Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value]));
    const line = startTag?.line ?? parser.line;
    open.push({
      name: tag.name,
      localName: tag.local,
      namespace: tag.uri,
      attributes,
      children: [],
      text: '',
      line,
    });
    startTag = undefined;
    markupEnded();
  });
  parser.on('closetag', () => {
    const element = open.pop();
    if (!element) return;
    const parent = open.at(-1);
    if (parent) parent.children.push(element);
    else root = element;
    lastClosed = element;
    markupEnded();
  });
  parser.on('text', appendText);
  parser.on('cdata', (text) => {
    appendText(text);
    markupEnded();
  });
  parser.on('comment', markupEnded);
  parser.on('processinginstruction', markupEnded);
  parser.on('xmldecl', markupEnded);
  parser.write(source).close();
  // saxes has already reported a missing root; this only tells TypeScript.
  if (!root) throw explainSyntaxError('document must contain a root element.', 1, source.length, state());
  return root;
}

export function childrenNamed(parent: XmlElement, namespace: string, localName: string): XmlElement[] {
  return parent.children.filter((c) => c.namespace === namespace && c.localName === localName);
}

/** 1-based line of an offset; counts forward from the last offset asked for, so a whole read counts once. */
class LineCounter {
  private offset = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  lineAt(offset: number): number {
    if (offset < this.offset) {
      this.offset = 0;
      this.line = 1;
    }
    for (; this.offset < offset; this.offset++) if (this.text.charCodeAt(this.offset) === 10) this.line++;
    return this.line;
  }
}
