/**
 * What the cmi5 package reports for a finished try, from the same reporting choice (gpb:statusReporting) as the
 * SCORM packages (status-reporting.ts). Pure.
 *
 * cmi5 keeps completion and success apart, like SCORM 2004, and the LMS decides when the AU is satisfied from
 * the course structure's `moveOn` (cmi5 §13.1.4):
 *
 * | choice               | moveOn             | a pass sends        | a fail sends        |
 * | -------------------- | ------------------ | ------------------- | ------------------- |
 * | passed-failed        | CompletedAndPassed | completed, passed   | completed, failed   |
 * | completed-failed     | CompletedAndPassed | completed, passed   | completed, failed   |
 * | passed-incomplete    | CompletedAndPassed | completed, passed   | failed (try again)  |
 * | completed-incomplete | CompletedAndPassed | completed, passed   | failed (try again)  |
 * | completed            | Completed          | completed           | completed           |
 *
 * Why CompletedAndPassed: every path ends on the debrief, so "completed" means the learner saw the scenario
 * to its end, and the module is meant to be passed (its pass mark is the masteryScore). An LMS following that
 * moveOn counts the AU done only after both, as Moodle counts a SCORM 1.2 "passed". The SCORM choices that
 * report "completed" for a pass exist for LMS settings that look at one status field; cmi5 has no such field,
 * so they report the same as passed-failed. `completed` reports no pass or fail at all, so its moveOn is
 * Completed: an LMS must not wait for a "passed" that never comes.
 */
import { type ReportedStatus, reportedStatus, type StatusReporting } from './status-reporting.ts';

export type Cmi5MoveOn = 'Completed' | 'CompletedAndPassed';
export type Cmi5FinishVerb = 'completed' | 'passed' | 'failed';

export function cmi5MoveOn(reporting: StatusReporting): Cmi5MoveOn {
  return reporting === 'completed' ? 'Completed' : 'CompletedAndPassed';
}

/** The cmi5-defined statements a finished try sends, in order (completed first, as cmi5 §9.3 lists them). */
export function cmi5FinishVerbs(reporting: StatusReporting, passed: boolean): Cmi5FinishVerb[] {
  const status: ReportedStatus = reportedStatus(reporting, passed);
  const verbs: Cmi5FinishVerb[] = [];
  if (status.completion === 'completed') verbs.push('completed');
  if (status.success !== 'unknown') verbs.push(status.success);
  return verbs;
}
