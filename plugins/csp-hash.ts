import { createHash } from 'node:crypto';

/** The Content-Security-Policy source that admits exactly this inline script or style: no 'unsafe-inline'. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * Throws when `code` holds what would end or upset a <script> element early (HTML "script data" states), so it
 * cannot go inside the page as it is. `what` names it in the message.
 */
export function assertInlinableScript(code: string, what: string): void {
  if (/<\/script|<!--/i.test(code))
    throw new Error(`${what} contains "</script" or "<!--" and cannot be inlined`);
}

/**
 * `html` with its policy's `script-src 'self'` admitting these inline scripts by their hashes (the launch page's
 * policy, plugins/launch-page-plugin.ts). Throws when the page has no such policy: the browser would refuse them.
 */
export function admitInlineScripts(html: string, ...scripts: readonly string[]): string {
  if (!html.includes("script-src 'self'"))
    throw new Error(
      "the launch page's Content-Security-Policy has no script-src 'self' to admit its inline scripts",
    );
  return html.replace("script-src 'self'", () => `script-src 'self' ${scripts.map(cspHash).join(' ')}`);
}
