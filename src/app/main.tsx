/**
 * Launch page entry: the module finds its LMS, restores the learner's place and renders over the static
 * first screen the page arrived with (plugins/static-first-screen.ts), honouring a Start pressed before now.
 */

import identity from 'virtual:module-identity';
import scenario from 'virtual:scenario';
import { render } from 'preact';
import { cmi5ScriptOf } from '../lms/cmi5-script.ts';
import { isCmi5LaunchPage, launchPageStandards } from '../lms/find-lms-api.ts';
import type { LmsSession } from '../lms/lms-port.ts';
import { refusedLaunchSession } from '../lms/open-lms-session.ts';
import { AppRoot } from './app-root.tsx';
import { startRequestedEarly } from './early-start.ts';
import { createModuleRuntime } from './module-runtime.ts';

// From imsmanifest.xml: the status a finished attempt reports and the exit a finished 2004 attempt sends.
const reporting = {
  statusReporting: identity.statusReporting,
  scorm2004ExitWhenFinished: identity.scorm2004ExitWhenFinished,
};

function boot(session?: LmsSession): void {
  const startRequested = startRequestedEarly(window);
  const runtime = createModuleRuntime({
    win: window,
    scenario,
    moduleId: identity.id,
    // Each zip's launch page names its standard (plugins/package-scorm-zips.ts): only that API is used.
    standards: launchPageStandards(document),
    reporting,
    ...(session ? { session } : {}),
  });
  if (startRequested && runtime.getState().screen.name === 'start') runtime.setScreen({ name: 'node' });

  const app = document.getElementById('app') as HTMLElement;
  app.replaceChildren();
  render(
    <AppRoot runtime={runtime} scenario={scenario} title={identity.title} provider={identity.provider} />,
    app,
  );
  // The app itself is now on screen (no longer the static copy): `npm run bench` times the whole module by it.
  app.setAttribute('data-live', '');
}

// The cmi5 package first reads its launch from the LMS (token, launch data, the learner's place), while the
// static first screen stays up; its code comes in the cmi5 page's own script (src/lms/cmi5-script.ts). The
// SCORM packages find their API object at once.
function bootCmi5(): void {
  const cmi5 = cmi5ScriptOf(window);
  if (!cmi5) {
    console.error('cmi5: this launch page lacks its cmi5 script; running standalone');
    boot(refusedLaunchSession(window, identity.id));
    return;
  }
  void cmi5
    .openCmi5Session({ win: window, moduleId: identity.id, language: identity.locale, reporting })
    .then(boot);
}

if (isCmi5LaunchPage(document)) bootCmi5();
else boot();
