/**
 * How a finished attempt is reported, as set in imsmanifest.xml (`gpb:statusReporting` and
 * `gpb:scorm2004ExitWhenFinished`, read by plugins/module-identity.ts, served as virtual:module-identity).
 * Pure: the one mapping from "the learner passed or not" to what the LMS is told.
 *
 * The reporting choices are the ones Storyline ("LMS reporting") and Adapt (spoor `_reporting`) offer: what a
 * pass reports, then what a fail reports. SCORM 1.2 has one status element; SCORM 2004 has two, so there a
 * pass always reads completed / passed and the choices differ only in what a fail leaves.
 *
 * | choice               | learner | 1.2 cmi.core.lesson_status | 2004 completion_status / success_status | attempt |
 * | -------------------- | ------- | -------------------------- | --------------------------------------- | ------- |
 * | passed-failed        | passes  | passed                     | completed / passed                      | ends    |
 * |   (the default)      | fails   | failed                     | completed / failed                      | ends    |
 * | passed-incomplete    | passes  | passed                     | completed / passed                      | ends    |
 * |                      | fails   | incomplete                 | incomplete / failed                     | open    |
 * | completed-failed     | passes  | completed                  | completed / passed                      | ends    |
 * |                      | fails   | failed                     | completed / failed                      | ends    |
 * | completed-incomplete | passes  | completed                  | completed / passed                      | ends    |
 * |                      | fails   | incomplete                 | incomplete / failed                     | open    |
 * | completed            | passes  | completed                  | completed / unknown                     | ends    |
 * |                      | fails   | completed                  | completed / unknown                     | ends    |
 *
 * Score (raw, min, max; scaled in 2004) and the objectives are sent the same way whatever the choice.
 * "open": the fail leaves the attempt open for another try. The exit is `suspend`, and the learner's next
 * launch in normal mode starts a fresh try in the same attempt (module-runtime.ts), its decisions recorded after
 * the earlier ones. "ends": the exit is the standard's finished exit ("" in 1.2; `scorm2004ExitWhenFinished`).
 * 2004 `completed` leaves success_status `unknown`; an LMS that applies RTE 4.2.22 may still work it out from
 * score.scaled and the pass mark.
 *
 * Moodle (mod/scorm, 4.5) and the choices:
 * - "Mastery score overrides status" (1.2 only, default Yes) recomputes lesson_status from score.raw and the
 *   manifest's mastery score at LMSFinish: passed or failed, whatever the package sent. Every choice but
 *   passed-failed therefore needs it set to No, or Moodle reports passed-failed anyway.
 * - "Force new attempt", and the review / new-attempt choice on relaunch, go by lesson_status (1.2) or
 *   completion_status (2004): completed, passed or failed ends the attempt; incomplete continues it, in normal
 *   mode, which is what the "open" rows rely on.
 * - Activity completion "Require status" reads lesson_status, completion_status and success_status: Passed
 *   matches `passed`, Completed matches `completed`. README.md ("Uploading to Moodle") says which choice fits
 *   which completion setting.
 */

export const STATUS_REPORTINGS = [
  'passed-failed',
  'passed-incomplete',
  'completed-failed',
  'completed-incomplete',
  'completed',
] as const;
export type StatusReporting = (typeof STATUS_REPORTINGS)[number];

/** The exit a finished SCORM 2004 attempt sends; scorm2004-session.ts says why `suspend` is the default. */
export const SCORM2004_FINISHED_EXITS = ['suspend', 'normal'] as const;
export type Scorm2004FinishedExit = (typeof SCORM2004_FINISHED_EXITS)[number];

export interface ReportingSettings {
  readonly statusReporting: StatusReporting;
  readonly scorm2004ExitWhenFinished: Scorm2004FinishedExit;
}

export const DEFAULT_REPORTING: ReportingSettings = {
  statusReporting: 'passed-failed',
  scorm2004ExitWhenFinished: 'suspend',
};

export interface ReportedStatus {
  /** SCORM 1.2 `cmi.core.lesson_status`. */
  readonly lessonStatus: 'passed' | 'failed' | 'completed' | 'incomplete';
  /** SCORM 2004 `cmi.completion_status`. */
  readonly completion: 'completed' | 'incomplete';
  /** SCORM 2004 `cmi.success_status`. */
  readonly success: 'passed' | 'failed' | 'unknown';
  /** The fail leaves the attempt open for another try: exit `suspend`, and the next launch starts afresh. */
  readonly attemptOpen: boolean;
}

/** What a finished attempt reports, by the table above. */
export function reportedStatus(reporting: StatusReporting, passed: boolean): ReportedStatus {
  if (reporting === 'completed')
    return { lessonStatus: 'completed', completion: 'completed', success: 'unknown', attemptOpen: false };
  const [onPass, onFail] = reporting.split('-') as ['passed' | 'completed', 'failed' | 'incomplete'];
  if (passed) return { lessonStatus: onPass, completion: 'completed', success: 'passed', attemptOpen: false };
  return onFail === 'failed'
    ? { lessonStatus: 'failed', completion: 'completed', success: 'failed', attemptOpen: false }
    : { lessonStatus: 'incomplete', completion: 'incomplete', success: 'failed', attemptOpen: true };
}
