// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { LmsSession, LmsStatus } from '../src/lms/lms-port';
import { openLmsSession } from '../src/lms/open-lms-session';
import { createScorm12Session } from '../src/lms/scorm12-session';
import {
  DEFAULT_REPORTING,
  type ReportingSettings,
  reportedStatus,
  STATUS_REPORTINGS,
} from '../src/lms/status-reporting';
import {
  as12,
  callsPerDecision,
  counted,
  DECISIONS,
  FINAL,
  failCommits,
  fixedClock,
  install,
  LOCATIONS_AFTER,
  lms12,
  moodleViolations,
  nestedFrame,
  quietLogger,
  refuseSets,
  relaunch12,
  STEPS_AFTER,
} from './lms-harness';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  document.body.innerHTML = '';
});

function decide(session: LmsSession, clock: ReturnType<typeof fixedClock>, index: number) {
  const decision = DECISIONS[index];
  if (!decision) throw new Error(`no decision ${index}`);
  clock.advance(120_000);
  session.recordDecision(decision);
  session.saveProgress({ location: LOCATIONS_AFTER[index] ?? '', suspendData: STEPS_AFTER[index] ?? '' });
  session.commit();
}

function sessionOn(lms: object, reporting?: ReportingSettings) {
  const clock = fixedClock();
  const { log, lines } = quietLogger();
  const { proxy, calls, sent } = counted(lms);
  const session = createScorm12Session(as12(proxy), { now: clock.now, log, reporting });
  const statuses: LmsStatus[] = [];
  session.onStatus((status) => statuses.push(status));
  return { session, clock, calls, sent, lines, statuses };
}

/** CMITime has no zone, so the session writes the learner's clock: HH:MM:SS of the local time. */
function localTime(epochMs: number): string {
  return new Date(epochMs).toTimeString().slice(0, 8);
}

describe('SCORM 1.2 session', () => {
  it('records a whole path through an iframe and leaves exactly this CMI', () => {
    const { inner, top } = nestedFrame(1);
    const lms = lms12({ student_data: { mastery_score: '70' } });
    const { proxy, sent } = counted(lms);
    cleanups.push(install(top, 'API', proxy));
    const clock = fixedClock();
    const { log, lines } = quietLogger();
    const session = openLmsSession({ win: inner, moduleId: 'boundaries', now: clock.now, log });

    expect(session.start()).toEqual({
      standard: 'scorm12',
      recording: true,
      reviewing: false,
      entry: '',
      mode: 'normal',
      credit: true,
      learnerName: 'Sam Patel',
      masteryScore: 0.7,
      location: '',
      suspendData: '',
      reflection: '',
      previousStatus: { completion: 'not attempted', success: 'unknown' },
      notice: null,
    });
    for (const index of [0, 1, 2]) decide(session, clock, index);
    session.finish(FINAL);
    expect(session.saveReflection('I said yes.\nNext time: no.')).toEqual({ stored: true, truncated: false });
    session.commit();
    clock.advance(60_000);
    session.terminate();

    const [first, second, third] = DECISIONS.map((decision) => localTime(decision.timestamp));
    const cmi = lms.getFlattenedCMI();
    expect(cmi).toEqual({
      'cmi.suspend_data': '1|000120|d|dc',
      'cmi.launch_data': '',
      'cmi.comments': 'I said yes.\nNext time: no.',
      'cmi.comments_from_lms': '',
      'cmi.core.student_id': 'u42',
      'cmi.core.student_name': 'Patel, Sam',
      'cmi.core.lesson_location': 'ending_mixed',
      'cmi.core.credit': '',
      'cmi.core.lesson_status': 'failed',
      'cmi.core.entry': '',
      'cmi.core.lesson_mode': 'normal',
      'cmi.core.exit': '',
      'cmi.core.session_time': '00:07:00',
      'cmi.core.score.raw': '66.67',
      'cmi.core.score.min': '0',
      'cmi.core.score.max': '100',
      'cmi.objectives.0.id': 'boundary',
      'cmi.objectives.0.status': 'passed',
      'cmi.objectives.0.score.raw': '4',
      'cmi.objectives.0.score.min': '0',
      'cmi.objectives.0.score.max': '6',
      'cmi.objectives.1.id': 'candour',
      'cmi.objectives.1.status': 'failed',
      'cmi.objectives.1.score.raw': '1',
      'cmi.objectives.1.score.min': '0',
      'cmi.objectives.1.score.max': '3',
      'cmi.student_data.mastery_score': '70',
      'cmi.student_data.max_time_allowed': '',
      'cmi.student_data.time_limit_action': '',
      'cmi.student_preference.audio': '',
      'cmi.student_preference.language': '',
      'cmi.student_preference.speed': '',
      'cmi.student_preference.text': '',
      'cmi.interactions.0.id': 'stage1_car_park',
      'cmi.interactions.0.time': first,
      'cmi.interactions.0.type': 'choice',
      'cmi.interactions.0.weighting': '1',
      'cmi.interactions.0.student_response': 'decline_kindly',
      'cmi.interactions.0.result': 'correct',
      'cmi.interactions.0.latency': '00:00:12.34',
      'cmi.interactions.0.objectives': {},
      'cmi.interactions.0.correct_responses.0.pattern': 'decline_kindly',
      'cmi.interactions.1.id': 'stage2_facebook_message',
      'cmi.interactions.1.time': second,
      'cmi.interactions.1.type': 'choice',
      'cmi.interactions.1.weighting': '1',
      'cmi.interactions.1.student_response': 'accept_request',
      'cmi.interactions.1.result': 'wrong',
      'cmi.interactions.1.latency': '00:01:05.43',
      'cmi.interactions.1.objectives': {},
      'cmi.interactions.1.correct_responses.0.pattern': 'ignore_and_explain',
      'cmi.interactions.2.id': 'stage3_gift',
      'cmi.interactions.2.time': third,
      'cmi.interactions.2.type': 'choice',
      'cmi.interactions.2.weighting': '2',
      'cmi.interactions.2.student_response': 'accept_and_declare',
      'cmi.interactions.2.result': 'neutral',
      'cmi.interactions.2.latency': '01:02:03.46',
      'cmi.interactions.2.objectives.0.id': 'boundary',
      'cmi.interactions.2.objectives.1.id': 'candour',
      'cmi.interactions.2.correct_responses.0.pattern': 'decline_gift',
    });
    // scorm-again normalises timespans on storage; what the module sent has four hour digits.
    expect(sent['cmi.interactions.2.latency']).toBe('0001:02:03.46');
    expect(sent['cmi.core.session_time']).toBe('0000:07:00.00');
    expect(sent['cmi.core.exit']).toBe('');
    expect(moodleViolations('scorm12', cmi)).toEqual([]);
    expect(moodleViolations('scorm12', sent)).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('costs 11 calls and exactly one LMSCommit per decision, plus one per objective the decision names', () => {
    const { session, clock, calls } = sessionOn(lms12());
    session.start();
    const perDecision = [0, 1, 2].map((index) =>
      callsPerDecision(calls, () => decide(session, clock, index)),
    );
    expect(perDecision.map((list) => list.length)).toEqual([11, 11, 13]);
    for (const list of perDecision) expect(list.filter((call) => call === 'LMSCommit')).toHaveLength(1);
    expect(perDecision[0]).toEqual([
      'LMSSetValue cmi.interactions.0.id',
      'LMSSetValue cmi.interactions.0.time',
      'LMSSetValue cmi.interactions.0.type',
      'LMSSetValue cmi.interactions.0.correct_responses.0.pattern',
      'LMSSetValue cmi.interactions.0.weighting',
      'LMSSetValue cmi.interactions.0.student_response',
      'LMSSetValue cmi.interactions.0.result',
      'LMSSetValue cmi.interactions.0.latency',
      'LMSSetValue cmi.core.lesson_location',
      'LMSSetValue cmi.suspend_data',
      'LMSCommit',
    ]);
  });

  it('marks a first launch incomplete and suspended, and sends no score before the end (Moodle §8)', () => {
    const lms = lms12({ student_data: { mastery_score: '70' } });
    const { session, clock, calls } = sessionOn(lms);
    session.start();
    decide(session, clock, 0);
    decide(session, clock, 1);
    const cmi = lms.getFlattenedCMI();
    expect(cmi['cmi.core.lesson_status']).toBe('incomplete');
    expect(cmi['cmi.core.exit']).toBe('suspend');
    expect(cmi['cmi.core.score.raw']).toBe('');
    expect(calls.filter((call) => call.startsWith('LMSSetValue') && call.includes('score'))).toEqual([]);
  });

  it('reports no mastery score when the manifest sets none', () => {
    expect(sessionOn(lms12()).session.start().masteryScore).toBeNull();
  });

  it('resumes where the learner left and continues the interactions after the stored ones', () => {
    const first = lms12();
    const one = sessionOn(first);
    one.session.start();
    decide(one.session, one.clock, 0);
    decide(one.session, one.clock, 1);
    one.session.saveReflection('Half way.');
    one.session.commit();
    one.session.terminate();

    const second = relaunch12(first);
    const two = sessionOn(second);
    expect(two.session.start()).toMatchObject({
      entry: 'resume',
      location: 'stage3_gift',
      suspendData: '1|0001|n|8c',
      reflection: 'Half way.',
      previousStatus: { completion: 'incomplete', success: 'unknown' },
    });
    expect(two.calls.filter((call) => call.startsWith('LMSGetValue cmi.interactions.'))).toEqual([
      'LMSGetValue cmi.interactions._count',
    ]);
    decide(two.session, two.clock, 2);
    expect(second.getFlattenedCMI()['cmi.interactions.2.id']).toBe('stage3_gift');
  });

  it('does not send suspend data over 4096 or a bookmark over 255, which scorm-again would accept', () => {
    const lms = lms12();
    const { session, lines } = sessionOn(lms);
    session.start();
    session.saveProgress({ location: 'ok', suspendData: '1||n|0' });
    session.saveProgress({ location: 'x'.repeat(256), suspendData: 'y'.repeat(4097) });
    const cmi = lms.getFlattenedCMI();
    expect(cmi['cmi.core.lesson_location']).toBe('ok');
    expect(cmi['cmi.suspend_data']).toBe('1||n|0');
    expect(lines.join('\n')).toMatch(/cmi.core.lesson_location is 256 characters, over the 255/);
    expect(lines.join('\n')).toMatch(/cmi.suspend_data is 4097 characters, over the 4096/);
  });

  it('keeps the first 4096 characters of a longer reflection and says so', () => {
    const lms = lms12();
    const { session } = sessionOn(lms);
    session.start();
    expect(session.saveReflection('z'.repeat(5000))).toEqual({ stored: true, truncated: true });
    expect(lms.getFlattenedCMI()['cmi.comments']).toHaveLength(4096);
  });

  it('retries a refused LMSCommit, then reports the error and re-sends with the next commit', () => {
    const lms = lms12();
    const { session, clock, calls, statuses } = sessionOn(lms);
    session.start();
    failCommits(lms, 3);
    decide(session, clock, 0);
    expect(calls.filter((call) => call === 'LMSCommit')).toHaveLength(4);
    expect(statuses.at(-1)).toMatchObject({ kind: 'error', operation: 'commit', code: '101' });
    session.commit();
    expect(statuses.at(-1)).toEqual({ kind: 'saved' });
    expect(lms.getFlattenedCMI()['cmi.interactions.0.id']).toBe('stage1_car_park');
  });

  it('calls LMSFinish once, and nothing reaches the API after it', () => {
    const { session, clock, calls } = sessionOn(lms12());
    session.start();
    session.terminate();
    session.terminate();
    const after = calls.length;
    decide(session, clock, 0);
    session.finish(FINAL);
    expect(calls.filter((call) => call === 'LMSFinish')).toHaveLength(1);
    expect(calls).toHaveLength(after);
  });

  it.each([
    ['review', { core: { lesson_mode: 'review', credit: 'no-credit' } }],
    ['browse', { core: { lesson_mode: 'browse' } }],
    ['no-credit', { core: { credit: 'no-credit' } }],
  ])('writes nothing that changes the result in %s', (_label, launch) => {
    const previous = lms12();
    const first = sessionOn(previous);
    first.session.start();
    for (const index of [0, 1, 2]) decide(first.session, first.clock, index);
    first.session.finish({ ...FINAL, scoreRaw: 80, scaled: 0.8, passed: true });
    first.session.terminate();

    const lms = relaunch12(previous, launch);
    const { session, clock, calls } = sessionOn(lms);
    expect(session.start().reviewing).toBe(true);
    const before = lms.getFlattenedCMI();
    for (const index of [0, 1, 2]) decide(session, clock, index);
    session.finish(FINAL);
    session.saveReflection('A replay');
    expect(session.commit()).toBe(true);
    clock.advance(60_000);
    session.terminate();
    session.terminate();
    expect(lms.getFlattenedCMI()).toEqual(before);
    // Not a score, status, interaction, suspend_data, location, comment, exit or session_time: nothing.
    expect(calls.filter((call) => call.startsWith('LMSSetValue') || call === 'LMSCommit')).toEqual([]);
    expect(calls.filter((call) => call === 'LMSFinish')).toHaveLength(1);
    expect(before['cmi.core.lesson_status']).toBe('passed');
  });

  it.each(STATUS_REPORTINGS.flatMap((choice) => [true, false].map((passed) => [choice, passed] as const)))(
    'sends the lesson_status and exit of status-reporting.ts for %s (passed: %s)',
    (choice, passed) => {
      const lms = lms12();
      const { session, sent } = sessionOn(lms, { ...DEFAULT_REPORTING, statusReporting: choice });
      session.start();
      session.finish({ ...FINAL, passed });
      session.terminate();
      const status = reportedStatus(choice, passed);
      expect(sent['cmi.core.lesson_status']).toBe(status.lessonStatus);
      // A fail left open to retry stays suspended; otherwise "" ends the attempt (1.2 has no "normal").
      expect(sent['cmi.core.exit']).toBe(status.attemptOpen ? 'suspend' : '');
      expect(sent['cmi.core.score.raw']).toBe('66.67');
    },
  );

  it('counts its own interaction indexes: a refused decision is written first, at the next index, once it can', () => {
    const lms = lms12();
    const { session, clock, statuses } = sessionOn(lms);
    session.start();
    const refusing = refuseSets(lms, /^cmi\.interactions\./, Number.POSITIVE_INFINITY, '101');
    decide(session, clock, 0);
    expect(lms.getFlattenedCMI()['cmi.interactions.0.id']).toBeUndefined();
    expect(statuses.at(-1)).toMatchObject({ kind: 'error', operation: 'write', code: '101' });
    refusing.stop();
    decide(session, clock, 1);
    const cmi = lms.getFlattenedCMI();
    expect(cmi['cmi.interactions.0.id']).toBe('stage1_car_park');
    expect(cmi['cmi.interactions.0.student_response']).toBe('decline_kindly');
    expect(cmi['cmi.interactions.1.id']).toBe('stage2_facebook_message');
    expect(lms.LMSGetValue('cmi.interactions._count')).toBe('2');
    expect(statuses.at(-1)).toEqual({ kind: 'saved' });
  });

  it.each(['-5', '101', 'abc', '0x1', '1e3', '70 %'])(
    'ignores a mastery_score of %j with a note, so the package’s own pass mark applies',
    (value) => {
      const lms = lms12();
      const target = lms as unknown as { LMSGetValue: (element: string) => string };
      const real = target.LMSGetValue.bind(lms);
      target.LMSGetValue = (element) =>
        element === 'cmi.student_data.mastery_score' ? value : real(element);
      const { session, lines } = sessionOn(lms);
      expect(session.start().masteryScore).toBeNull();
      expect(lines).toEqual([
        `cmi.student_data.mastery_score is ${JSON.stringify(value)}, not a decimal from 0 to 100; ignored, the package's own pass mark applies {}`,
      ]);
    },
  );
});
