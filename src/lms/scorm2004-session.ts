/**
 * SCORM 2004 4th Edition mapping (RTE book §4.2) and the session built on it.
 */
import {
  formatCmiDecimal,
  formatIsoDuration,
  formatIsoTimestamp,
  isLongIdentifier,
  isShortIdentifier,
} from './cmi-formats.ts';
import { decodeLearnerComment, displayLearnerName, encodeLearnerComment, toDescription } from './cmi-text.ts';
import { clamp, countOf, entryOf, modeOf, passMarkOf, SCALED_PASSING_SCORE_2004 } from './cmi-values.ts';
import type { DecisionRecord, FinalResult, LmsSession, PreviousStatus } from './lms-port.ts';
import { type Scorm2004Api, scorm2004Calls } from './scorm-api.ts';
import {
  type CmiDialect,
  type CmiWrite,
  type LaunchReadout,
  ScormSession,
  type ScormSessionOptions,
} from './scorm-session.ts';

const RESULT_2004 = { correct: 'correct', wrong: 'incorrect', neutral: 'neutral' } as const;

export const scorm2004Dialect: CmiDialect = {
  standard: 'scorm2004',
  locationElement: 'cmi.location',
  suspendDataElement: 'cmi.suspend_data',
  exitElement: 'cmi.exit',
  locationLimit: 1000,
  suspendDataLimit: 64000,
  // A finished attempt's exit is a setting (gpb:scorm2004ExitWhenFinished in imsmanifest.xml), `suspend` by
  // default. RTE 4.2.8 says "normal" ends the attempt and "suspend" keeps it; what LMSs do with each:
  // - Moodle (and Totara, and Learning Pool, built on Totara) hands a later 2004 launch, review included, the
  //   stored data only when the stored exit is "suspend" (get_scorm_default, scorm_13lib.php); after "normal"
  //   it gives defaults. A review would then open on the start screen, and Terminate, which always stores
  //   total_time = AddTime(total_time, session_time), would store "P" (0 + 0) over the real total time. With
  //   "suspend" the review gets the attempt back and opens on the learner's debrief, and as a review writes no
  //   session_time (scorm-session.ts) AddTime leaves total_time as it was.
  // - That harms nothing there: Moodle's "Force new attempt" and its review / new-attempt choice go by the
  //   status (completion_status completed), not by the exit, so a finished attempt still ends and a new
  //   attempt still starts clean. Oracle Learning (NHS ESR) keeps one attempt record with "suspend"
  //   (Doc ID 2280096.1) rather than adding one per launch.
  // - LMSs built on Rustici's engine (SCORM Cloud and those licensing it) never close a suspended attempt: a
  //   relaunch resumes it instead of starting a new one, and Rustici's advice is to send "suspend" only when
  //   the learner will come back. For them the setting is "normal" (README.md, "Uploading to Moodle", says what
  //   "normal" then costs in Moodle).
  // "logout" is deprecated in 4th Edition. A fail that leaves the attempt open sends "suspend" whatever this
  // says (scorm-session.ts `finish`).
  exitWhenFinished: (reporting) => reporting.scorm2004ExitWhenFinished,

  readLaunch(get, warn): LaunchReadout {
    const commentCount = countOf(get('cmi.comments_from_learner._count'));
    return {
      entry: entryOf(get('cmi.entry')),
      mode: modeOf(get('cmi.mode')),
      credit: get('cmi.credit') !== 'no-credit',
      learnerName: displayLearnerName(get('cmi.learner_name')),
      // "" with error 403 when the manifest sets no minNormalizedMeasure: no pass mark from the LMS.
      masteryScore: passMarkOf(get(SCALED_PASSING_SCORE_2004.element), SCALED_PASSING_SCORE_2004, warn),
      // An unset location or suspend_data reads as "" with 403 (RTE 4.1.7 "not initialized"): none.
      location: get('cmi.location'),
      suspendData: get('cmi.suspend_data'),
      reflection:
        commentCount > 0
          ? decodeLearnerComment(get(`cmi.comments_from_learner.${commentCount - 1}.comment`))
          : '',
      previousStatus: statusOf(get('cmi.completion_status'), get('cmi.success_status')),
      interactionCount: countOf(get('cmi.interactions._count')),
      objectiveCount: countOf(get('cmi.objectives._count')),
      commentCount,
    };
  },

  startWrites(launch) {
    // RTE 4.2.4: the LMS starts at "unknown"; say the attempt is under way (as pipwerks does), and only then.
    const { completion } = launch.previousStatus;
    if (completion !== 'not attempted' && completion !== 'unknown') return [];
    return [
      ['cmi.completion_status', 'incomplete'],
      ['cmi.success_status', 'unknown'],
    ];
  },

  checkDecision(decision) {
    const problems: string[] = [];
    if (!isLongIdentifier(decision.interactionId))
      problems.push('id has whitespace or does not end in a letter or digit');
    for (const id of [decision.responseId, decision.correctResponseId]) {
      if (!isShortIdentifier(id)) problems.push(`response "${id}" is not a CMIShortIdentifier`);
    }
    for (const id of decision.objectiveIds ?? []) {
      if (!isLongIdentifier(id)) problems.push(`objective id "${id}" is not a long identifier`);
    }
    return problems;
  },

  decisionWrites(index, decision: DecisionRecord): CmiWrite[] {
    const at = `cmi.interactions.${index}`;
    // RTE 4.2.9 and scorm-notes §7.4: id before anything else (else 408), type before the response and the
    // pattern, whose format depends on it; indexes run on from _count (else 351).
    return [
      [`${at}.id`, decision.interactionId],
      [`${at}.type`, 'choice'],
      ...(decision.objectiveIds ?? []).map((id, n): CmiWrite => [`${at}.objectives.${n}.id`, id]),
      [`${at}.learner_response`, decision.responseId],
      [`${at}.correct_responses.0.pattern`, decision.correctResponseId],
      [`${at}.weighting`, formatCmiDecimal(decision.weighting)],
      [`${at}.result`, RESULT_2004[decision.result]],
      [`${at}.latency`, formatIsoDuration(decision.latencyMs)],
      [`${at}.timestamp`, formatIsoTimestamp(decision.timestamp)],
      [`${at}.description`, toDescription(decision.description)],
    ];
  },

  objectiveIdElement: (index) => `cmi.objectives.${index}.id`,

  finishWrites(result: FinalResult, objectiveIndex, status) {
    const writes: CmiWrite[] = [];
    for (const objective of result.objectives) {
      const { index, isNew } = objectiveIndex(objective.id);
      const at = `cmi.objectives.${index}`;
      const max = Math.max(objective.max, 0);
      const raw = clamp(objective.raw, 0, max);
      if (isNew) writes.push([`${at}.id`, objective.id]);
      writes.push(
        [`${at}.score.scaled`, formatCmiDecimal(max > 0 ? raw / max : 0, 4)],
        [`${at}.score.raw`, formatCmiDecimal(raw)],
        [`${at}.score.min`, '0'],
        [`${at}.score.max`, formatCmiDecimal(max)],
        [`${at}.success_status`, objective.passed ? 'passed' : 'failed'],
        [`${at}.completion_status`, 'completed'],
        [`${at}.description`, toDescription(objective.description)],
      );
    }
    // Moodle grades from score.raw only; scaled is for other LMSs (scorm-notes §7.6, §8).
    writes.push(
      ['cmi.score.scaled', formatCmiDecimal(clamp(result.scaled, 0, 1), 4)],
      ['cmi.score.raw', formatCmiDecimal(clamp(result.scoreRaw, 0, 100))],
      ['cmi.score.min', '0'],
      ['cmi.score.max', '100'],
    );
    // progress_measure 1 keeps "completed" if the manifest ever sets a completion threshold (RTE 4.2.4.1); a
    // fail reported as incomplete sends none, or that threshold would make it completed.
    if (status.completion === 'completed') writes.push(['cmi.progress_measure', '1']);
    writes.push(
      // completed, and passed or failed, by default; status-reporting.ts maps the other reporting choices.
      ['cmi.completion_status', status.completion],
      ['cmi.success_status', status.success],
    );
    return writes;
  },

  reflectionWrites(text, slot, at) {
    const { text: comment, truncated } = encodeLearnerComment(text);
    const base = `cmi.comments_from_learner.${slot.index}`;
    const writes: CmiWrite[] = [[`${base}.comment`, comment]];
    if (slot.isNew) writes.push([`${base}.location`, 'reflection']);
    writes.push([`${base}.timestamp`, formatIsoTimestamp(at)]);
    return { writes, truncated };
  },

  sessionTimeWrite: (ms) => ['cmi.session_time', formatIsoDuration(ms)],
};

/** Start with `session.start()`, which throws LmsInitializeError if the LMS refuses (see `openLmsSession`). */
export function createScorm2004Session(api: Scorm2004Api, options: ScormSessionOptions = {}): LmsSession {
  return new ScormSession(scorm2004Dialect, scorm2004Calls(api), options);
}

function statusOf(completion: string, success: string): PreviousStatus {
  return {
    completion:
      completion === 'completed' || completion === 'incomplete' || completion === 'not attempted'
        ? completion
        : 'unknown',
    success: success === 'passed' || success === 'failed' ? success : 'unknown',
  };
}
