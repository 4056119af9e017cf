// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { LmsSession, LmsStatus } from '../src/lms/lms-port';
import { openLmsSession } from '../src/lms/open-lms-session';
import { createScorm2004Session } from '../src/lms/scorm2004-session';
import {
  DEFAULT_REPORTING,
  type ReportingSettings,
  reportedStatus,
  STATUS_REPORTINGS,
} from '../src/lms/status-reporting';
import {
  as2004,
  callsPerDecision,
  counted,
  DECISIONS,
  FINAL,
  failCommits,
  fixedClock,
  install,
  LOCATIONS_AFTER,
  lms2004,
  moodleViolations,
  nestedFrame,
  quietLogger,
  refuseSets,
  relaunch2004,
  STEPS_AFTER,
  T0,
} from './lms-harness';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  document.body.innerHTML = '';
  localStorage.clear();
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
  const session = createScorm2004Session(as2004(proxy), { now: clock.now, log, reporting });
  const statuses: LmsStatus[] = [];
  session.onStatus((status) => statuses.push(status));
  return { session, clock, calls, sent, lines, statuses };
}

describe('SCORM 2004 session', () => {
  it('records a whole path through an iframe and leaves exactly this CMI', () => {
    const { inner, top } = nestedFrame(2);
    const lms = lms2004({ scaled_passing_score: '0.7' });
    const { proxy, sent } = counted(lms);
    cleanups.push(install(top, 'API_1484_11', proxy));
    const clock = fixedClock();
    const { log, lines } = quietLogger();
    const session = openLmsSession({ win: inner, moduleId: 'boundaries', now: clock.now, log });

    expect(session.start()).toEqual({
      standard: 'scorm2004',
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
      previousStatus: { completion: 'unknown', success: 'unknown' },
      notice: null,
    });
    for (const index of [0, 1, 2]) decide(session, clock, index);
    session.finish(FINAL);
    expect(session.saveReflection('I said yes.\nNext time: no.')).toEqual({ stored: true, truncated: false });
    session.commit();
    clock.advance(60_000);
    session.terminate();

    const cmi = lms.getFlattenedCMI();
    expect(cmi).toEqual({
      'cmi.comments_from_learner.0.comment': 'I said yes.¶Next time: no.',
      'cmi.comments_from_learner.0.location': 'reflection',
      'cmi.comments_from_learner.0.timestamp': '2024-05-01T09:06:00.00Z',
      'cmi.comments_from_lms': {},
      'cmi.completion_status': 'completed',
      'cmi.completion_threshold': '',
      'cmi.credit': 'credit',
      'cmi.entry': '',
      'cmi.exit': 'suspend',
      'cmi.interactions.0.id': 'stage1_car_park',
      'cmi.interactions.0.type': 'choice',
      'cmi.interactions.0.objectives': {},
      'cmi.interactions.0.timestamp': '2024-05-01T09:01:00.00Z',
      'cmi.interactions.0.weighting': '1',
      'cmi.interactions.0.learner_response': 'decline_kindly',
      'cmi.interactions.0.result': 'correct',
      'cmi.interactions.0.latency': 'PT12.34S',
      'cmi.interactions.0.description': 'Stage 1 – patient asks the GP out for a drink in the car park',
      'cmi.interactions.0.correct_responses.0.pattern': 'decline_kindly',
      'cmi.interactions.1.id': 'stage2_facebook_message',
      'cmi.interactions.1.type': 'choice',
      'cmi.interactions.1.objectives': {},
      'cmi.interactions.1.timestamp': '2024-05-01T09:03:00.00Z',
      'cmi.interactions.1.weighting': '1',
      'cmi.interactions.1.learner_response': 'accept_request',
      'cmi.interactions.1.result': 'incorrect',
      'cmi.interactions.1.latency': 'PT1M5.43S',
      'cmi.interactions.1.description': 'Stage 2 – a friend request and a message on Facebook',
      'cmi.interactions.1.correct_responses.0.pattern': 'ignore_and_explain',
      'cmi.interactions.2.id': 'stage3_gift',
      'cmi.interactions.2.type': 'choice',
      'cmi.interactions.2.objectives.0.id': 'boundary',
      'cmi.interactions.2.objectives.1.id': 'candour',
      'cmi.interactions.2.timestamp': '2024-05-01T09:05:00.00Z',
      'cmi.interactions.2.weighting': '2',
      'cmi.interactions.2.learner_response': 'accept_and_declare',
      'cmi.interactions.2.result': 'neutral',
      'cmi.interactions.2.latency': 'PT1H2M3.46S',
      'cmi.interactions.2.description': 'Stage 3 – an expensive gift at the last appointment',
      'cmi.interactions.2.correct_responses.0.pattern': 'decline_gift',
      'cmi.launch_data': '',
      'cmi.learner_id': 'u42',
      'cmi.learner_name': 'Patel, Sam',
      'cmi.learner_preference.audio_level': '1',
      'cmi.learner_preference.language': '',
      'cmi.learner_preference.delivery_speed': '1',
      'cmi.learner_preference.audio_captioning': '0',
      'cmi.location': 'ending_mixed',
      'cmi.max_time_allowed': '',
      'cmi.mode': 'normal',
      'cmi.objectives.0.id': 'boundary',
      'cmi.objectives.0.success_status': 'passed',
      'cmi.objectives.0.completion_status': 'completed',
      'cmi.objectives.0.progress_measure': '',
      'cmi.objectives.0.description': 'Keeps the boundary',
      'cmi.objectives.0.score.scaled': '0.6667',
      'cmi.objectives.0.score.raw': '4',
      'cmi.objectives.0.score.min': '0',
      'cmi.objectives.0.score.max': '6',
      'cmi.objectives.1.id': 'candour',
      'cmi.objectives.1.success_status': 'failed',
      'cmi.objectives.1.completion_status': 'completed',
      'cmi.objectives.1.progress_measure': '',
      'cmi.objectives.1.description': 'Is open with the patient',
      'cmi.objectives.1.score.scaled': '0.3333',
      'cmi.objectives.1.score.raw': '1',
      'cmi.objectives.1.score.min': '0',
      'cmi.objectives.1.score.max': '3',
      'cmi.progress_measure': '1',
      'cmi.scaled_passing_score': '0.7',
      'cmi.score.scaled': '0.6667',
      'cmi.score.raw': '66.67',
      'cmi.score.min': '0',
      'cmi.score.max': '100',
      'cmi.session_time': 'PT7M',
      'cmi.success_status': 'failed',
      'cmi.suspend_data': '1|000120|d|dc',
      'cmi.time_limit_action': 'continue,no message',
      'cmi.total_time': 'PT0S',
    });
    expect(moodleViolations('scorm2004', cmi)).toEqual([]);
    expect(moodleViolations('scorm2004', sent)).toEqual([]);
    // Sent at launch and kept: a finished attempt's exit is suspend by default (scorm2004-session.ts).
    expect(sent['cmi.exit']).toBe('suspend');
    expect(lines).toEqual([]);
  });

  it('costs 12 calls and exactly one Commit per decision, plus one per objective the decision names', () => {
    const { session, clock, calls } = sessionOn(lms2004());
    session.start();
    const perDecision = [0, 1, 2].map((index) =>
      callsPerDecision(calls, () => decide(session, clock, index)),
    );
    expect(perDecision.map((list) => list.length)).toEqual([12, 12, 14]);
    for (const list of perDecision) expect(list.filter((call) => call === 'Commit')).toHaveLength(1);
    expect(perDecision[0]).toEqual([
      'SetValue cmi.interactions.0.id',
      'SetValue cmi.interactions.0.type',
      'SetValue cmi.interactions.0.learner_response',
      'SetValue cmi.interactions.0.correct_responses.0.pattern',
      'SetValue cmi.interactions.0.weighting',
      'SetValue cmi.interactions.0.result',
      'SetValue cmi.interactions.0.latency',
      'SetValue cmi.interactions.0.timestamp',
      'SetValue cmi.interactions.0.description',
      'SetValue cmi.location',
      'SetValue cmi.suspend_data',
      'Commit',
    ]);
  });

  it('marks a first launch incomplete and suspended, and sends no score before the end', () => {
    const lms = lms2004();
    const { session, clock } = sessionOn(lms);
    session.start();
    decide(session, clock, 0);
    expect(lms.GetValue('cmi.completion_status')).toBe('incomplete');
    expect(lms.GetValue('cmi.success_status')).toBe('unknown');
    expect(lms.GetValue('cmi.exit')).toBe('');
    expect(lms.getFlattenedCMI()['cmi.exit']).toBe('suspend');
    expect(lms.GetValue('cmi.score.raw')).toBe('');
  });

  it('leaves the launch Commit to the scheduler it is given (the app: after the first paint), and skips it once closed', () => {
    const { proxy, calls } = counted(lms2004());
    const scheduled: (() => void)[] = [];
    const session = createScorm2004Session(as2004(proxy), {
      log: quietLogger().log,
      launchCommit: (commit) => scheduled.push(commit),
    });
    session.start();
    expect(calls).toContain('SetValue cmi.exit');
    expect(calls).not.toContain('Commit');
    for (const commit of scheduled.splice(0)) commit();
    expect(calls.filter((call) => call === 'Commit')).toHaveLength(1);

    const closed = counted(lms2004());
    const late: (() => void)[] = [];
    const other = createScorm2004Session(as2004(closed.proxy), {
      log: quietLogger().log,
      launchCommit: (commit) => late.push(commit),
    });
    other.start();
    other.terminate();
    const before = closed.calls.length;
    for (const commit of late.splice(0)) commit();
    expect(closed.calls.slice(before)).toEqual([]);
  });

  it('reports no mastery score when the LMS has none (403 on scaled_passing_score)', () => {
    const { session } = sessionOn(lms2004());
    expect(session.start().masteryScore).toBeNull();
  });

  it('resumes where the learner left: same bookmark, suspend data and reflection, next interaction index', () => {
    const first = lms2004();
    const one = sessionOn(first);
    one.session.start();
    decide(one.session, one.clock, 0);
    decide(one.session, one.clock, 1);
    one.session.saveReflection('Half way.\nSo far so good.');
    one.session.commit();
    one.session.terminate();

    const second = relaunch2004(first);
    const two = sessionOn(second);
    expect(two.session.start()).toMatchObject({
      entry: 'resume',
      location: 'stage3_gift',
      suspendData: '1|0001|n|8c',
      reflection: 'Half way.\nSo far so good.',
      previousStatus: { completion: 'incomplete', success: 'unknown' },
    });
    expect(two.calls).not.toContain('SetValue cmi.completion_status');
    decide(two.session, two.clock, 2);
    two.session.saveReflection('At the end.');
    expect(second.GetValue('cmi.interactions._count')).toBe('3');
    expect(second.GetValue('cmi.interactions.2.id')).toBe('stage3_gift');
    expect(second.GetValue('cmi.comments_from_learner._count')).toBe('2');
    expect(second.GetValue('cmi.comments_from_learner.1.comment')).toBe('At the end.');
  });

  it('updates the same comment when the reflection is saved again in one session', () => {
    const lms = lms2004();
    const { session, clock } = sessionOn(lms);
    session.start();
    session.saveReflection('Draft');
    clock.advance(30_000);
    session.saveReflection('Final {with braces}\nand a second line');
    expect(lms.GetValue('cmi.comments_from_learner._count')).toBe('1');
    expect(lms.GetValue('cmi.comments_from_learner.0.comment')).toBe('Final {with braces}¶and a second line');
    expect(lms.GetValue('cmi.comments_from_learner.0.timestamp')).toBe('2024-05-01T09:00:30.00Z');
  });

  it('retries a Commit the LMS refuses and reports saved once it gets through', () => {
    const lms = lms2004();
    failCommits(lms, 2);
    const { session, clock, calls, lines, statuses } = sessionOn(lms);
    session.start();
    expect(calls.filter((call) => call === 'Commit')).toHaveLength(3);
    expect(lines[0]).toMatch(/commit failed \(try 1 of 3\).*"code":"101".*General Exception/);
    decide(session, clock, 0);
    expect(statuses).toEqual([{ kind: 'saved' }, { kind: 'saved' }]);
  });

  it('reports an error after three refusals, keeps everything and delivers it with the next Commit', () => {
    const lms = lms2004();
    const { session, clock, calls, statuses } = sessionOn(lms);
    session.start();
    failCommits(lms, 3, 'throw');
    decide(session, clock, 0);
    expect(statuses.at(-1)).toEqual({
      kind: 'error',
      operation: 'commit',
      message: 'commit failed: threw: connection reset',
      code: '',
    });
    const retry = callsPerDecision(calls, () => decide(session, clock, 1));
    expect(retry.filter((call) => call === 'SetValue cmi.interactions.0.id')).toHaveLength(1);
    expect(retry.at(-1)).toBe('Commit');
    expect(statuses.at(-1)).toEqual({ kind: 'saved' });
    expect(lms.GetValue('cmi.interactions.0.id')).toBe('stage1_car_park');
    expect(lms.GetValue('cmi.suspend_data')).toBe(STEPS_AFTER[1]);
  });

  it('terminates once: a second terminate and any later call never reach the API', () => {
    const { session, clock, calls } = sessionOn(lms2004());
    session.start();
    decide(session, clock, 0);
    session.terminate();
    session.terminate();
    const before = calls.length;
    decide(session, clock, 1);
    session.finish(FINAL);
    session.saveReflection('late');
    expect(session.commit()).toBe(false);
    expect(calls.filter((call) => call === 'Terminate')).toHaveLength(1);
    expect(calls).toHaveLength(before);
    expect(calls.slice(-2)).toEqual(['SetValue cmi.session_time', 'Terminate']);
  });

  it("ends a finished attempt with exit normal when the manifest says so (LMSs on Rustici's engine)", () => {
    const lms = lms2004();
    const { session, clock, sent } = sessionOn(lms, {
      ...DEFAULT_REPORTING,
      scorm2004ExitWhenFinished: 'normal',
    });
    session.start();
    for (const index of [0, 1, 2]) decide(session, clock, index);
    expect(sent['cmi.exit']).toBe('suspend');
    session.finish(FINAL);
    session.terminate();
    expect(sent['cmi.exit']).toBe('normal');
    expect(lms.getFlattenedCMI()['cmi.exit']).toBe('normal');
  });

  it.each(STATUS_REPORTINGS.flatMap((choice) => [true, false].map((passed) => [choice, passed] as const)))(
    'sends the statuses and exit of status-reporting.ts for %s (passed: %s)',
    (choice, passed) => {
      const lms = lms2004();
      const { session, sent } = sessionOn(lms, {
        statusReporting: choice,
        scorm2004ExitWhenFinished: 'normal',
      });
      session.start();
      session.finish({ ...FINAL, passed });
      session.terminate();
      const status = reportedStatus(choice, passed);
      expect([sent['cmi.completion_status'], sent['cmi.success_status']]).toEqual([
        status.completion,
        status.success,
      ]);
      // A fail left open to retry stays suspended whatever the finished exit; it sends no progress_measure.
      expect(sent['cmi.exit']).toBe(status.attemptOpen ? 'suspend' : 'normal');
      expect(sent['cmi.progress_measure']).toBe(status.attemptOpen ? undefined : '1');
      expect(sent['cmi.score.raw']).toBe('66.67');
    },
  );

  it.each([
    ['review', { mode: 'review', credit: 'no-credit' }],
    ['browse', { mode: 'browse', credit: 'no-credit' }],
    ['browse with credit', { mode: 'browse' }],
  ])('writes nothing at all in %s, not even session_time or exit, and terminates once', (_label, launch) => {
    const previous = lms2004();
    const first = sessionOn(previous);
    first.session.start();
    for (const index of [0, 1, 2]) decide(first.session, first.clock, index);
    first.session.finish({ ...FINAL, scoreRaw: 80, scaled: 0.8, passed: true });
    first.session.terminate();

    const lms = relaunch2004(previous, launch);
    const { session, clock, calls } = sessionOn(lms);
    expect(session.start()).toMatchObject({ reviewing: true });
    const before = lms.getFlattenedCMI();
    for (const index of [0, 1, 2]) decide(session, clock, index);
    session.finish(FINAL);
    expect(session.saveReflection('A replay')).toEqual({ stored: false, truncated: false });
    expect(session.commit()).toBe(true);
    clock.advance(60_000);
    session.terminate();
    session.terminate();
    expect(lms.getFlattenedCMI()).toEqual(before);
    expect(calls.filter((call) => call.startsWith('SetValue') || call === 'Commit')).toEqual([]);
    expect(calls.filter((call) => call === 'Terminate')).toHaveLength(1);
    expect(before['cmi.score.raw']).toBe('80');
  });

  it('is read-only too when only the credit is withheld', () => {
    const lms = lms2004({ credit: 'no-credit' });
    const { session, clock, calls } = sessionOn(lms);
    expect(session.start()).toMatchObject({ reviewing: true, mode: 'normal', credit: false });
    decide(session, clock, 0);
    expect(calls.filter((call) => call.startsWith('SetValue'))).toEqual([]);
  });

  it('updates an objective the LMS already holds instead of adding a duplicate id', () => {
    const lms = lms2004({ objectives: { '0': { id: 'candour' } } });
    const { session, lines } = sessionOn(lms);
    session.start();
    session.finish(FINAL);
    expect(lms.GetValue('cmi.objectives._count')).toBe('2');
    expect(lms.GetValue('cmi.objectives.0.id')).toBe('candour');
    expect(lms.GetValue('cmi.objectives.0.score.raw')).toBe('1');
    expect(lms.GetValue('cmi.objectives.1.id')).toBe('boundary');
    expect(lines).toEqual([]);
  });

  it('keeps the interaction indexes in order when the LMS refuses an id, and says why', () => {
    const lms = lms2004();
    const { session, lines, statuses } = sessionOn(lms);
    session.start();
    const [first, second] = DECISIONS;
    if (!first || !second) throw new Error('fixture');
    session.recordDecision({ ...first, interactionId: '' });
    session.recordDecision(second);
    expect(lms.GetValue('cmi.interactions._count')).toBe('1');
    expect(lms.GetValue('cmi.interactions.0.id')).toBe('stage2_facebook_message');
    expect(lines[0]).toMatch(/^interaction : id has whitespace or does not end in a letter or digit/);
    expect(statuses.at(-1)).toMatchObject({ kind: 'error', operation: 'write' });
  });

  it('keeps long descriptions within 250 characters on one line', () => {
    const lms = lms2004();
    const { session } = sessionOn(lms);
    session.start();
    const decision = DECISIONS[0];
    if (!decision) throw new Error('fixture');
    session.recordDecision({ ...decision, description: `{Long}\n${'word '.repeat(80)}`, timestamp: T0 });
    const description = lms.GetValue('cmi.interactions.0.description');
    expect(description.length).toBeLessThanOrEqual(250);
    expect(moodleViolations('scorm2004', lms.getFlattenedCMI())).toEqual([]);
  });

  it('keeps a decision whose id the LMS refuses on show, and writes it first, at the next index, once it can', () => {
    const lms = lms2004();
    const { session, clock, statuses } = sessionOn(lms);
    session.start();
    const refusing = refuseSets(lms, /^cmi\.interactions\./);
    decide(session, clock, 0);
    // The Commit of the bookmark went through, but the decision is not in the LMS: the error stands.
    expect(lms.GetValue('cmi.interactions._count')).toBe('0');
    expect(lms.GetValue('cmi.location')).toBe(LOCATIONS_AFTER[0]);
    expect(statuses.at(-1)).toEqual({
      kind: 'error',
      operation: 'write',
      message: 'cmi.interactions.0.id: General Set Failure',
      code: '351',
    });
    expect(session.commit()).toBe(false);
    expect(statuses.at(-1)).toMatchObject({ kind: 'error', operation: 'write' });
    refusing.stop();
    decide(session, clock, 1);
    expect(lms.GetValue('cmi.interactions._count')).toBe('2');
    expect(lms.GetValue('cmi.interactions.0.id')).toBe('stage1_car_park');
    expect(lms.GetValue('cmi.interactions.0.result')).toBe('correct');
    expect(lms.GetValue('cmi.interactions.1.id')).toBe('stage2_facebook_message');
    expect(statuses.at(-1)).toEqual({ kind: 'saved' });
    expect(moodleViolations('scorm2004', lms.getFlattenedCMI())).toEqual([]);
  });

  it('writes a refused part of a decision, or a refused score and status, again with each Commit until stored', () => {
    const lms = lms2004();
    const { session, clock, calls, statuses } = sessionOn(lms);
    session.start();
    const refusing = refuseSets(lms, /\.result$|^cmi\.score\.raw$|^cmi\.success_status$/);
    decide(session, clock, 0);
    session.finish(FINAL);
    expect(statuses.at(-1)).toMatchObject({ kind: 'error', operation: 'write' });
    expect(lms.GetValue('cmi.interactions.0.result')).toBe('');
    refusing.stop();
    const retry = callsPerDecision(calls, () => session.commit());
    expect(retry).toEqual([
      'SetValue cmi.interactions.0.result',
      'SetValue cmi.score.raw',
      'SetValue cmi.success_status',
      'Commit',
    ]);
    expect(statuses.at(-1)).toEqual({ kind: 'saved' });
    expect(lms.GetValue('cmi.interactions.0.result')).toBe('correct');
    expect(lms.GetValue('cmi.score.raw')).toBe('66.67');
    expect(lms.GetValue('cmi.success_status')).toBe('failed');
  });

  it.each(['1.5', '-1.01', 'abc', '0x1', '8e-1'])(
    'ignores a scaled_passing_score of %j with a note, so the package’s own pass mark applies',
    (value) => {
      const lms = lms2004();
      const target = lms as unknown as { GetValue: (element: string) => string };
      const real = target.GetValue.bind(lms);
      target.GetValue = (element) => (element === 'cmi.scaled_passing_score' ? value : real(element));
      const { session, lines } = sessionOn(lms);
      expect(session.start().masteryScore).toBeNull();
      expect(lines).toEqual([
        `cmi.scaled_passing_score is ${JSON.stringify(value)}, not a decimal from -1 to 1; ignored, the package's own pass mark applies {}`,
      ]);
    },
  );
});
