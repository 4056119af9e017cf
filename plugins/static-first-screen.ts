/**
 * The first screen as plain HTML in the launch page, so a slow NHS desktop or phone shows it, with a working
 * Start button, as soon as the page itself arrives: no script to download, parse and run first. The app's
 * script follows (deferred) and renders the same screen over it.
 *
 * The markup mirrors what `ModuleApp` renders for the start screen; `tests/static-first-screen.test.tsx`
 * renders the real component and requires the two to be identical, so they cannot drift apart.
 * A click on Start before the app has loaded is kept (`EARLY_START_SCRIPT`), not lost.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Plugin } from 'vite';
import { EARLY_START_FLAG } from '../src/app/early-start.ts';
import type { Scenario } from '../src/scenario/model.ts';
import { uiText } from '../src/ui/ui-text.ts';
import { loadScenarioFile } from './load-scenario-file.ts';
import { readModuleIdentity } from './module-identity.ts';

/**
 * Remembers a press of the static Start button and says the module is loading. Only the static button
 * counts: the app replaces it, so later presses go to the app alone.
 */
export const EARLY_START_SCRIPT = `(function(){var a=document.getElementById('app'),s=a&&a.querySelector('main .actions button');if(!s)return;a.addEventListener('click',function h(e){if(!e.target.closest||e.target.closest('button')!==s)return;window.${EARLY_START_FLAG}=true;s.disabled=true;s.setAttribute('aria-busy','true');s.textContent='Loading…';a.removeEventListener('click',h)})})();`;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** `title` is the module's, from imsmanifest.xml, as the app shows it (virtual:module-identity). */
export function startScreenHtml(scenario: Scenario, title: string): string {
  const intro = scenario.pages.start;
  const outcomes = scenario.outcomes.map((outcome) => `<li>${escapeHtml(outcome.text)}</li>`).join('');
  return [
    `<div class="module"><a class="skip-link" href="#main">${escapeHtml(uiText.skipLink)}</a>`,
    `<header><div class="module-header"><p class="container module-title">${escapeHtml(title)}</p></div>`,
    '<div class="container"><div class="notices"><div role="status"></div><div role="alert"></div></div></div></header>',
    '<div class="container"><main id="main" tabindex="-1">',
    `<h1 tabindex="-1">${escapeHtml(title)}</h1>`,
    `<p class="lead">${escapeHtml(uiText.aboutMinutes(scenario.minutes))}</p>`,
    intro ? `<div class="prose">${intro.html}</div>` : '',
    `<h2>${escapeHtml(uiText.outcomesHeading)}</h2><ul class="outcomes">${outcomes}</ul>`,
    `<div class="actions"><button type="button" class="button">${escapeHtml(uiText.start)}</button></div>`,
    '</main></div></div>',
  ].join('');
}

export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export function staticFirstScreenPlugin(
  scenarioFile = 'scenarios/boundaries.yaml',
  manifestFile = 'imsmanifest.xml',
): Plugin {
  return {
    name: 'static-first-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const loaded = loadScenarioFile(path.resolve(scenarioFile));
        // An invalid scenario has already stopped the build with every problem listed (scenario plugin).
        if (!loaded.ok) return html;
        const { title } = readModuleIdentity(path.resolve(manifestFile));
        return html
          .replace(
            '<div id="app"></div>',
            () =>
              `<div id="app">${startScreenHtml(loaded.scenario, title)}</div>\n    <script>${EARLY_START_SCRIPT}</script>`,
          )
          .replace("script-src 'self'", `script-src 'self' ${cspHash(EARLY_START_SCRIPT)}`);
      },
    },
  };
}
