/**
 * The cmi5 package's LMS code (launch, xAPI statements, outbox, State API) travels in a script of its own,
 * inlined into the cmi5 launch page only (plugins/cmi5-launch-script.ts), so the SCORM packages' one script
 * carries none of it. That script runs first and hands the app its session opener through one window property.
 */
import type { openCmi5Session } from './cmi5-open-session.ts';

export const CMI5_SCRIPT_GLOBAL = 'gpBoundariesCmi5';

export interface Cmi5Script {
  readonly openCmi5Session: typeof openCmi5Session;
}

/** What the cmi5 script published on `win`, or null when it did not run (a launch page without it). */
export function cmi5ScriptOf(win: Window): Cmi5Script | null {
  const published = (win as unknown as Record<string, unknown>)[CMI5_SCRIPT_GLOBAL];
  if (typeof published !== 'object' || published === null) return null;
  return typeof (published as Partial<Cmi5Script>).openCmi5Session === 'function'
    ? (published as Cmi5Script)
    : null;
}
