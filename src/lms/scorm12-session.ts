/**
 * SCORM 1.2 mapping (RTE 1.2 §3.4, with Moodle's scorm_12.js as the strict reader) and the session built on it.
 */
import { formatCmiDecimal, formatCmiTime, formatCmiTimespan, isScorm12Identifier } from './cmi-formats.ts';
import { displayLearnerName, fitLength, toXmlSafe } from './cmi-text.ts';
import { clamp, countOf, entryOf, MASTERY_SCORE_12, modeOf, passMarkOf } from './cmi-values.ts';
import type { DecisionRecord, FinalResult, LmsSession, PreviousStatus } from './lms-port.ts';
import { type Scorm12Api, scorm12Calls } from './scorm-api.ts';
import {
  type CmiDialect,
  type CmiWrite,
  type LaunchReadout,
  ScormSession,
  type ScormSessionOptions,
} from './scorm-session.ts';

/** CMIString4096 (cmi.suspend_data, cmi.comments) and CMIString256 (lesson_location, responses). */
const STRING_4096 = 4096;
const STRING_255 = 255;

export const scorm12Dialect: CmiDialect = {
  standard: 'scorm12',
  locationElement: 'cmi.core.lesson_location',
  suspendDataElement: 'cmi.suspend_data',
  exitElement: 'cmi.core.exit',
  locationLimit: STRING_255,
  // scorm-again and Moodle (scorm12standard off) accept up to 64000, but the standard promises only 4096.
  suspendDataLimit: STRING_4096,
  // 1.2 has no "normal" (Moodle's CMIExit refuses it; scorm-again turns it into ""). "" ends the attempt, so
  // the next launch's entry is "" (RTE 1.2 §3.4.4). Not "logout": the RTE says it "should log the student out",
  // and an LMS that does so would close the course while the learner is still on the debrief and reflection.
  // The 2004 exit setting (gpb:scorm2004ExitWhenFinished) does not apply: 1.2 has no "normal", and Moodle hands
  // a 1.2 package its data back on every launch whatever the exit (scorm-notes §8), so a review opens on the
  // debrief. A fail the reporting choice leaves open sends "suspend" instead (scorm-session.ts `finish`).
  exitWhenFinished: () => '',

  readLaunch(get, warn): LaunchReadout {
    return {
      entry: entryOf(get('cmi.core.entry')),
      mode: modeOf(get('cmi.core.lesson_mode')),
      credit: get('cmi.core.credit') !== 'no-credit',
      learnerName: displayLearnerName(get('cmi.core.student_name')),
      // adlcp:masteryscore, 0–100; "" when the manifest sets none.
      masteryScore: passMarkOf(get(MASTERY_SCORE_12.element), MASTERY_SCORE_12, warn),
      location: get('cmi.core.lesson_location'),
      suspendData: get('cmi.suspend_data'),
      reflection: get('cmi.comments'),
      previousStatus: statusOf(get('cmi.core.lesson_status')),
      // Interactions are write-only in 1.2 (404 on read); only _count can be read, once, here.
      interactionCount: countOf(get('cmi.interactions._count')),
      objectiveCount: countOf(get('cmi.objectives._count')),
      commentCount: 0,
    };
  },

  startWrites(launch) {
    // A SCO may not set "not attempted" (405) but should leave it once started, as pipwerks does.
    return launch.previousStatus.completion === 'not attempted'
      ? [['cmi.core.lesson_status', 'incomplete']]
      : [];
  },

  checkDecision(decision) {
    const problems: string[] = [];
    for (const id of [decision.interactionId, ...(decision.objectiveIds ?? [])]) {
      if (!isScorm12Identifier(id))
        problems.push(`"${id}" is not a CMIIdentifier (printable ASCII, no spaces, ≤ 255)`);
    }
    for (const id of [decision.responseId, decision.correctResponseId]) {
      if (id.length > STRING_255) problems.push(`response "${id.slice(0, 20)}…" is over 255 characters`);
    }
    return problems;
  },

  decisionWrites(index, decision: DecisionRecord): CmiWrite[] {
    const at = `cmi.interactions.${index}`;
    // In the order of interactions._children (RTE 1.2 §3.4.4); `time` is the learner's clock, as CMITime has no zone.
    const offsetMinutes = -new Date(decision.timestamp).getTimezoneOffset();
    return [
      [`${at}.id`, decision.interactionId],
      ...(decision.objectiveIds ?? []).map((id, n): CmiWrite => [`${at}.objectives.${n}.id`, id]),
      [`${at}.time`, formatCmiTime(decision.timestamp, offsetMinutes)],
      [`${at}.type`, 'choice'],
      [`${at}.correct_responses.0.pattern`, decision.correctResponseId],
      [`${at}.weighting`, formatCmiDecimal(decision.weighting)],
      [`${at}.student_response`, decision.responseId],
      [`${at}.result`, decision.result],
      [`${at}.latency`, formatCmiTimespan(decision.latencyMs)],
    ];
  },

  objectiveIdElement: (index) => `cmi.objectives.${index}.id`,

  finishWrites(result: FinalResult, objectiveIndex, status) {
    const writes: CmiWrite[] = [];
    for (const objective of result.objectives) {
      const { index, isNew } = objectiveIndex(objective.id);
      const at = `cmi.objectives.${index}`;
      const [raw, max] = percentIfOver100(objective.raw, objective.max);
      if (isNew) writes.push([`${at}.id`, objective.id]);
      writes.push(
        [`${at}.score.raw`, formatCmiDecimal(raw)],
        [`${at}.score.min`, '0'],
        [`${at}.score.max`, formatCmiDecimal(max)],
        [`${at}.status`, objective.passed ? 'passed' : 'failed'],
      );
    }
    writes.push(
      // Percent: Moodle's 1.2 score range is 0–100 and the gradebook takes raw as it is (scorm-notes §8).
      ['cmi.core.score.raw', formatCmiDecimal(clamp(result.scoreRaw, 0, 100))],
      ['cmi.core.score.min', '0'],
      ['cmi.core.score.max', '100'],
      // passed / failed by default; status-reporting.ts maps the other reporting choices.
      ['cmi.core.lesson_status', status.lessonStatus],
    );
    return writes;
  },

  reflectionWrites(text) {
    // CMIString4096, replaced on each save by Moodle and scorm-again (the 1.2 RTE leaves appending open).
    // Longer text keeps its first 4096 code units and the caller is told (`truncated`).
    const { text: comments, truncated } = fitLength(toXmlSafe(text), STRING_4096);
    return { writes: [['cmi.comments', comments]], truncated };
  },

  sessionTimeWrite: (ms) => ['cmi.core.session_time', formatCmiTimespan(ms)],
};

/** Start with `session.start()`, which throws LmsInitializeError if the LMS refuses (see `openLmsSession`). */
export function createScorm12Session(api: Scorm12Api, options: ScormSessionOptions = {}): LmsSession {
  return new ScormSession(scorm12Dialect, scorm12Calls(api), options);
}

function statusOf(status: string): PreviousStatus {
  switch (status) {
    case 'passed':
    case 'failed':
      return { completion: 'completed', success: status };
    case 'completed':
      return { completion: 'completed', success: 'unknown' };
    case 'incomplete':
    case 'browsed':
      return { completion: 'incomplete', success: 'unknown' };
    default:
      return { completion: 'not attempted', success: 'unknown' };
  }
}

/** Objective scores within 0..max, as percentages when max is over 100 (1.2 scores range 0–100). */
function percentIfOver100(raw: number, max: number): [number, number] {
  const top = Math.max(max, 0);
  const clamped = clamp(raw, 0, top);
  return top > 100 ? [(clamped / top) * 100, 100] : [clamped, top];
}
