/**
 * The first screen as plain HTML in the launch page, so a slow NHS desktop or phone shows it, with a working
 * Start button, as soon as the page itself arrives: no script to download, parse and run first. The app's
 * script follows at the end of the page (inline-app-script.ts) and renders the same screen over it. On a launch
 * that may resume, the page stays hidden until the static screen is removed (`mayResumeScript`).
 *
 * The markup mirrors what `ModuleApp` renders for the start screen; `tests/static-first-screen.test.tsx`
 * renders the real component and requires the two to be identical, so they cannot drift apart.
 * A click on Start before the app has loaded is kept (`EARLY_START_SCRIPT`), not lost.
 */

import path from 'node:path';
import type { Plugin } from 'vite';
import { EARLY_START_FLAG } from '../src/app/early-start.ts';
import { standaloneStorageKey } from '../src/lms/standalone-session.ts';
import { escapeXml } from '../src/scenario/escape-xml.ts';
import type { Scenario } from '../src/scenario/model.ts';
import { messageFormatter } from '../src/ui/format-message.ts';
import type { Text } from '../src/ui/ui-messages.ts';
import { admitInlineScripts } from './csp-hash.ts';
import { loadScenarioFile } from './load-scenario-file.ts';
import { learnerLocale } from './locale-plugin.ts';
import { readModuleIdentity } from './module-identity.ts';
import { learnerIdentity, learnerScenario } from './pseudo-locale.ts';

/** The window property through which `mayResumeScript` tells `earlyStartScript` to drop the static screen. */
const MAY_RESUME_FLAG = '__moduleMayResume';

/**
 * Runs before the static screen is parsed. On a launch that may resume (an LMS's API object up the frames or
 * in the opener, a cmi5 launch URL — its `endpoint` and `fetch` parameters — whose place is in the LRS, or the
 * learner's place kept in this browser when standalone) only the app knows which
 * screen is the learner's, and painting "Start" first would show the wrong one (SCORM allows no GetValue
 * before Initialize, which is the app's to call). So the page is hidden until `earlyStartScript`, right after
 * the static screen, has removed it: a network pause between the two must not paint it either.
 */
export const mayResumeScript = (storageKey: string): string =>
  `(function(){function l(w){for(var i=0;w&&i<500;i++){try{if(w.API_1484_11||w.API)return true}catch(e){}var p=null;try{p=w.parent}catch(e){}if(!p||p===w)return false;w=p}return false}var k=null;try{k=localStorage.getItem(${JSON.stringify(storageKey).replace(/</g, '\\u003c')})}catch(e){}var o=null;try{o=window.opener||window.top.opener}catch(e){}var q=location.search;var c=/[?&]endpoint=/.test(q)&&/[?&]fetch=/.test(q);if(l(window)||l(o)||c||k!==null){window.${MAY_RESUME_FLAG}=true;document.documentElement.style.visibility='hidden'}})();`;

/**
 * Runs right after the static screen. On a launch that may resume (`mayResumeScript`), removes it and shows
 * the page again, empty until the app renders. Otherwise remembers a press of the static Start button and
 * says the module is `loading`. Only the static button counts: the app replaces it, so later presses go to
 * the app alone.
 */
export const earlyStartScript = (loading: string): string =>
  `(function(){var a=document.getElementById('app');if(window.${MAY_RESUME_FLAG}){if(a)a.textContent='';document.documentElement.style.visibility='';return}var s=a&&a.querySelector('main .actions button');if(!s)return;a.addEventListener('click',function h(e){if(!e.target.closest||e.target.closest('button')!==s)return;window.${EARLY_START_FLAG}=true;s.disabled=true;s.setAttribute('aria-busy','true');s.textContent=${JSON.stringify(loading).replace(/</g, '\\u003c')};a.removeEventListener('click',h)})})();`;

/**
 * `title` is the module's, from imsmanifest.xml, as the app shows it (virtual:module-identity); `t` gives the
 * interface's words, as the app's `t` (src/ui/ui-text.ts) does.
 */
export function startScreenHtml(scenario: Scenario, title: string, t: Text): string {
  const intro = scenario.pages.start;
  const outcomes = scenario.outcomes.map((outcome) => `<li>${escapeXml(outcome.text)}</li>`).join('');
  return [
    `<div class="module"><a class="skip-link" href="#main">${escapeXml(t('skipLink'))}</a>`,
    `<header><div class="module-header"><p class="container module-title">${escapeXml(title)}</p></div>`,
    '<div class="container"><div class="notices"><div role="status"></div><div role="alert"></div></div></div></header>',
    '<div class="container"><main id="main" tabindex="-1">',
    `<h1 tabindex="-1">${escapeXml(title)}</h1>`,
    `<p class="lead">${escapeXml(t('aboutMinutes', { minutes: scenario.minutes }))}</p>`,
    intro ? `<div class="prose">${intro.html}</div>` : '',
    `<h2>${escapeXml(t('outcomesHeading'))}</h2><ul class="outcomes">${outcomes}</ul>`,
    `<div class="actions"><button type="button" class="button">${escapeXml(t('start'))}</button></div>`,
    '</main></div></div>',
  ].join('');
}

export function staticFirstScreenPlugin(
  scenarioFile = 'scenarios/boundaries.yaml',
  manifestFile = 'imsmanifest.xml',
): Plugin {
  let mode = 'production';
  return {
    name: 'static-first-screen',
    apply: 'build',
    configResolved(config) {
      mode = config.mode;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const loaded = loadScenarioFile(path.resolve(scenarioFile));
        // An invalid scenario has already stopped the build with every problem listed (scenario plugin).
        if (!loaded.ok) return html;
        // As the learner reads them: the pseudo-locale build's are pseudo-localised, like the app's.
        const scenario = learnerScenario(loaded.scenario, mode);
        const identity = readModuleIdentity(path.resolve(manifestFile));
        const { title } = learnerIdentity(identity, mode);
        const t = messageFormatter(learnerLocale(process.cwd(), manifestFile, mode)) as Text;
        const before = mayResumeScript(standaloneStorageKey(identity.id));
        const after = earlyStartScript(t('loading'));
        return admitInlineScripts(
          html.replace(
            '<div id="app"></div>',
            () =>
              `<script>${before}</script>\n    <div id="app">${startScreenHtml(scenario, title, t)}</div>\n    <script>${after}</script>`,
          ),
          before,
          after,
        );
      },
    },
  };
}
