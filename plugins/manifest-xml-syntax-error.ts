import { isXmlChar } from './manifest-xml-escape.ts';

// Turns saxes' well-formedness errors into a line, a problem and a fix an author can act on. saxes finds the
// error; this file only says where it starts: an unfinished comment, tag or "&" is reported by saxes at the
// end of the file or at the next ";", so the line is taken from where that construct begins instead.

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

/** What the reader knows when saxes reports an error. Offsets index `source`. */
export interface ReadState {
  readonly source: string;
  /** Elements opened and not yet closed, outermost first. */
  readonly open: readonly { readonly name: string; readonly line: number }[];
  /** The element saxes closed last: the one left open when an end tag does not match. */
  readonly lastClosed: { readonly name: string; readonly line: number } | undefined;
  /** A start tag whose name has been read but not its ">". */
  readonly startTag: { readonly name: string; readonly line: number } | undefined;
  readonly sawRoot: boolean;
  /** Offset just after the last complete piece of markup; whatever is unfinished starts after it. */
  readonly checkpoint: number;
  lineAt(offset: number): number;
}

const WELL_FORMED_REFERENCE = '(?:[A-Za-z_:][\\w.:-]*|#[0-9]+|#x[0-9A-Fa-f]+);';
const BARE_AMPERSAND = new RegExp(`&(?!${WELL_FORMED_REFERENCE})`);
const MARKUP_OR_BARE_AMPERSAND = new RegExp(`<|&(?!${WELL_FORMED_REFERENCE})`);
const ENTITY_FIX = 'use &lt; &gt; &amp; &quot; &apos; or a character reference like &#233;.';
const CHAR_FIX = 'remove it (XML 1.0 §2.2 Char; SAP KBA 3332061: LMSs strip such characters).';
const CLOSE_FIX = (name: string) =>
  `add </${name}> where the element ends, or write it as <${name} … /> if it is empty.`;

/** `saxesMessage` without saxes' "line:column: " prefix; `line` and `offset` are where saxes stopped. */
export function explainSyntaxError(
  saxesMessage: string,
  line: number,
  offset: number,
  state: ReadState,
): XmlSyntaxError {
  const at = (problem: string, fix: string, where = line) => new XmlSyntaxError(where, problem, fix);
  const before = state.source.slice(0, offset);
  const sinceCheckpoint = state.source.slice(state.checkpoint, offset);
  const bareAmpersand = () => {
    const index = sinceCheckpoint.search(BARE_AMPERSAND);
    const where = index === -1 ? line : state.lineAt(state.checkpoint + index);
    return at('a bare "&" in text or an attribute.', 'write &amp; for a literal ampersand.', where);
  };
  const message = saxesMessage.replace(/^\d+:\d+: /, '');
  if (offset >= state.source.length && /^(unclosed tag|unexpected end|document must)/.test(message))
    return explainEndOfFile(state, at);
  if (message === 'unexpected close tag.' && state.lastClosed) {
    const name = /<\/([^\s>]+)\s*>$/.exec(before)?.[1] ?? '?';
    const left = state.lastClosed;
    if (state.open.some((e) => e.name === name))
      return at(
        `<${left.name}> is not closed before </${name}> on line ${line}.`,
        CLOSE_FIX(left.name),
        left.line,
      );
    return at(
      `</${name}> does not match <${left.name}>, opened on line ${left.line}.`,
      `close <${left.name}> with </${left.name}>, or remove the stray </${name}>.`,
    );
  }
  if (/^(disallowed character in entity name|empty entity name)/.test(message)) return bareAmpersand();
  if (message === 'undefined entity.')
    return at(`unknown entity ${/&[^&;]*;$/.exec(before)?.[0]}.`, ENTITY_FIX);
  if (message === 'malformed character entity.')
    return at(
      `${/&[^&;]*;$/.exec(before)?.[0]} is not a character XML 1.0 allows.`,
      'remove it (XML 1.0 §2.2 Char).',
    );
  if (message === 'disallowed character.') return explainCharacter(before, state, at);
  if (message === 'inappropriately located doctype declaration.') return doctypeRefused(line);
  const fix = FIXES.find(([start]) => message.startsWith(start))?.[1];
  if (fix) return at(message, fix);
  if (message === 'text data outside of root node.') {
    const where = state.checkpoint + Math.max(0, sinceCheckpoint.search(/\S/));
    return at(
      `text ${state.sawRoot ? 'after' : 'before'} the root element.`,
      'put all content inside <manifest>…</manifest>.',
      state.lineAt(where),
    );
  }
  return at(message.endsWith('.') ? message : `${message}.`, 'correct the markup on this line (XML 1.0).');
}

/** saxes' own words are clear enough for these; each gets the fix. */
const FIXES: readonly (readonly [messageStart: string, fix: string])[] = [
  ['duplicate attribute', 'keep one of them.'],
  ['unquoted attribute value', 'put the value in quotes: name="…".'],
  ['attribute without value', 'write name="…".'],
  ['no whitespace between attributes', 'add a space between them.'],
  ['unbound namespace prefix', 'declare it, e.g. xmlns:prefix="…", on this element or an ancestor.'],
  ['documents may contain only one root', 'move the second root element inside the first one.'],
  ['the string "]]>" is disallowed', 'write ]]&gt; instead.'],
  ['an XML declaration must be at the start', 'remove what precedes it.'],
];

export function doctypeRefused(line: number): XmlSyntaxError {
  return new XmlSyntaxError(
    line,
    'a DOCTYPE or other declaration is not supported here.',
    'remove it; the manifest is checked against XML schemas instead.',
  );
}

type At = (problem: string, fix: string, where?: number) => XmlSyntaxError;

function explainCharacter(before: string, state: ReadState, at: At): XmlSyntaxError {
  const code = before.codePointAt(before.length - 1) ?? 0;
  if (!isXmlChar(code))
    return at(
      `the character U+${code.toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML 1.0.`,
      CHAR_FIX,
    );
  const attribute = /([^\s=]+)\s*=\s*["'][^"']*$/.exec(before.slice(state.checkpoint))?.[1];
  const quoted = JSON.stringify(String.fromCodePoint(code));
  if (code === 0x3c && state.startTag && attribute)
    return at(
      `"<" inside the value of ${attribute}.`,
      'write &lt; instead, or close the quote before the next tag.',
    );
  return at(`${quoted} is not allowed here.`, code === 0x3c ? 'write &lt; for a literal "<".' : 'remove it.');
}

const UNFINISHED: readonly (readonly [start: string, problem: string, fix: string])[] = [
  ['<!--', 'a comment <!-- is never closed.', 'end the comment with -->.'],
  ['<![CDATA[', 'a <![CDATA[ section is never closed.', 'end it with ]]>.'],
  ['<?', 'a processing instruction <? is never closed.', 'end it with ?>.'],
  ['</', 'an end tag is never closed.', 'end it with >.'],
  ['<', 'a tag is never closed.', 'end the tag with > (or /> if it is empty).'],
  ['&', 'a bare "&" in text or an attribute.', 'write &amp; for a literal ampersand.'],
];

// saxes reports these at the end of the file; the line is where the unfinished construct begins.
function explainEndOfFile(state: ReadState, at: At): XmlSyntaxError {
  const rest = state.source.slice(state.checkpoint);
  const index = rest.search(MARKUP_OR_BARE_AMPERSAND);
  if (index !== -1) {
    const where = state.lineAt(state.checkpoint + index);
    const from = rest.slice(index);
    for (const [start, problem, fix] of UNFINISHED)
      if (from.startsWith(start)) return at(problem, fix, where);
  }
  const tag = state.startTag;
  if (tag) {
    const attribute = /^\s*([^\s=]+)\s*=\s*(["'])(?:(?!\2)[\s\S])*$/.exec(rest);
    if (attribute) {
      const where = state.lineAt(state.checkpoint + rest.search(/\S/));
      return at(`the value of ${attribute[1]} is never closed.`, `end it with ${attribute[2]}.`, where);
    }
    return at(
      `the start tag <${tag.name}> is not closed with ">".`,
      'end the tag with > (or /> if it is empty).',
      tag.line,
    );
  }
  const unclosed = state.open.at(-1);
  if (unclosed)
    return at(
      `<${unclosed.name}> opened on line ${unclosed.line} is never closed.`,
      CLOSE_FIX(unclosed.name),
      unclosed.line,
    );
  return at('the file has no root element.', 'start it with <manifest …>.', 1);
}
