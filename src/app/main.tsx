/**
 * Launch page entry: the module finds its LMS, restores the learner's place and renders over the static
 * first screen the page arrived with (plugins/static-first-screen.ts), honouring a Start pressed before now.
 */

import identity from 'virtual:module-identity';
import scenario from 'virtual:scenario';
import { render } from 'preact';
import { launchPageStandards } from '../lms/find-lms-api.ts';
import { AppRoot } from './app-root.tsx';
import { startRequestedEarly } from './early-start.ts';
import { createModuleRuntime } from './module-runtime.ts';

const startRequested = startRequestedEarly(window);
const runtime = createModuleRuntime({
  win: window,
  scenario,
  moduleId: identity.id,
  // Each zip's launch page names its standard (plugins/package-scorm-zips.ts): only that API is used.
  standards: launchPageStandards(document),
  // From imsmanifest.xml: the status a finished attempt reports and the exit a finished 2004 attempt sends.
  reporting: {
    statusReporting: identity.statusReporting,
    scorm2004ExitWhenFinished: identity.scorm2004ExitWhenFinished,
  },
});
if (startRequested && runtime.getState().screen.name === 'start') runtime.setScreen({ name: 'node' });

const app = document.getElementById('app') as HTMLElement;
app.replaceChildren();
render(
  <AppRoot runtime={runtime} scenario={scenario} title={identity.title} provider={identity.provider} />,
  app,
);
