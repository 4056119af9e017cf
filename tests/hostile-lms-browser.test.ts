// The built zips in real Chromium against an LMS that misbehaves on purpose (tests/browser/hostile-lms.ts):
// scorm-again underneath, wrapped by an API object of our own that offers both standards' objects, refuses
// interaction writes, fails, throws or stalls on Commit, answers "" to every GetValue, refuses Terminate, sends
// a broken mastery score, or had Initialize called already; and a learner who closes the module straight
// after Confirm. Every case ends with a message the learner can see or a correct record in the LMS, nothing
// lost, and Terminate called exactly once.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScormStandardKey } from '../plugins/scorm-standards';
import { decodeProgress } from '../src/lms/suspend-data';
import { analysePaths, type ScenarioPath } from '../src/scenario/analyse-paths';
import type { Scenario } from '../src/scenario/model';
import { t } from '../src/ui/ui-text';
import { type BuiltPackages, buildPackages } from './browser/build-packages';
import { MODULE_TITLE, ModuleDriver } from './browser/frame-driver';
import {
  type ApiStandard,
  type HostileHost,
  type HostileLmsOptions,
  type HostileLmsRecord,
  openWindow,
  startHostileHost,
} from './browser/hostile-lms';
import { type LaunchedChromium, launchChromium } from './browser/launch-chromium';
import { type RequestGuard, recordNonLocalRequests } from './browser/local-requests-only';
import { projectScenario } from './project-scenario';

// Generous: the cases run side by side on a machine whose two cores other work shares.
const STEP_TIMEOUT_MS = 10_000;
const CASE_TIMEOUT_MS = 90_000;
const ZIPS: readonly ScormStandardKey[] = ['scorm12', 'scorm2004-4th'];
/**
 * Longer than the UI's guard against the second half of a double click (src/ui/activation-guard.ts: clicks
 * within 500 ms of a new screen's paint do nothing), counted on the page's own clock from a frame after it.
 */
const PAST_ACTIVATION_GUARD_MS = 550;
/** A screen seen this long ago was painted long enough ago on any machine: no need to wait again. */
const SURELY_PAINTED_MS = 3000;
const POLL = { timeout: STEP_TIMEOUT_MS } as const;

/** The frame driver, acting on a screen only once a learner's click there would count. */
class PatientDriver extends ModuleDriver {
  private arrivedAt = 0;

  override async expectScreen(heading: string): Promise<void> {
    await super.expectScreen(heading);
    this.arrivedAt = Date.now();
  }

  /**
   * Waits until a click on the screen last seen would act: past the module page's next frame (after the
   * screen's paint, however late a busy machine paints it), then the guard's time on the page's own clock.
   */
  async settle(): Promise<void> {
    if (Date.now() - this.arrivedAt > SURELY_PAINTED_MS) return;
    const frame = await this.contentFrame();
    await frame.evaluate(
      (ms) =>
        new Promise<void>((resolve) => {
          requestAnimationFrame(() => setTimeout(resolve, ms));
        }),
      PAST_ACTIVATION_GUARD_MS,
    );
  }

  override async click(name: string): Promise<void> {
    await this.settle();
    await super.click(name);
  }

  override async choose(decisionId: string, index: number): Promise<void> {
    await this.settle();
    await super.choose(decisionId, index);
  }
}

const scenario: Scenario = projectScenario();
const analysis = analysePaths(scenario);
const byLength = [...analysis.paths].sort((a, b) => a.steps.length - b.steps.length);
/** The shortest path: one decision, then an ending (a fail, 0 %). */
const short = required(byLength[0], 'a path');
/** The shortest path with three decisions. */
const threeDecisions = required(
  byLength.find((path) => path.choices.length >= 3),
  'a path with three decisions',
);
const best = required(analysis.recommended, 'a recommended path');
const PASS_MARK_TEXT = `${Math.round(scenario.passMark * 100)} %`;

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`boundaries.yaml has no ${what}.`);
  return value;
}

let built: BuiltPackages;
let host: HostileHost;
let chromium: LaunchedChromium;
let guard: RequestGuard;
/**
 * Pages free for the next case. Cases run side by side (most of their time is waiting out the UI's click
 * guard), each in a page of its own in a window of its own (openWindow), reused by the cases after it.
 */
const freePages: Page[] = [];

beforeAll(async () => {
  built = await buildPackages();
  host = await startHostileHost(built, ZIPS);
  chromium = await launchChromium();
  chromium.context.setDefaultTimeout(STEP_TIMEOUT_MS);
  guard = recordNonLocalRequests(chromium.context);
}, 120_000);

afterAll(async () => {
  await chromium?.close();
  await host?.remove();
  built?.remove();
});

const apiOf = (zip: ScormStandardKey): ApiStandard => (zip === 'scorm12' ? 'scorm12' : 'scorm2004');

/** One case's launch: the page, the module in it, and what went wrong in the page. */
interface Launched {
  readonly page: Page;
  readonly module: PatientDriver;
  readonly problems: string[];
  record(): Promise<HostileLmsRecord>;
  /** What the learner reads in the module's alert region (errors): "" when there is none. */
  alertText(): Promise<string>;
  statusText(): Promise<string>;
  /** Closes the module as an LMS closing its player does; checks Terminate came once, and nothing after. */
  close(): Promise<HostileLmsRecord>;
}

/** Opens the host page in a free page (a new one when none is), installs the hostile LMS and launches `zip`. */
async function withLaunch(
  zip: ScormStandardKey,
  options: Omit<HostileLmsOptions, 'standard' | 'moduleUrl'>,
  body: (launched: Launched) => Promise<void>,
): Promise<void> {
  const page = freePages.pop() ?? (await openWindow(chromium.context));
  const problems: string[] = [];
  const onError = (error: Error) => problems.push(`uncaught: ${error.message}`);
  page.on('pageerror', onError);
  try {
    await host.launch(page, { ...options, standard: apiOf(zip), moduleUrl: host.moduleUrl(zip) });
    const module = new PatientDriver(page, scenario);
    const text = async (selector: string) =>
      ((await module.frame.locator(selector).first().textContent()) ?? '').trim();
    await body({
      page,
      module,
      problems,
      record: () => host.record(page),
      alertText: () => text('[role="alert"]'),
      statusText: () => text('[role="status"]'),
      async close() {
        await host.closeModule(page);
        const record = await host.record(page);
        expect(record.terminates).toBe(1);
        const terminate = record.calls.findIndex((call) => /^(Terminate|LMSFinish)$/.test(call));
        expect(record.calls.slice(terminate + 1)).toEqual([]);
        expect(problems).toEqual([]);
        expect(guard.leaks).toEqual([]);
        return record;
      },
    });
  } finally {
    page.off('pageerror', onError);
    freePages.push(page);
  }
}

type Cmi = Readonly<Record<string, string>>;

/** Every decision of `path` as an interaction, in order, and the score and status the path earns. */
function expectRecord(standard: ApiStandard, cmi: Cmi | null, path: ScenarioPath): void {
  expect(cmi).not.toBeNull();
  const record = cmi ?? {};
  expect(interactionsOf(standard, record)).toEqual(path.choices.map((key) => key.split('.')));
  const percent = Math.round((path.scores.total / analysis.maxScore) * 10000) / 100;
  if (standard === 'scorm12') {
    expect(Number(record['cmi.core.score.raw'])).toBeCloseTo(percent, 2);
    expect(record['cmi.core.lesson_status']).toBe(path.passed ? 'passed' : 'failed');
  } else {
    expect(Number(record['cmi.score.raw'])).toBeCloseTo(percent, 2);
    expect(record['cmi.completion_status']).toBe('completed');
    expect(record['cmi.success_status']).toBe(path.passed ? 'passed' : 'failed');
  }
}

/** [decision, response] per stored interaction, by index. */
function interactionsOf(standard: ApiStandard, cmi: Cmi): [string, string][] {
  const response = standard === 'scorm12' ? 'student_response' : 'learner_response';
  const pairs: [string, string][] = [];
  for (let index = 0; cmi[`cmi.interactions.${index}.id`] !== undefined; index++) {
    pairs.push([
      cmi[`cmi.interactions.${index}.id`] ?? '',
      cmi[`cmi.interactions.${index}.${response}`] ?? '',
    ]);
  }
  return pairs;
}

describe.concurrent('the built zips against a hostile LMS', () => {
  describe('an LMS frame that offers both API objects', () => {
    it.each([
      ['scorm12', 'accepts'],
      ['scorm12', 'refuses-initialize'],
      ['scorm2004-4th', 'refuses-initialize'],
    ] as const)(
      'the %s package talks only to its own standard’s API, though the other object %s',
      (zip, other) =>
        withLaunch(zip, { otherApi: other }, async (lms) => {
          await lms.module.play(short);
          expect(await lms.alertText()).toBe('');
          const record = await lms.close();
          expect(record.otherCalls).toEqual([]);
          expectRecord(apiOf(zip), record.stored, short);
        }),
      CASE_TIMEOUT_MS,
    );
  });

  describe('an LMS that refuses interaction writes', () => {
    it(
      'keeps the error on show until the refused decision is stored, then stores every decision in order',
      () =>
        withLaunch('scorm2004-4th', { refuseInteractions: true }, async (lms) => {
          const [firstDecision] = threeDecisions.nodes.filter(
            (id) => scenario.nodes[id]?.kind === 'decision',
          );
          let phase: 'refusing' | 'stuck' | 'through' | 'done' = 'refusing';
          await lms.module.play(threeDecisions, async (stop) => {
            if (stop.screen === 'feedback' && stop.node.id === firstDecision) {
              // The Commit after the decision stores the bookmark, not the decision: the error must stay.
              await expect.poll(() => lms.alertText(), POLL).toMatch(/could not be saved/);
              await expect.poll(async () => (await lms.record()).stored?.['cmi.location'], POLL).toBeTruthy();
              expect(interactionsOf('scorm2004', (await lms.record()).stored ?? {})).toEqual([]);
              phase = 'stuck';
            } else if (phase === 'stuck' && stop.screen === 'node') {
              // A screen later, with no decision stored yet, it is still there; and never "error 0".
              expect(await lms.alertText()).toMatch(
                /could not be saved to the learning platform \(error 351\)/,
              );
              await host.letInteractionsThrough(lms.page);
              phase = 'through';
            } else if (phase === 'through' && stop.screen === 'feedback') {
              await expect.poll(() => lms.alertText(), POLL).toBe('');
              phase = 'done';
            }
          });
          expect(phase).toBe('done');
          const record = await lms.close();
          expectRecord('scorm2004', record.stored, threeDecisions);
        }),
      CASE_TIMEOUT_MS,
    );

    it(
      'that refuses them for good: the learner is told to the end, and the rest of the record is stored',
      () =>
        withLaunch('scorm12', { refuseInteractions: true }, async (lms) => {
          await lms.module.play(short);
          expect(await lms.alertText()).toMatch(
            /^Your progress could not be saved to the learning platform \(error 101\)\./,
          );
          const record = await lms.close();
          expect(interactionsOf('scorm12', record.stored ?? {})).toEqual([]);
          expect(record.stored?.['cmi.core.lesson_status']).toBe('failed');
          expect(record.stored?.['cmi.core.score.raw']).toBe('0');
        }),
      CASE_TIMEOUT_MS,
    );
  });

  describe('an LMS whose Commit fails', () => {
    it.each([
      ['scorm2004-4th', 'false', /\(error 101\)\./],
      ['scorm12', 'throw', /^Your progress could not be saved to the learning platform\. Keep/],
    ] as const)(
      '%s, Commit %s: the learner sees the error, and Terminate stores the whole record',
      (zip, commit, message) =>
        withLaunch(zip, { commit }, async (lms) => {
          await lms.module.play(short);
          expect(await lms.alertText()).toMatch(message);
          // Only Initialize stored anything before the close.
          expect(interactionsOf(apiOf(zip), (await lms.record()).stored ?? {})).toEqual([]);
          const record = await lms.close();
          expectRecord(apiOf(zip), record.stored, short);
        }),
      CASE_TIMEOUT_MS,
    );

    it(
      'slowly (each Commit a 2 s synchronous busy-wait): nothing is lost or sent twice, and no error shows',
      () =>
        withLaunch('scorm2004-4th', { commit: 'slow' }, async (lms) => {
          await lms.module.play(short);
          expect(await lms.alertText()).toBe('');
          const record = await lms.close();
          expectRecord('scorm2004', record.stored, short);
          expect(record.calls.filter((call) => call === 'SetValue cmi.interactions.0.id')).toHaveLength(1);
        }),
      CASE_TIMEOUT_MS,
    );
  });

  describe('an LMS that answers badly', () => {
    it(
      'GetValue "" for everything: the module starts afresh and records the whole path',
      () =>
        withLaunch('scorm12', { emptyGets: true }, async (lms) => {
          await lms.module.play(short);
          expect(await lms.alertText()).toBe('');
          expectRecord('scorm12', (await lms.close()).stored, short);
        }),
      CASE_TIMEOUT_MS,
    );

    it(
      'Terminate "false": called once, not retried, and the Commit before it has stored the whole record',
      () =>
        withLaunch('scorm2004-4th', { terminate: 'false' }, async (lms) => {
          await lms.module.play(short);
          expect(await lms.alertText()).toBe('');
          const record = await lms.close();
          expect(record.calls.filter((call) => call === 'Terminate')).toEqual(['Terminate']);
          expectRecord('scorm2004', record.stored, short);
        }),
      CASE_TIMEOUT_MS,
    );

    it.each(['-5', '101', 'abc', '0x1'])(
      'mastery score %j: ignored, the package’s own pass mark shows and decides the status',
      (masteryScore) =>
        withLaunch('scorm12', { gets: { 'cmi.student_data.mastery_score': masteryScore } }, async (lms) => {
          await lms.module.play(short);
          const passMark = lms.module.frame.locator('dt', { hasText: t('passMarkLabel') }).locator('+ dd');
          expect(((await passMark.first().textContent()) ?? '').trim()).toBe(PASS_MARK_TEXT);
          expectRecord('scorm12', (await lms.close()).stored, short);
        }),
      CASE_TIMEOUT_MS,
    );

    it.each(['scorm12', 'scorm2004-4th'] as const)(
      '%s, Initialize called by the LMS already: the module uses the open session and terminates it once',
      (zip) =>
        withLaunch(zip, { initializedByLms: true }, async (lms) => {
          await lms.module.play(short);
          // Neither "nothing is being recorded" nor an error: the session is the LMS's, and it records.
          expect(await lms.statusText()).toBe('');
          expect(await lms.alertText()).toBe('');
          expectRecord(apiOf(zip), (await lms.close()).stored, short);
        }),
      CASE_TIMEOUT_MS,
    );
  });

  describe('a learner who closes the module straight after Confirm', () => {
    it(
      'still has the decision recorded, the place saved and the attempt left to resume',
      () =>
        withLaunch('scorm2004-4th', {}, async (lms) => {
          const { module, page } = lms;
          const decisionAt = best.nodes.findIndex((id) => scenario.nodes[id]?.kind === 'decision');
          const decision = scenario.nodes[best.nodes[decisionAt] ?? ''];
          if (decision?.kind !== 'decision') throw new Error('the best path has no decision');
          const choice = decision.choices[best.steps[decisionAt] ?? -1];
          if (!choice) throw new Error('no choice on the best path');
          await module.expectScreen(MODULE_TITLE);
          await module.click(t('start'));
          for (const nodeId of best.nodes.slice(0, decisionAt)) {
            await module.expectScreen(scenario.nodes[nodeId]?.title ?? '');
            await module.click(t('continue'));
          }
          await module.expectScreen(decision.title);
          await module.settle();
          await module.frame.getByRole('radio', { name: choice.label, exact: true }).check();
          // Confirm and close in one task: the page goes before the module's next paint, when it would record.
          await page.evaluate((label) => {
            const frame = document.getElementById('sco-frame') as HTMLIFrameElement;
            const buttons = [...(frame.contentDocument?.querySelectorAll('button') ?? [])];
            buttons.find((button) => button.textContent?.trim() === label)?.click();
            frame.remove();
          }, t('confirmChoice'));
          const record = await lms.close();
          const stored = record.stored ?? {};
          expect(interactionsOf('scorm2004', stored)).toEqual([[decision.id, choice.id]]);
          expect(stored['cmi.exit']).toBe('suspend');
          const progress = decodeProgress(stored['cmi.suspend_data'] ?? '');
          expect(progress.ok && progress.value.steps).toEqual(best.steps.slice(0, decisionAt + 1));
        }),
      CASE_TIMEOUT_MS,
    );
  });
});
