// @vitest-environment jsdom
/**
 * The module as an LMS sees it: the real scenario, the app's runtime (actor + LMS session) and scorm-again as
 * the LMS, for SCORM 1.2 and 2004. Every path is played to its end and the final CMI data checked; every path
 * is also closed after every step, relaunched from what the LMS stored, and must resume on the same node and
 * screen with the same score, then finish with the same record.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentNodeId, type ModuleRuntime } from '../src/app/module-runtime';
import { analysePaths, type ScenarioPath } from '../src/scenario/analyse-paths';
import type { Scenario } from '../src/scenario/model';
import { expectFinalRecord as expectRecord } from './expected-final-record.ts';
import {
  failCommits,
  lms12,
  lms2004,
  moodleViolations,
  refuseSets,
  relaunch12,
  relaunch2004,
  T0,
} from './lms-harness';
import { projectScenario } from './project-scenario';
import { launchPainted, takeStepAt } from './runtime-steps';

const scenario: Scenario = projectScenario();
const analysis = analysePaths(scenario);
const paths = analysis.paths;

type Api = ReturnType<typeof lms12> | ReturnType<typeof lms2004>;
type Standard = 'scorm12' | 'scorm2004';
type Flat = Record<string, unknown>;

const API_NAME: Record<Standard, string> = { scorm12: 'API', scorm2004: 'API_1484_11' };
const globalWindow = window as unknown as Record<string, unknown>;

function install(standard: Standard, api: Api) {
  delete globalWindow.API;
  delete globalWindow.API_1484_11;
  globalWindow[API_NAME[standard]] = api;
}

let clock = T0;
beforeEach(() => {
  vi.useFakeTimers();
  clock = T0;
  localStorage.clear();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  delete globalWindow.API;
  delete globalWindow.API_1484_11;
});

function launch(): ModuleRuntime {
  return launchPainted({ win: window, scenario, moduleId: 'test_module', now: () => clock });
}

/** One step as the learner takes it through the UI: the event, then the screen the UI would show. */
function takeStep(runtime: ModuleRuntime, step: number) {
  clock += 20_000;
  takeStepAt(runtime, scenario, step, clock);
}

/**
 * The module's console notes about an LMS fault ("[LMS] commit failed …"): what an LMS administrator sees in the
 * browser console. A test that provokes a fault captures them (so they do not print into a green run) and checks
 * them; the spy is restored after each test.
 */
function captureLmsNotes(): () => string[] {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  return () => warn.mock.calls.map(([message]) => String(message));
}

function closePage() {
  window.dispatchEvent(new Event('pagehide'));
}

function flat(api: Api): Flat {
  return api.getFlattenedCMI() as Flat;
}

function relaunch(standard: Standard, api: Api): Api {
  const next =
    standard === 'scorm12'
      ? relaunch12(api as ReturnType<typeof lms12>)
      : relaunch2004(api as ReturnType<typeof lms2004>);
  install(standard, next);
  return next;
}

function fresh(standard: Standard): Api {
  const api = standard === 'scorm12' ? lms12() : lms2004();
  install(standard, api);
  return api;
}

/** The shared record, plus what only the jsdom run can check cheaply: Moodle's formats and the budget. */
function expectFinalRecord(standard: Standard, cmi: Flat, path: ScenarioPath) {
  expectRecord(standard, cmi, path, scenario, analysis.maxScore);
  expect(moodleViolations(standard, cmi)).toEqual([]);
  const suspend = String(cmi['cmi.suspend_data']);
  expect(suspend.length).toBeLessThanOrEqual(100);
  expect(suspend).toMatch(/^[0-9a-z|]+$/);
}

describe.each<Standard>(['scorm12', 'scorm2004'])('%s: the module reports every path', (standard) => {
  it('has paths to play', () => {
    expect(paths.length).toBeGreaterThan(3);
  });

  it.each(paths.map((path) => [path.choices.join(' → ') || path.ending, path] as const))(
    'records %s with its score, status and one interaction per decision',
    (_name, path) => {
      const api = fresh(standard);
      const runtime = launch();
      for (const step of path.steps) takeStep(runtime, step);
      expect(runtime.getState().snapshot.status).toBe('done');
      closePage();
      expectFinalRecord(standard, flat(api), path);
    },
  );

  it.each(paths.map((path) => [path.choices.join(' → ') || path.ending, path] as const))(
    'resumes %s after every step on the same node, screen and score, then finishes identically',
    (_name, path) => {
      for (let cut = 0; cut < path.steps.length; cut++) {
        let api = fresh(standard);
        const first = launch();
        for (const step of path.steps.slice(0, cut)) takeStep(first, step);
        const before = first.getState();
        closePage();

        api = relaunch(standard, api);
        const second = launch();
        const after = second.getState();
        expect(currentNodeId(after.snapshot)).toBe(currentNodeId(before.snapshot));
        expect(after.screen).toEqual(before.screen);
        expect(after.snapshot.context.scores).toEqual(before.snapshot.context.scores);
        expect(after.notices.map((notice) => notice.id)).not.toContain('restore');

        for (const step of path.steps.slice(cut)) takeStep(second, step);
        closePage();
        expectFinalRecord(standard, flat(api), path);
      }
    },
  );
});

describe('faults the learner must not pay for', () => {
  const best = analysis.recommended as ScenarioPath;

  it('records a decision when the page closes between the click and the next screen', () => {
    const api = fresh('scorm2004');
    const runtime = launch();
    const firstDecision = best.nodes.findIndex((id) => scenario.nodes[id]?.kind === 'decision');
    for (const step of best.steps.slice(0, firstDecision)) takeStep(runtime, step);
    runtime.send({ type: 'CHOOSE', choiceId: best.choices[0]?.split('.')[1] ?? '', at: clock });
    closePage();
    const cmi = flat(api);
    expect(cmi['cmi.interactions.0.id']).toBe(best.nodes[firstDecision]);
    expect(cmi['cmi.exit']).toBe('suspend');
    relaunch('scorm2004', api);
    expect(currentNodeId(launch().getState().snapshot)).toBe(best.nodes[firstDecision + 1]);
  });

  it('commits exactly once per decision, the last one carrying the result too', () => {
    const api = fresh('scorm2004');
    let commits = 0;
    const target = api as unknown as { Commit: (parameter: string) => string };
    const realCommit = target.Commit.bind(api);
    target.Commit = (parameter: string) => {
      commits += 1;
      return realCommit(parameter);
    };
    const runtime = launch();
    const atLaunch = commits;
    for (const step of best.steps) takeStep(runtime, step);
    expect(commits - atLaunch).toBe(best.choices.length);
    expect(flat(api)['cmi.completion_status']).toBe('completed');
  });

  it('keeps the reflection typed just before the page closes', () => {
    const api = fresh('scorm2004');
    const runtime = launch();
    for (const step of best.steps) takeStep(runtime, step);
    runtime.setReflection('Saved already.');
    vi.runAllTimers();
    runtime.setReflection('Typed a moment before closing.');
    closePage();
    expect(flat(api)['cmi.comments_from_learner.0.comment']).toBe('Typed a moment before closing.');
  });

  it('starts afresh with a notice when the saved data is corrupt or of an unknown version', () => {
    // The last: a believable path, but 783,641,640 hours spent (suspend-data.ts bounds it to 1,000).
    for (const data of ['9|0|n|0', '1|zz&|n|0', 'garbage', '1|0102002|c|zzzzzzzz']) {
      const api = lms2004({ suspend_data: data, entry: 'resume', location: 'stage2_facebook_message' });
      install('scorm2004', api);
      const state = launch().getState();
      expect(currentNodeId(state.snapshot)).toBe(scenario.start);
      expect(state.screen).toEqual({ name: 'start' });
      expect(state.notices.map((notice) => notice.id)).toContain('restore');
    }
  });

  it('runs standalone with a notice and keeps the place in the browser when there is no LMS', () => {
    const first = launch();
    takeStep(first, best.steps[0] ?? 0);
    expect(first.getState().notices.map((notice) => notice.id)).toContain('recording');
    closePage();
    expect(currentNodeId(launch().getState().snapshot)).toBe(best.nodes[1]);
  });

  it('shows an error notice when the LMS refuses to commit, and clears it once a commit succeeds', () => {
    const api = fresh('scorm2004');
    const runtime = launch();
    const lmsNotes = captureLmsNotes();
    // Each commit is tried 3 times: the first decision's commit fails for good, the next one gets through.
    failCommits(api, 3);
    for (const step of best.steps.slice(0, 2)) takeStep(runtime, step);
    expect(runtime.getState().notices.find((notice) => notice.id === 'lms-error')?.text).toMatch(/error 101/);
    for (const step of best.steps.slice(2, 4)) takeStep(runtime, step);
    expect(runtime.getState().notices.map((notice) => notice.id)).not.toContain('lms-error');
    closePage();
    expect(flat(api)['cmi.interactions.0.id']).toBeDefined();
    expect(lmsNotes()).toEqual([1, 2, 3].map((n) => `[LMS] commit failed (try ${n} of 3)`));
  });

  it.each<Standard>(['scorm12', 'scorm2004'])(
    '%s: keeps the error on show while the LMS refuses a decision, and clears it once the decision is stored',
    (standard) => {
      const api = fresh(standard);
      const runtime = launch();
      const errorShown = () => runtime.getState().notices.find((notice) => notice.id === 'lms-error');
      const lmsNotes = captureLmsNotes();
      const refusing = refuseSets(api, /^cmi\.interactions\./, Number.POSITIVE_INFINITY, '0');
      const firstDecision = best.nodes.findIndex((id) => scenario.nodes[id]?.kind === 'decision');
      for (const step of best.steps.slice(0, firstDecision + 1)) takeStep(runtime, step);
      // The Commit after the decision stored the bookmark, not the decision: the error stands, with no "error 0".
      expect(errorShown()?.text).toMatch(/^Your progress could not be saved to the learning platform\. Keep/);
      const secondDecision = best.nodes.findIndex(
        (id, index) => index > firstDecision && scenario.nodes[id]?.kind === 'decision',
      );
      for (const step of best.steps.slice(firstDecision + 1, secondDecision)) takeStep(runtime, step);
      expect(errorShown()).toBeDefined();
      refusing.stop();
      takeStep(runtime, best.steps[secondDecision] ?? 0);
      expect(errorShown()).toBeUndefined();
      closePage();
      const cmi = flat(api);
      expect([cmi['cmi.interactions.0.id'], cmi['cmi.interactions.1.id']]).toEqual([
        best.nodes[firstDecision],
        best.nodes[secondDecision],
      ]);
      // Each refusal is noted, naming the element; the commits themselves went through.
      expect(new Set(lmsNotes())).toEqual(new Set(['[LMS] SetValue cmi.interactions.0.id refused']));
    },
  );

  it('in review, lets the learner look around but leaves the recorded result unchanged', () => {
    let api = fresh('scorm2004');
    const first = launch();
    for (const step of best.steps) takeStep(first, step);
    closePage();
    const recorded = flat(api);

    api = relaunch('scorm2004', api);
    (api as unknown as { loadFromJSON: (j: Flat) => void }).loadFromJSON({
      mode: 'review',
      credit: 'no-credit',
    });
    const review = launch();
    expect(review.getState().launch.reviewing).toBe(true);
    expect(review.getState().snapshot.status).toBe('done');
    review.setScreen({ name: 'debrief' });
    closePage();
    const after = flat(api);
    for (const key of Object.keys(recorded).filter((k) => /score|status|interactions|objectives/.test(k))) {
      expect(after[key]).toEqual(recorded[key]);
    }
  });
});
