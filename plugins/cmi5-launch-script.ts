/**
 * The cmi5 package's own script: its LMS code (src/lms/cmi5-script-entry.ts and what it imports), bundled apart
 * from the app so the SCORM packages never load it, and inlined into the cmi5 launch page just before the app's
 * script, which finds it through src/lms/cmi5-script.ts. Inlined, not a file: on a slow line a second request
 * costs a round trip before the module can start. The page's Content-Security-Policy admits it by its hash.
 */
import { bundleClassicScript } from './bundle-classic-script.ts';
import { admitInlineScripts, assertInlinableScript } from './csp-hash.ts';

/** The script, minified, as one classic (IIFE) block; `target` is the main build's. */
export async function bundleCmi5Script(root: string, target: string | false | string[]): Promise<string> {
  const { js } = await bundleClassicScript({
    root,
    entry: 'src/lms/cmi5-script-entry.ts',
    name: 'Cmi5Script',
    target,
  });
  return js;
}

/** The app's script: the last inline <script> before </body> (plugins/inline-app-script.ts puts it there). */
const APP_SCRIPT = /<script>(?![\s\S]*<script>)[\s\S]*<\/script>\s*<\/body>/;

/** `html` with `code` inlined just before the app's script, and admitted by the policy's script-src. */
export function withCmi5Script(html: string, code: string): string {
  assertInlinableScript(code, 'the cmi5 script');
  const app = APP_SCRIPT.exec(html);
  if (!app)
    throw new Error(
      'the launch page has no inline app script before </body> to put the cmi5 script ahead of',
    );
  return admitInlineScripts(
    `${html.slice(0, app.index)}<script>${code}</script>\n  ${html.slice(app.index)}`,
    code,
  );
}
