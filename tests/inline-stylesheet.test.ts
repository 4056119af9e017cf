import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineStylesheet } from '../plugins/inline-stylesheet.ts';

const page = [
  '<html><head>',
  `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'" />`,
  '<script defer src="./assets/index-1.js"></script>',
  '<link rel="stylesheet" href="./assets/style-1.css">',
  '</head><body><div id="app"></div></body></html>',
].join('\n');

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('inlining the launch page stylesheet', () => {
  const css = 'main::before{content:"$&$1"}main{color:#212b32}';
  const { html, used } = inlineStylesheet(page, (name) => (name === 'assets/style-1.css' ? css : undefined));

  it('puts the stylesheet inside the page, byte for byte, and reports the file it consumed', () => {
    expect(used).toBe('assets/style-1.css');
    expect(html).toContain(`<style>${css}</style>`);
    expect(html).not.toContain('<link rel="stylesheet"');
  });

  it('leaves the script alone (plugins/inline-app-script.ts inlines it after the page)', () => {
    expect(html).toContain('<script defer src="./assets/index-1.js"></script>');
  });

  it('lets exactly that block through the CSP by hash, with no unsafe-inline', () => {
    expect(html).toContain(`style-src ${hash(css)}`);
    expect(html).not.toContain('unsafe-inline');
  });

  it('refuses a stylesheet that would close the style element early', () => {
    expect(() => inlineStylesheet(page, () => 'p{}</style><script>')).toThrow(/cannot be inlined safely/);
  });
});
