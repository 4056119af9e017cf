// The preview page's HTML: a static shell the browser code (app/main.ts) fills in. The package list travels
// inline as JSON, so the page can create the LMS API before the module's iframe exists, with no extra fetch.
import { APP_SCRIPT, APP_STYLES } from './build-preview-app.ts';
import type { PreviewPackageInfo } from './package-info.ts';
import { PREVIEW_CONFIG_ID } from './preview-config-id.ts';

export interface PreviewPageOptions {
  /** `npm run dev`: the page relaunches the module when the authored files change (app/live-updates.ts). */
  readonly live?: boolean;
}

export function previewPageHtml(
  packages: readonly PreviewPackageInfo[],
  options: PreviewPageOptions = {},
): string {
  // "<" escaped so a title such as "</script>" cannot end the JSON block early.
  const config = JSON.stringify({ packages, live: options.live === true }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Preview LMS</title>
<link rel="stylesheet" href="/app/${APP_STYLES}">
<script type="application/json" id="${PREVIEW_CONFIG_ID}">${config}</script>
<script type="module" src="/app/${APP_SCRIPT}"></script>
</head>
<body>
<header class="lms-header">
  <h1>Preview LMS</h1>
  <p id="package-summary"></p>
  <div class="controls" role="group" aria-label="Launch controls">
    <label for="package-select">Standard</label>
    <select id="package-select"></select>
    <button type="button" id="relaunch">Close and relaunch</button>
    <button type="button" id="review">Review mode</button>
    <button type="button" id="browse">Browse mode</button>
    <button type="button" id="new-attempt">New attempt</button>
  </div>
  <p id="launch-status" role="status"></p>${
    options.live ? '\n  <pre id="live-problem" class="live-problem" role="alert" hidden></pre>' : ''
  }
</header>
<main class="layout">
  <section class="module-pane" aria-labelledby="module-heading">
    <h2 id="module-heading" class="visually-hidden">Module</h2>
    <div id="module-host" class="module-host"></div>
  </section>
  <!-- Panel sections carry no name, so they are not landmarks: their scrollable regions are, one each. -->
  <div class="panels">
    <section>
      <h2 id="trainer-heading">Trainer view</h2>
      <p class="hint">As an LMS report shows it: the data stored at the last Commit or Terminate.</p>
      <div id="trainer-view"></div>
    </section>
    <section>
      <h2 id="log-heading">API calls</h2>
      <div class="scroll" tabindex="0" role="region" aria-labelledby="log-heading">
        <table id="call-log">
          <thead><tr><th scope="col">#</th><th scope="col">Call</th><th scope="col">Element</th><th scope="col">Value</th><th scope="col">Returned</th><th scope="col">Error</th></tr></thead>
          <tbody></tbody>
        </table>
      </div>
    </section>
    <section>
      <h2 id="cmi-heading">CMI data (live)</h2>
      <p class="hint">What the API holds now, committed or not.</p>
      <div class="scroll" tabindex="0" role="region" aria-labelledby="cmi-heading">
        <table id="cmi-table">
          <thead><tr><th scope="col">Element</th><th scope="col">Value</th></tr></thead>
          <tbody></tbody>
        </table>
      </div>
    </section>
  </div>
</main>
</body>
</html>
`;
}
