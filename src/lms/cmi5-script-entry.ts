// The entry of the cmi5 launch page's own script (bundled by plugins/cmi5-launch-script.ts): publishes the
// session opener for the app's script, which the page runs after this one (src/lms/cmi5-script.ts).
import { openCmi5Session } from './cmi5-open-session.ts';
import { CMI5_SCRIPT_GLOBAL, type Cmi5Script } from './cmi5-script.ts';

const script: Cmi5Script = { openCmi5Session };
(window as unknown as Record<string, unknown>)[CMI5_SCRIPT_GLOBAL] = script;
