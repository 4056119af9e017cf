// @vitest-environment jsdom
/**
 * How a finished attempt is reported and reviewed: the real scenario, the app's runtime and session, and
 * scorm-again as the LMS (with `Moodle2004`, a fake of Moodle's SCORM 2004 launch rule and Terminate, around
 * it). Covers the 2004 finished exit (gpb:scorm2004ExitWhenFinished), review and browse writing nothing, and
 * every reporting choice (gpb:statusReporting) in both standards, passed and failed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentNodeId, type ModuleRuntime } from '../src/app/module-runtime';
import {
  DEFAULT_REPORTING,
  type ReportingSettings,
  reportedStatus,
  STATUS_REPORTINGS,
  type StatusReporting,
} from '../src/lms/status-reporting';
import { analysePaths, type ScenarioPath } from '../src/scenario/analyse-paths';
import type { Scenario } from '../src/scenario/model';
import { interactionIds, recordedReport, reportedRecord } from './expected-final-record';
import {
  counted,
  lms12,
  MOODLE_ZERO_DURATION,
  Moodle2004,
  type MoodleLaunchMode,
  moodleAddTime,
  relaunch12,
  T0,
} from './lms-harness';
import { projectScenario } from './project-scenario';
import { launchPainted, takeStepAt } from './runtime-steps';

const scenario: Scenario = projectScenario();
const analysis = analysePaths(scenario);
const best = analysis.recommended as ScenarioPath;
const worst = [...analysis.paths].sort((a, b) => a.scores.total - b.scores.total)[0] as ScenarioPath;
const halfway = best.steps.length >> 1;

const globalWindow = window as unknown as Record<string, unknown>;
let clock = T0;

beforeEach(() => {
  vi.useFakeTimers();
  clock = T0;
  localStorage.clear();
});
afterEach(() => {
  vi.useRealTimers();
  delete globalWindow.API;
  delete globalWindow.API_1484_11;
});

/** Puts `api` where the module looks, counting its calls; the counts are returned. */
function install(name: 'API' | 'API_1484_11', api: object) {
  delete globalWindow.API;
  delete globalWindow.API_1484_11;
  const { proxy, calls } = counted(api);
  globalWindow[name] = proxy;
  return calls;
}

function launch(reporting: ReportingSettings = DEFAULT_REPORTING): ModuleRuntime {
  return launchPainted({ win: window, scenario, moduleId: 'test_module', now: () => clock, reporting });
}

function takeStep(runtime: ModuleRuntime, step: number) {
  clock += 20_000;
  takeStepAt(runtime, scenario, step, clock);
}

/** Plays `path` to its end, reads the debrief and writes a reflection, as the UI would; the page stays open. */
function playToDebrief(runtime: ModuleRuntime, path: ScenarioPath) {
  for (const step of path.steps) takeStep(runtime, step);
  expect(runtime.getState().snapshot.status).toBe('done');
  runtime.setScreen({ name: 'reflection' });
  runtime.setReflection('I would say no, kindly and clearly.');
  vi.runAllTimers();
  runtime.setScreen({ name: 'debrief' });
}

/** The learner looks around a reviewed attempt: the end screens, and a reflection typed again. */
function lookAround(runtime: ModuleRuntime) {
  runtime.setScreen({ name: 'reflection' });
  runtime.setReflection('Written in review: must not be kept.');
  vi.runAllTimers();
  runtime.setScreen({ name: 'certificate' });
  vi.runAllTimers();
}

function closePage() {
  clock += 60_000;
  window.dispatchEvent(new Event('pagehide'));
}

const isWrite = (call: string) => /SetValue|Commit/.test(call);

describe('Moodle2004, the fake of Moodle 4.5 the tests below rely on', () => {
  it("adds durations as Moodle's AddTime does, so nothing plus nothing is the bare P", () => {
    expect(moodleAddTime(MOODLE_ZERO_DURATION, MOODLE_ZERO_DURATION)).toBe('P');
    expect(moodleAddTime(MOODLE_ZERO_DURATION, 'PT7M')).toBe('PT7M');
    expect(moodleAddTime('PT59M30.5S', 'PT1M')).toBe('PT1H30.5S');
    expect(moodleAddTime('PT1H2M3.46S', MOODLE_ZERO_DURATION)).toBe('PT1H2M3.46S');
  });

  it('hands a later launch the stored data only after exit = suspend, and adds session_time on Terminate', () => {
    const moodle = new Moodle2004();
    const first = moodle.launch();
    first.Initialize('');
    first.SetValue('cmi.suspend_data', 'x');
    first.SetValue('cmi.exit', 'suspend');
    first.SetValue('cmi.session_time', 'PT2M');
    first.Terminate('');
    expect(moodle.stored).toMatchObject({ 'cmi.suspend_data': 'x', 'cmi.total_time': 'PT2M' });

    const second = moodle.launch();
    second.Initialize('');
    expect([second.GetValue('cmi.entry'), second.GetValue('cmi.suspend_data')]).toEqual(['resume', 'x']);
    second.SetValue('cmi.exit', 'normal');
    second.SetValue('cmi.session_time', 'PT1M');
    second.Terminate('');
    expect(moodle.stored['cmi.total_time']).toBe('PT3M');

    const review = moodle.launch('review');
    review.Initialize('');
    expect([review.GetValue('cmi.entry'), review.GetValue('cmi.suspend_data')]).toEqual(['', '']);
    review.Terminate('');
    expect(moodle.stored['cmi.total_time']).toBe('P');
  });
});

describe('a finished SCORM 2004 attempt reviewed in a Moodle-like LMS', () => {
  function finishedAttempt(reporting: ReportingSettings = DEFAULT_REPORTING) {
    const moodle = new Moodle2004();
    install('API_1484_11', moodle.launch());
    playToDebrief(launch(reporting), best);
    closePage();
    return moodle;
  }

  it("with exit suspend (the default) opens on the learner's debrief and leaves every stored value as it was", () => {
    const moodle = finishedAttempt();
    const recorded = { ...moodle.stored };
    expect(recorded).toMatchObject({
      'cmi.exit': 'suspend',
      'cmi.completion_status': 'completed',
      'cmi.success_status': 'passed',
      'cmi.score.raw': '100',
    });
    expect(recorded['cmi.total_time']).toMatch(/^PT\d+M/);
    expect(interactionIds(recorded)).toHaveLength(best.choices.length);

    for (const mode of ['review', 'browse'] as const) {
      const calls = install('API_1484_11', moodle.launch(mode));
      const review = launch();
      const { launch: info, snapshot, screen } = review.getState();
      expect(info).toMatchObject({ reviewing: true, mode, entry: 'resume' });
      expect(snapshot.status).toBe('done');
      expect(screen).toEqual({ name: 'debrief' });
      expect(review.getState().reflection).toBe('I would say no, kindly and clearly.');
      lookAround(review);
      closePage();
      expect(calls.filter(isWrite), mode).toEqual([]);
      expect(
        calls.filter((call) => call === 'Terminate'),
        mode,
      ).toHaveLength(1);
      expect(moodle.stored, mode).toEqual(recorded);
    }
  });

  it('with exit normal opens on the start screen and Moodle stores total_time "P" (the README warns of both)', () => {
    const moodle = finishedAttempt({ ...DEFAULT_REPORTING, scorm2004ExitWhenFinished: 'normal' });
    const recorded = { ...moodle.stored };
    expect(recorded['cmi.exit']).toBe('normal');
    expect(recorded['cmi.total_time']).toMatch(/^PT\d+M/);

    const calls = install('API_1484_11', moodle.launch('review'));
    const review = launch();
    expect(review.getState().launch).toMatchObject({ reviewing: true, suspendData: '', location: '' });
    expect(review.getState().screen).toEqual({ name: 'start' });
    expect(review.getState().snapshot.status).not.toBe('done');
    // Nothing to show, so the learner plays it again: still nothing is written.
    for (const step of worst.steps) takeStep(review, step);
    closePage();
    expect(calls.filter(isWrite)).toEqual([]);
    // The module wrote nothing; Moodle's Terminate alone wiped the time.
    expect(moodle.stored['cmi.total_time']).toBe('P');
    expect({ ...moodle.stored, 'cmi.total_time': recorded['cmi.total_time'] }).toEqual(recorded);
  });

  it('still resumes an unfinished attempt where the learner left, and adds up its time', () => {
    const moodle = new Moodle2004();
    install('API_1484_11', moodle.launch());
    const first = launch();
    for (const step of best.steps.slice(0, halfway)) takeStep(first, step);
    const before = first.getState();
    closePage();
    const timeBefore = moodle.stored['cmi.total_time'];

    install('API_1484_11', moodle.launch());
    const second = launch();
    expect(second.getState().launch.entry).toBe('resume');
    expect(currentNodeId(second.getState().snapshot)).toBe(currentNodeId(before.snapshot));
    for (const step of best.steps.slice(halfway)) takeStep(second, step);
    closePage();
    expect(moodle.stored['cmi.total_time']).not.toBe(timeBefore);
    expect(moodle.stored).toMatchObject({ 'cmi.completion_status': 'completed', 'cmi.exit': 'suspend' });
    expect(interactionIds(moodle.stored)).toHaveLength(best.choices.length);
  });

  it("starts a new attempt clean: Moodle's new attempt is a new record, whatever the last exit", () => {
    finishedAttempt();
    const attempt2 = new Moodle2004();
    install('API_1484_11', attempt2.launch());
    const runtime = launch();
    expect(runtime.getState().launch).toMatchObject({ entry: 'ab-initio', suspendData: '' });
    expect(runtime.getState().screen).toEqual({ name: 'start' });
  });
});

describe('a finished SCORM 1.2 attempt reviewed or browsed', () => {
  it.each<MoodleLaunchMode>(['review', 'browse'])(
    'in %s opens on the debrief and leaves every stored value as it was',
    (mode) => {
      const first = lms12({ student_data: { mastery_score: '75' } });
      install('API', first);
      playToDebrief(launch(), best);
      closePage();
      const next = relaunch12(first, { core: { lesson_mode: mode, credit: 'no-credit' } });
      const calls = install('API', next);
      const before = next.getFlattenedCMI();
      const review = launch();
      expect(review.getState().launch).toMatchObject({ reviewing: true, mode });
      expect(review.getState().screen).toEqual({ name: 'debrief' });
      lookAround(review);
      closePage();
      expect(calls.filter(isWrite)).toEqual([]);
      expect(calls.filter((call) => call === 'LMSFinish')).toHaveLength(1);
      expect(next.getFlattenedCMI()).toEqual(before);
      expect(before['cmi.core.lesson_status']).toBe('passed');
    },
  );
});

type Standard = 'scorm12' | 'scorm2004';

/** What Moodle gives a 1.2 launch that counts; scorm-again applies the mastery override only then. */
const MOODLE_12_CREDIT = { lesson_mode: 'normal', credit: 'credit' };

/**
 * One LMS per standard, as Moodle runs it with the settings README.md names: 1.2 with "Mastery score overrides
 * status" off (every choice but passed-failed needs it), 2004 through the Moodle launch rule.
 */
function moodleLike(standard: Standard) {
  if (standard === 'scorm2004') {
    const moodle = new Moodle2004();
    return {
      launch: (mode: MoodleLaunchMode) => install('API_1484_11', moodle.launch(mode)),
      stored: () => ({ ...moodle.stored }) as Record<string, unknown>,
    };
  }
  const settings = { mastery_override: false };
  let api = lms12({ core: MOODLE_12_CREDIT, student_data: { mastery_score: '75' } }, settings);
  let launched = false;
  return {
    launch: (mode: MoodleLaunchMode) => {
      if (launched)
        api = relaunch12(
          api,
          { core: { lesson_mode: mode, credit: mode === 'normal' ? 'credit' : 'no-credit' } },
          settings,
        );
      launched = true;
      return install('API', api);
    },
    stored: () => api.getFlattenedCMI() as Record<string, unknown>,
  };
}

describe.each<Standard>(['scorm12', 'scorm2004'])('%s: every reporting choice', (standard) => {
  it.each(STATUS_REPORTINGS.flatMap((choice) => [[choice, 'passes'] as const, [choice, 'fails'] as const]))(
    '%s: a learner who %s gets the status of the table, and the next launch the right screen',
    (choice, outcome) => {
      const passed = outcome === 'passes';
      const path = passed ? best : worst;
      expect(path.passed).toBe(passed);
      const reporting = { ...DEFAULT_REPORTING, statusReporting: choice };
      const lms = moodleLike(standard);
      lms.launch('normal');
      playToDebrief(launch(reporting), path);
      closePage();
      const finished = lms.stored();
      expect(recordedReport(standard, finished)).toEqual(
        reportedRecord(standard, choice, passed, 'terminated'),
      );
      expect(Number(finished[standard === 'scorm12' ? 'cmi.core.score.raw' : 'cmi.score.raw'])).toBeCloseTo(
        (path.scores.total / analysis.maxScore) * 100,
        1,
      );

      if (reportedStatus(choice, passed).attemptOpen) {
        // Moodle keeps an incomplete attempt going in normal mode: this launch is the learner's next try.
        lms.launch('normal');
        const retry = launch(reporting);
        expect(retry.getState().screen).toEqual({ name: 'start' });
        expect(retry.getState().snapshot.status).toBe('active');
        expect(retry.getState().notices.map((notice) => notice.id)).toContain('new-try');
        expect(retry.timeSpentSeconds()).toBeGreaterThan(0);
        playToDebrief(retry, best);
        closePage();
        const after = lms.stored();
        expect(recordedReport(standard, after)).toEqual(reportedRecord(standard, choice, true, 'terminated'));
        expect(interactionIds(after)).toHaveLength(path.choices.length + best.choices.length);
      } else {
        // Moodle offers a finished attempt in review: it opens on the debrief and changes nothing.
        const calls = lms.launch('review');
        const review = launch(reporting);
        expect(review.getState().screen).toEqual({ name: 'debrief' });
        lookAround(review);
        closePage();
        expect(calls.filter(isWrite)).toEqual([]);
        expect(recordedReport(standard, lms.stored())).toEqual(
          reportedRecord(standard, choice, passed, 'terminated'),
        );
      }
    },
  );
});

describe('SCORM 1.2 with Moodle\'s default "Mastery score overrides status: Yes"', () => {
  it.each<StatusReporting>(['passed-incomplete', 'completed-failed', 'completed-incomplete', 'completed'])(
    '%s is rewritten to passed or failed at LMSFinish, as the README warns',
    (choice) => {
      for (const path of [best, worst]) {
        const api = lms12({ core: MOODLE_12_CREDIT, student_data: { mastery_score: '75' } });
        install('API', api);
        playToDebrief(launch({ ...DEFAULT_REPORTING, statusReporting: choice }), path);
        closePage();
        expect(api.getFlattenedCMI()['cmi.core.lesson_status']).toBe(path.passed ? 'passed' : 'failed');
      }
    },
  );
});
