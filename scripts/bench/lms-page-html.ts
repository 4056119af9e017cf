import type { HarnessConfig } from './harness-types.ts';
import { installLmsHarness } from './lms-harness.ts';

/** Where the bench server serves scorm-again's browser build (it defines the global `Scorm2004API`). */
export const SCORM_AGAIN_URL = '/lms/scorm2004.min.js';

/** SCORM 2004 RTE 3.1: the eight API methods a SCO may call. */
export const API_1484_11_METHODS = [
  'Initialize',
  'Terminate',
  'GetValue',
  'SetValue',
  'Commit',
  'GetLastError',
  'GetErrorString',
  'GetDiagnostic',
] as const;

/**
 * The LMS launch page: scorm-again loads first (a classic script, so the API exists before the SCO can look
 * for it), then the harness creates the API and points the full-page iframe at the SCO. Without the API
 * (`withApi` false) it is a bare host page: no scorm-again, and the SCO finds no LMS (standalone).
 */
export function lmsPageHtml(config: HarnessConfig): string {
  // "<" escaped so nothing in the config can close the script element.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  // tsx compiles with keepNames, which wraps inner functions in `__name(...)`: give the page an identity one.
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bench LMS</title>
<style>html,body{margin:0;height:100%}iframe{display:block;border:0;width:100%;height:100%}</style>
${config.withApi ? `<script src="${SCORM_AGAIN_URL}"></script>\n` : ''}</head>
<body>
<iframe id="sco" title="Module"></iframe>
<script>
var __name = function (f) { return f; };
(${installLmsHarness.toString()})(${json});
</script>
</body>
</html>
`;
}
