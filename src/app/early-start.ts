/**
 * The window property through which the launch page's static first screen (plugins/static-first-screen.ts)
 * tells the app that the learner pressed Start before the app had loaded.
 */
export const EARLY_START_FLAG = '__moduleStartRequested';

export function startRequestedEarly(win: Window): boolean {
  return (win as unknown as Record<string, unknown>)[EARLY_START_FLAG] === true;
}
