/**
 * Puts the app's script inside index.html, at the end of the body, so the whole module arrives in the one
 * response the launch page already costs: on a slow 4G line (562 ms latency) a second request for the
 * script cost a round trip before the app could start. The static first screen above it still paints as
 * soon as its part of the page has arrived; the script runs once the page is parsed, as `defer` did.
 * The Content-Security-Policy lets exactly that block through by its SHA-256 hash: no 'unsafe-inline'.
 * An inline classic script also runs from file://, where Chromium refuses module scripts.
 */
import type { Plugin } from 'vite';
import { admitInlineScripts, assertInlinableScript } from './csp-hash.ts';
import { inlineIntoLaunchPagePlugin } from './inline-into-launch-page.ts';

const SCRIPT_TAG = /<script defer src="\.\/([^"]+\.js)"><\/script>\n?/;

/** Inlines into `html`; returns the new page and the bundle file it consumed (null when none). */
export function inlineAppScript(html: string, read: (fileName: string) => string | undefined) {
  const tag = SCRIPT_TAG.exec(html);
  const code = tag?.[1] ? read(tag[1]) : undefined;
  if (!tag?.[1] || code === undefined) return { html, used: null };
  assertInlinableScript(code, tag[1]);
  // Function replacements: `$&`-like sequences in the code must not be read as patterns.
  const page = admitInlineScripts(
    html.replace(tag[0], '').replace('</body>', () => `<script>${code}</script>\n  </body>`),
    code,
  );
  return { html: page, used: tag[1] };
}

export function inlineAppScriptPlugin(): Plugin {
  return inlineIntoLaunchPagePlugin('inline-app-script', inlineAppScript);
}
