import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineLaunchAssets } from '../plugins/inline-launch-assets.ts';

const page = [
  '<html><head>',
  `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'" />`,
  '<script defer src="./assets/index-1.js"></script>',
  '<link rel="stylesheet" href="./assets/style-1.css">',
  '</head><body><div id="app"></div></body></html>',
].join('\n');

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('inlining the launch page script and stylesheet', () => {
  const js = 'var a="$&$1$`";document.getElementById("app").textContent=a;';
  const css = 'main{color:#212b32}';
  const files: Record<string, string> = { 'assets/index-1.js': js, 'assets/style-1.css': css };
  const { html, used } = inlineLaunchAssets(page, (name) => files[name]);

  it('puts both inside the page and reports the files it consumed', () => {
    expect(used.sort()).toEqual(['assets/index-1.js', 'assets/style-1.css']);
    expect(html).not.toContain('src="./assets');
    expect(html).toContain(`<style>${css}</style>`);
  });

  it('keeps the code byte for byte, $-sequences included, after the element it renders into', () => {
    expect(html).toContain(`<script>${js}</script>`);
    expect(html.indexOf('<div id="app">')).toBeLessThan(html.indexOf('<script>'));
  });

  it('lets exactly those blocks through the CSP by hash, with no unsafe-inline', () => {
    expect(html).toContain(`script-src ${hash(js)}`);
    expect(html).toContain(`style-src ${hash(css)}`);
    expect(html).not.toContain('unsafe-inline');
  });

  it('refuses code that would close the script element early', () => {
    expect(() => inlineLaunchAssets(page, (name) => (name.endsWith('.js') ? 'x="</script>"' : ''))).toThrow(
      /cannot be inlined safely/,
    );
  });
});
