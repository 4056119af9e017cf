/**
 * The learner's progress as a short string for `cmi.suspend_data`: version, steps, screen, elapsed time,
 * separated by `|`, e.g. `1|0120|f|2k9`.
 *
 * - Steps are one base-36 digit each (a scene's 0 or a choice index; `src/scenario/progress.ts` replays them).
 * - Only `[0-9a-z|]` is ever written: XML-safe printable ASCII, no quotes, `<`, `>` or `&`, because LMSs
 *   store suspend_data in XML or SQL and some mangle anything else (SuccessFactors KBA 3332061).
 * - A 40-step path takes about 50 characters; SCORM 1.2 allows 4096 (CMIString4096), 2004 4th Ed 64000.
 * - The version comes first so a later format can still read (or knowingly refuse) an old learner's data.
 */

export const SUSPEND_DATA_VERSION = 1;

/** Screens the UI can be on when progress is saved, each stored as one letter. */
export type ProgressScreen = 'intro' | 'node' | 'feedback' | 'debrief' | 'reflection' | 'certificate';

export interface ProgressRecord {
  /** Per node left: 0 for a scene's continue, or the index of the choice taken (0–35 encodable). */
  readonly steps: readonly number[];
  readonly screen: ProgressScreen;
  /** Whole seconds spent so far, across sessions. */
  readonly elapsedSeconds: number;
}

export type DecodedProgress =
  | { readonly ok: true; readonly value: ProgressRecord }
  | { readonly ok: false; readonly reason: string };

const SCREEN_CODES: Readonly<Record<ProgressScreen, string>> = {
  intro: 'i',
  node: 'n',
  feedback: 'f',
  debrief: 'd',
  reflection: 'r',
  certificate: 'c',
};

const SCREENS_BY_CODE = new Map(
  Object.entries(SCREEN_CODES).map(([screen, code]) => [code, screen as ProgressScreen]),
);

const MAX_STEP = 35;
/**
 * 1,000 hours: far beyond any learner's time in a module of minutes, yet a bound. More than this is damaged
 * data (`1|0102002|c|zzzzzzzz` read as 783,641,640 hours), refused on reading and never written.
 */
export const MAX_ELAPSED_SECONDS = 1000 * 3600;

/** Throws a RangeError for a step outside 0–35: that is a bug in the caller, not learner data. */
export function encodeProgress(record: ProgressRecord): string {
  const steps = record.steps
    .map((step) => {
      if (!Number.isInteger(step) || step < 0 || step > MAX_STEP) {
        throw new RangeError(`suspend data: step ${step} is not an integer from 0 to ${MAX_STEP}`);
      }
      return step.toString(36);
    })
    .join('');
  const elapsed = Math.min(Math.max(Math.floor(record.elapsedSeconds) || 0, 0), MAX_ELAPSED_SECONDS);
  return [SUSPEND_DATA_VERSION, steps, SCREEN_CODES[record.screen], elapsed.toString(36)].join('|');
}

/** Never throws: an empty, foreign, newer or damaged value gives `ok: false` with the reason. */
export function decodeProgress(data: string): DecodedProgress {
  if (data === '') return { ok: false, reason: 'no suspend data' };
  const bar = data.indexOf('|');
  const version = bar < 0 ? data : data.slice(0, bar);
  if (!/^\d{1,4}$/.test(version)) return { ok: false, reason: 'suspend data is damaged' };
  if (version !== String(SUSPEND_DATA_VERSION)) {
    return { ok: false, reason: `unknown suspend data version ${version}` };
  }
  const match = /^1\|([0-9a-z]*)\|([a-z])\|([0-9a-z]{1,8})$/.exec(data);
  if (match === null) return { ok: false, reason: 'suspend data is damaged' };
  const [, steps = '', code = '', elapsed = ''] = match;
  const screen = SCREENS_BY_CODE.get(code);
  if (screen === undefined) return { ok: false, reason: `unknown screen code "${code}"` };
  const elapsedSeconds = Number.parseInt(elapsed, 36);
  if (elapsedSeconds > MAX_ELAPSED_SECONDS) {
    return { ok: false, reason: `suspend data is damaged: ${elapsedSeconds} s spent is not believable` };
  }
  return {
    ok: true,
    value: { steps: [...steps].map((digit) => Number.parseInt(digit, 36)), screen, elapsedSeconds },
  };
}
