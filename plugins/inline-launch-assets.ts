/**
 * Puts the launch page's script and stylesheet inside index.html, so the first screen costs one round trip
 * (about 600 ms each on a slow 4G line, where an LMS page is already heavy), and lets exactly those two
 * blocks through the Content-Security-Policy by their SHA-256 hashes: no 'unsafe-inline', no 'self' for
 * scripts, nothing else can run.
 */
import { createHash } from 'node:crypto';
import type { OutputAsset, OutputBundle, OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';

const SCRIPT_TAG = /<script defer src="\.\/([^"]+\.js)"><\/script>\n?/;
const STYLE_TAG = /<link rel="stylesheet" href="\.\/([^"]+\.css)">\n?/;

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

function textOf(item: OutputChunk | OutputAsset): string {
  return item.type === 'chunk'
    ? item.code
    : typeof item.source === 'string'
      ? item.source
      : Buffer.from(item.source).toString('utf8');
}

/** Inlines into `html`; returns the new page and the bundle file names it consumed. */
export function inlineLaunchAssets(html: string, read: (fileName: string) => string | undefined) {
  const used: string[] = [];
  let page = html;
  const style = STYLE_TAG.exec(page);
  const css = style?.[1] ? read(style[1]) : undefined;
  if (style?.[1] && css !== undefined) {
    used.push(style[1]);
    page = page.replace(style[0], () => `<style>${css}</style>\n`);
    page = page.replace("style-src 'self'", `style-src ${sha256(css)}`);
  }
  const script = SCRIPT_TAG.exec(page);
  const js = script?.[1] ? read(script[1]) : undefined;
  if (script?.[1] && js !== undefined) {
    if (js.includes('</script'))
      throw new Error(`${script[1]} contains "</script" and cannot be inlined safely`);
    used.push(script[1]);
    // An inline classic script runs where it stands: after the element it renders into.
    // A function replacement: the code's own `$&`-like sequences must not be read as patterns.
    page = page.replace(script[0], '').replace('</body>', () => `  <script>${js}</script>\n  </body>`);
    page = page.replace("script-src 'self'", `script-src ${sha256(js)}`);
  }
  return { html: page, used };
}

export function inlineLaunchAssetsPlugin(): Plugin {
  return {
    name: 'inline-launch-assets',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle: OutputBundle) {
      const page = bundle['index.html'];
      if (page?.type !== 'asset') return;
      const read = (fileName: string) => {
        const item = bundle[fileName];
        return item ? textOf(item) : undefined;
      };
      const { html, used } = inlineLaunchAssets(textOf(page), read);
      page.source = html;
      for (const fileName of used) delete bundle[fileName];
    },
  };
}
