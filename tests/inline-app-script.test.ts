import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineAppScript } from '../plugins/inline-app-script.ts';

const early = '(function(){window.x=1})();';
const page = [
  '<html><head>',
  `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'sha256-early'; style-src 'self'" />`,
  '<script defer src="./assets/index-1.js"></script>',
  '</head><body><div id="app"><main><h1>Start</h1></main></div>',
  `<script>${early}</script>`,
  '</body></html>',
].join('\n');

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('inlining the app script in the launch page', () => {
  const code = 'var s="$&$1";document.getElementById("app").dataset.live="";';
  const { html, used } = inlineAppScript(page, (name) => (name === 'assets/index-1.js' ? code : undefined));

  it('moves the script, byte for byte, to the end of the body, after the first screen and the early script', () => {
    expect(used).toBe('assets/index-1.js');
    expect(html).not.toContain('src="./assets/index-1.js"');
    const at = html.indexOf(`<script>${code}</script>`);
    expect(at).toBeGreaterThan(html.indexOf(`<script>${early}</script>`));
    expect(at).toBeLessThan(html.indexOf('</body>'));
  });

  it('lets exactly that script through the CSP by hash, keeping the early script’s hash, with no unsafe-inline', () => {
    expect(html).toContain(`script-src 'self' ${hash(code)} 'sha256-early'`);
    expect(html).not.toContain('unsafe-inline');
  });

  it('refuses a script that would end the script element early', () => {
    expect(() => inlineAppScript(page, () => 'var a="</script>";')).toThrow(/cannot be inlined/);
    expect(() => inlineAppScript(page, () => 'var a="<!--";')).toThrow(/cannot be inlined/);
  });

  it('leaves a page without a script file as it is', () => {
    expect(inlineAppScript('<html></html>', () => code)).toEqual({ html: '<html></html>', used: null });
  });
});
