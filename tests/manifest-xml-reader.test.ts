import { describe, expect, it } from 'vitest';
import { readXml, XmlSyntaxError } from '../plugins/manifest-xml-reader';

function syntaxError(source: string): XmlSyntaxError {
  try {
    readXml(source);
  } catch (error) {
    if (error instanceof XmlSyntaxError) return error;
    throw error;
  }
  throw new Error('the source was accepted');
}

describe('readXml', () => {
  it('resolves default and prefixed namespaces and records the line each element starts on', () => {
    const root = readXml(
      '<?xml version="1.0"?>\n<!-- a\ncomment -->\n<a xmlns="urn:a" xmlns:b="urn:b">\n  <b:c k="v"/>\n  <d/>\n</a>\n',
    );
    expect(root).toMatchObject({ localName: 'a', namespace: 'urn:a', line: 4 });
    expect(root.children.map((c) => [c.name, c.namespace, c.line])).toEqual([
      ['b:c', 'urn:b', 5],
      ['d', 'urn:a', 6],
    ]);
    expect(root.children[0]?.attributes).toEqual({ k: 'v' });
  });

  it('decodes predefined entities, character references and CDATA in text and attributes', () => {
    const root = readXml(`<a t="&quot;x&apos; &#233;">&lt;b&gt; &amp; &#x41;<![CDATA[ <raw> & ]]></a>`);
    expect(root.attributes.t).toBe(`"x' é`);
    expect(root.text).toBe('<b> & A <raw> & ');
  });

  it.each([
    [
      'an element left open at the end, with the line it opens on',
      '<a>\n  <b>\n</a>',
      2,
      /<b> is not closed before <\/a>/,
    ],
    ['a stray end tag', '<a>\n</b>\n</a>', 2, /<\/b> does not match <a>, opened on line 1/],
    ['a root that is never closed', '<a>\n<b/>\n', 1, /<a> opened on line 1 is never closed/],
    ['an attribute given twice', '<a\n x="1" x="2"/>', 2, /duplicate attribute: x/],
    ['an unquoted attribute value', '<a x=1/>', 1, /unquoted attribute value/],
    ['an unknown entity', '<a>\n&nbsp;</a>', 2, /unknown entity &nbsp;/],
    ['a character XML 1.0 forbids', '<a>\n\n\u0001</a>', 3, /U\+0001 is not allowed/],
    ['a forbidden character reference', '<a>&#0;</a>', 1, /&#0; is not a character XML 1.0 allows/],
    ['an unbound prefix', '<a>\n<x:b/></a>', 2, /unbound namespace prefix: "x"/],
    ['a bare "&" in text, on its line', '<a>\nTom & Jerry &lt;b&gt;</a>', 2, /a bare "&"/],
    ['a bare "&" in an attribute value', '<a\n x="Tom & Jerry"/>', 2, /a bare "&"/],
    ['text after the root element', '<a/>\n\nstray', 3, /text after the root element/],
    ['a second root element', '<a/>\n<b/>', 2, /only one root/],
    ['a comment that never ends', '<a>\n<!-- oops\n</a>', 2, /comment <!-- is never closed/],
    ['"<" inside an attribute value, on its line', '<a x="1\n<b/>"/>', 2, /"<" inside the value of x/],
    ['an attribute value whose quote never closes', '<a\n x="1/>\n', 2, /value of x is never closed/],
    ['a CDATA section that never ends', '<a>\n<![CDATA[ x\n</a>', 2, /<!\[CDATA\[ section is never closed/],
    ['a late XML declaration', '\n<?xml version="1.0"?>\n<a/>', 2, /XML declaration must be at the start/],
    ['a DOCTYPE', '<!DOCTYPE a>\n<a/>', 1, /DOCTYPE/],
    ['a DOCTYPE declaring an entity', '<!DOCTYPE a [\n<!ENTITY e "boom">\n]>\n<a>&e;</a>', 1, /DOCTYPE/],
    ['an empty file', '  \n', 1, /no root element/],
  ])('refuses %s', (_what, source, line, problem) => {
    const error = syntaxError(source);
    expect(error.line).toBe(line);
    expect(error.problem).toMatch(problem);
    expect(error.fix.length).toBeGreaterThan(0);
  });
});
