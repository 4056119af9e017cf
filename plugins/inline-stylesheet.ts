/**
 * Puts the launch page's stylesheet inside index.html, so the first screen (static HTML, see
 * static-first-screen.ts) paints from the page alone: one round trip, about 600 ms on a slow 4G line, where
 * the LMS page is already heavy. The Content-Security-Policy lets exactly that block through by its SHA-256
 * hash: no 'unsafe-inline'. The app's script is inlined after the page's body (inline-app-script.ts).
 */
import type { Plugin } from 'vite';
import { cspHash } from './csp-hash.ts';
import { inlineIntoLaunchPagePlugin } from './inline-into-launch-page.ts';

const STYLE_TAG = /<link rel="stylesheet" href="\.\/([^"]+\.css)">\n?/;

/** Inlines into `html`; returns the new page and the bundle file it consumed (null when none). */
export function inlineStylesheet(html: string, read: (fileName: string) => string | undefined) {
  const style = STYLE_TAG.exec(html);
  const css = style?.[1] ? read(style[1]) : undefined;
  if (!style?.[1] || css === undefined) return { html, used: null };
  if (css.includes('</style')) throw new Error(`${style[1]} contains "</style" and cannot be inlined safely`);
  // Function replacements: `$&`-like sequences in the CSS must not be read as patterns.
  const page = html
    .replace(style[0], () => `<style>${css}</style>\n`)
    .replace("style-src 'self'", () => `style-src ${cspHash(css)}`);
  return { html: page, used: style[1] };
}

export function inlineStylesheetPlugin(): Plugin {
  return inlineIntoLaunchPagePlugin('inline-stylesheet', inlineStylesheet);
}
