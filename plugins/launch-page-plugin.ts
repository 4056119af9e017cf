/**
 * Makes the built launch page fit an LMS:
 * - one classic (non-module) script, so the package also runs opened straight from disk: Chromium refuses
 *   ES module scripts from file:// (an opaque origin fails the module CORS check), classic ones load;
 * - a Content-Security-Policy that allows nothing but the package itself: no inline script, no eval, no
 *   network connections (the LMS is reached through a JavaScript object, never fetch);
 * - the title and description from imsmanifest.xml (pseudo-localised in the pseudo-locale build), and an
 *   empty icon so the browser does not ask the LMS server's root for /favicon.ico (a request outside the
 *   package).
 */
import type { Plugin } from 'vite';
import { escapeXml } from './manifest-xml-escape.ts';
import { readModuleIdentity } from './module-identity.ts';
import { learnerIdentity } from './pseudo-locale.ts';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function launchPagePlugin(manifestPath = 'imsmanifest.xml'): Plugin {
  let mode = 'production';
  return {
    name: 'launch-page',
    apply: 'build',
    configResolved(config) {
      mode = config.mode;
    },
    config: () => ({
      build: {
        // Classic script: one IIFE bundle, dynamic imports inlined (no module loader on file://).
        rolldownOptions: { output: { format: 'iife', codeSplitting: false } },
        // One stylesheet linked from the page (an IIFE bundle would otherwise drop split CSS).
        cssCodeSplit: false,
      },
    }),
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const identity = learnerIdentity(readModuleIdentity(manifestPath), mode);
        return html
          .replace(/<script type="module" crossorigin src=/g, '<script defer src=')
          .replace(/<link rel="stylesheet" crossorigin href=/g, '<link rel="stylesheet" href=')
          .replace(/<title>[^<]*<\/title>/, `<title>${escapeXml(identity.title)}</title>`)
          .replace(
            '<meta charset="utf-8" />',
            [
              '<meta charset="utf-8" />',
              `    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
              `    <meta name="description" content="${escapeXml(identity.description)}" />`,
              '    <link rel="icon" href="data:," />',
            ].join('\n'),
          );
      },
    },
  };
}
