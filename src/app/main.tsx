/** Launch page entry: the module finds its LMS, restores the learner's place and renders. */

import identity from 'virtual:module-identity';
import scenario from 'virtual:scenario';
import { render } from 'preact';
import { AppRoot } from './app-root.tsx';
import { createModuleRuntime } from './module-runtime.ts';

const runtime = createModuleRuntime({ win: window, scenario, moduleId: identity.id });
render(<AppRoot runtime={runtime} scenario={scenario} />, document.getElementById('app') as HTMLElement);
