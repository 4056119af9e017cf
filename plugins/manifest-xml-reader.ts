// A small XML reader for imsmanifest.xml at build time: elements, attributes, text, namespaces and the line
// each element starts on, so errors can name the line. It checks well-formedness (XML 1.0 §2.1, §3.1) but
// not validity; the tests validate against the ADL/IMS schemas. No DOM in Node, and no new dependency.

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

export class XmlSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`line ${line}: ${problem} Fix: ${fix}`);
    this.name = 'XmlSyntaxError';
  }
}

interface OpenElement {
  name: string;
  localName: string;
  namespace: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
  scope: ReadonlyMap<string, string>;
}

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/;
const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};
const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

export function readXml(source: string): XmlElement {
  return new XmlReader(source).read();
}

class XmlReader {
  private pos = 0;
  private line = 1;
  private readonly stack: OpenElement[] = [];
  private root: XmlElement | undefined;

  constructor(private readonly src: string) {
    if (src.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  read(): XmlElement {
    this.skipDeclaration();
    while (this.pos < this.src.length) {
      if (this.src.startsWith('<!--', this.pos)) this.skipComment();
      else if (this.src.startsWith('<![CDATA[', this.pos)) this.readCdata();
      else if (this.src.startsWith('<!', this.pos))
        this.fail(
          'a DOCTYPE or other declaration is not supported here.',
          'remove it; the manifest is checked against XML schemas instead.',
        );
      else if (this.src.startsWith('<?', this.pos)) this.skipProcessingInstruction();
      else if (this.src.startsWith('</', this.pos)) this.readEndTag();
      else if (this.src[this.pos] === '<') this.readStartTag();
      else this.readText();
    }
    const unclosed = this.stack.at(-1);
    if (unclosed)
      this.fail(
        `<${unclosed.name}> opened on line ${unclosed.line} is never closed.`,
        `add </${unclosed.name}> where the element ends, or write it as <${unclosed.name} … /> if it is empty.`,
        unclosed.line,
      );
    if (!this.root) this.fail('the file has no root element.', 'start it with <manifest …>.', 1);
    return this.root;
  }

  private fail(problem: string, fix: string, line = this.line): never {
    throw new XmlSyntaxError(line, problem, fix);
  }

  private advanceTo(end: number): void {
    for (let i = this.pos; i < end; i++) if (this.src.charCodeAt(i) === 10) this.line++;
    this.pos = end;
  }

  private indexOrFail(marker: string, what: string, fix: string): number {
    const at = this.src.indexOf(marker, this.pos);
    if (at === -1) this.fail(`${what} is never closed.`, fix);
    return at;
  }

  private skipDeclaration(): void {
    const leading = /^\s*/.exec(this.src.slice(this.pos))?.[0] ?? '';
    if (this.src.startsWith('<?xml', this.pos + leading.length) && leading.length > 0)
      this.fail(
        'the <?xml …?> declaration must be the very first thing in the file.',
        'remove what precedes it.',
      );
  }

  private skipComment(): void {
    const end = this.indexOrFail('-->', 'a comment <!--', 'end the comment with -->.');
    this.advanceTo(end + 3);
  }

  private skipProcessingInstruction(): void {
    const end = this.indexOrFail('?>', 'a processing instruction <?', 'end it with ?>.');
    this.advanceTo(end + 2);
  }

  private readCdata(): void {
    const start = this.pos + '<![CDATA['.length;
    const end = this.indexOrFail(']]>', 'a <![CDATA[ section', 'end it with ]]>.');
    this.appendText(this.src.slice(start, end));
    this.advanceTo(end + 3);
  }

  private readText(): void {
    const next = this.src.indexOf('<', this.pos);
    const end = next === -1 ? this.src.length : next;
    const raw = this.src.slice(this.pos, end);
    const line = this.line;
    if (raw.includes(']]>'))
      this.fail(
        ']]> may not appear in text.',
        'write ]]&gt; instead.',
        line + countNewlines(raw, raw.indexOf(']]>')),
      );
    if (this.stack.length === 0 && raw.trim() !== '') {
      const where = this.root ? 'after the root element' : 'before the root element';
      this.fail(
        `text ${where}: "${raw.trim().slice(0, 40)}".`,
        'put all content inside <manifest>…</manifest>.',
        line + countNewlines(raw, raw.search(/\S/)),
      );
    }
    this.appendText(this.decode(raw, line));
    this.advanceTo(end);
  }

  private appendText(text: string): void {
    const parent = this.stack.at(-1);
    if (parent) parent.text += text;
  }

  private readStartTag(): void {
    const line = this.line;
    const name = NAME.exec(this.src.slice(this.pos + 1))?.[0];
    if (!name) this.fail('"<" does not start a valid tag.', 'write &lt; for a literal "<" in text.');
    if (this.stack.length === 0 && this.root)
      this.fail(
        `a second root element <${name}>.`,
        'an XML file has exactly one root element; move it inside the first one.',
      );
    this.advanceTo(this.pos + 1 + name.length);
    const attributes = this.readAttributes(name);
    let selfClosing = false;
    if (this.src.startsWith('/>', this.pos)) {
      selfClosing = true;
      this.advanceTo(this.pos + 2);
    } else if (this.src[this.pos] === '>') {
      this.advanceTo(this.pos + 1);
    } else {
      this.fail(
        `the start tag <${name}> is not closed with ">".`,
        'end the tag with > (or /> if it is empty).',
      );
    }
    const scope = this.scopeWith(attributes);
    const [prefix, localName] = splitName(name);
    const namespace = this.resolve(prefix, scope, name, line);
    for (const attribute of Object.keys(attributes)) {
      const [attributePrefix] = splitName(attribute);
      if (attributePrefix !== '' && attributePrefix !== 'xmlns')
        this.resolve(attributePrefix, scope, attribute, line);
    }
    const open: OpenElement = { name, localName, namespace, attributes, children: [], text: '', line, scope };
    if (selfClosing) this.close(open);
    else this.stack.push(open);
  }

  private readAttributes(elementName: string): Record<string, string> {
    const attributes: Record<string, string> = {};
    for (;;) {
      const spaces = /^\s*/.exec(this.src.slice(this.pos))?.[0] ?? '';
      this.advanceTo(this.pos + spaces.length);
      const c = this.src[this.pos];
      if (c === undefined)
        this.fail(
          `the start tag <${elementName}> is not closed.`,
          'end the tag with > (or /> if it is empty).',
        );
      if (c === '>' || this.src.startsWith('/>', this.pos)) return attributes;
      if (spaces.length === 0)
        this.fail(
          `attributes of <${elementName}> must be separated by whitespace.`,
          'add a space before it.',
        );
      const name = NAME.exec(this.src.slice(this.pos))?.[0];
      if (!name)
        this.fail(
          `unexpected "${c}" in the start tag <${elementName}>.`,
          'write attributes as name="value" and end the tag with >.',
        );
      this.advanceTo(this.pos + name.length);
      const eq = /^\s*=\s*/.exec(this.src.slice(this.pos))?.[0];
      if (!eq) this.fail(`the attribute ${name} has no value.`, `write ${name}="…".`);
      this.advanceTo(this.pos + eq.length);
      const quote = this.src[this.pos];
      if (quote !== '"' && quote !== "'")
        this.fail(`the value of ${name} is not quoted.`, `put the value in quotes: ${name}="…".`);
      const end = this.src.indexOf(quote, this.pos + 1);
      if (end === -1) this.fail(`the value of ${name} is never closed.`, `end it with ${quote}.`);
      const raw = this.src.slice(this.pos + 1, end);
      const lt = raw.indexOf('<');
      if (lt !== -1)
        this.fail(
          `"<" inside the value of ${name}.`,
          `write &lt; instead, or close the quote before the next tag.`,
          this.line + countNewlines(raw, lt),
        );
      if (Object.hasOwn(attributes, name))
        this.fail(`<${elementName}> has ${name} twice.`, 'keep one of them.');
      attributes[name] = this.decode(raw, this.line);
      this.advanceTo(end + 1);
    }
  }

  private readEndTag(): void {
    const name = NAME.exec(this.src.slice(this.pos + 2))?.[0];
    if (!name) this.fail('"</" does not start a valid end tag.', 'write </name>.');
    this.advanceTo(this.pos + 2 + name.length);
    const rest = /^\s*>/.exec(this.src.slice(this.pos))?.[0];
    if (!rest) this.fail(`the end tag </${name}> is not closed with ">".`, `write </${name}>.`);
    const open = this.stack.pop();
    if (!open)
      this.fail(
        `</${name}> closes an element that was never opened.`,
        `remove it, or add <${name}> before it.`,
      );
    if (open.name !== name) {
      // If an enclosing element has this name, the element on top was left open: point at where it opens.
      if (this.stack.some((e) => e.name === name))
        this.fail(
          `<${open.name}> is not closed before </${name}> on line ${this.line}.`,
          `add </${open.name}> where the element ends, or write it as <${open.name} … /> if it is empty.`,
          open.line,
        );
      this.fail(
        `</${name}> does not match <${open.name}>, opened on line ${open.line}.`,
        `close <${open.name}> with </${open.name}>, or remove the stray </${name}>.`,
      );
    }
    this.advanceTo(this.pos + rest.length);
    this.close(open);
  }

  private close(open: OpenElement): void {
    const element: XmlElement = {
      name: open.name,
      localName: open.localName,
      namespace: open.namespace,
      attributes: open.attributes,
      children: open.children,
      text: open.text,
      line: open.line,
    };
    const parent = this.stack.at(-1);
    if (parent) parent.children.push(element);
    else this.root = element;
  }

  private scopeWith(attributes: Record<string, string>): ReadonlyMap<string, string> {
    const outer = this.stack.at(-1)?.scope ?? new Map([['xml', XML_NAMESPACE]]);
    const declarations = Object.entries(attributes).filter(([n]) => n === 'xmlns' || n.startsWith('xmlns:'));
    if (declarations.length === 0) return outer;
    const scope = new Map(outer);
    for (const [n, uri] of declarations) scope.set(n === 'xmlns' ? '' : n.slice('xmlns:'.length), uri);
    return scope;
  }

  private resolve(prefix: string, scope: ReadonlyMap<string, string>, name: string, line: number): string {
    const uri = scope.get(prefix);
    if (uri !== undefined) return uri;
    if (prefix === '') return '';
    return this.fail(
      `the prefix "${prefix}" in ${name} is not bound to a namespace.`,
      `declare it, e.g. xmlns:${prefix}="…", on this element or an ancestor.`,
      line,
    );
  }

  private decode(raw: string, line: number): string {
    for (let i = 0; i < raw.length; i++) {
      const code = raw.codePointAt(i) ?? 0;
      if (code > 0xffff) i++;
      if (!isXmlChar(code))
        this.fail(
          `the character U+${code.toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML 1.0.`,
          'remove it (XML 1.0 §2.2 Char; SAP KBA 3332061: LMSs strip such characters).',
          line + countNewlines(raw, i),
        );
    }
    return raw.replace(/&([^;&\s<]*);?/g, (match, body: string, offset: number) => {
      const at = line + countNewlines(raw, offset);
      if (!match.endsWith(';'))
        this.fail('a bare "&" in text or an attribute.', 'write &amp; for a literal ampersand.', at);
      const predefined = PREDEFINED_ENTITIES[body];
      if (predefined !== undefined) return predefined;
      const code = /^#x[0-9A-Fa-f]+$/.test(body)
        ? Number.parseInt(body.slice(2), 16)
        : /^#[0-9]+$/.test(body)
          ? Number.parseInt(body.slice(1), 10)
          : undefined;
      if (code === undefined)
        this.fail(
          `unknown entity ${match}.`,
          'use &lt; &gt; &amp; &quot; &apos; or a character reference like &#233;.',
          at,
        );
      if (!isXmlChar(code))
        this.fail(`${match} is not a character XML 1.0 allows.`, 'remove it (XML 1.0 §2.2 Char).', at);
      return String.fromCodePoint(code);
    });
  }
}

function splitName(name: string): [prefix: string, localName: string] {
  const colon = name.indexOf(':');
  return colon === -1 ? ['', name] : [name.slice(0, colon), name.slice(colon + 1)];
}

function countNewlines(text: string, upTo: number): number {
  let n = 0;
  for (let i = 0; i < upTo; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
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

export function childrenNamed(parent: XmlElement, namespace: string, localName: string): XmlElement[] {
  return parent.children.filter((c) => c.namespace === namespace && c.localName === localName);
}
