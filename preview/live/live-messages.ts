// The words `npm run dev` speaks, in three places: the live-preview plugin (Node) sends them over Vite's HMR
// channel; the bridge in the module's frame passes them on with postMessage; the preview LMS page acts on them.

/** Custom events on Vite's HMR channel, between live-preview-plugin.ts and module-bridge.ts. */
export const LIVE_EVENTS = {
  /** Server → frame: the authored files changed and load cleanly. Data: `LiveChange`. */
  changed: 'live-preview:changed',
  /** Server → frame: the authored files have problems (text), or no longer have any (null). Data: `LiveProblem`. */
  problem: 'live-preview:problem',
  /** Frame → server, once connected: "send me the current problem", answered with `problem`. */
  ask: 'live-preview:ask',
} as const;

export interface LiveChange {
  /** A file the preview LMS page itself reads changed (imsmanifest.xml: title, pass mark), so it reloads too. */
  readonly reloadLms: boolean;
}

export interface LiveProblem {
  /** Every problem, as the build prints them (file:line:column, message, hint); null when there are none. */
  readonly text: string | null;
}

/** What the module frame's bridge posts to the preview LMS page around it. */
export type LiveMessage =
  | ({ readonly source: typeof LIVE_SOURCE; readonly kind: 'changed' } & LiveChange)
  | ({ readonly source: typeof LIVE_SOURCE; readonly kind: 'problem' } & LiveProblem);

export const LIVE_SOURCE = 'live-preview';

/** Dev server → page, fetched: the trainer view's scenario and version history as the files are now. */
export const LIVE_TRAINER_DATA_PATH = '/live/trainer-data.json';

export function isLiveMessage(data: unknown): data is LiveMessage {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as Record<string, unknown>;
  if (message.source !== LIVE_SOURCE) return false;
  if (message.kind === 'changed') return typeof message.reloadLms === 'boolean';
  return message.kind === 'problem' && (typeof message.text === 'string' || message.text === null);
}
