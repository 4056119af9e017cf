// The packages we ship, in real Chromium: one real build, each zip unzipped by the preview LMS as an LMS would
// on upload, the module played in its iframe by clicking. Checks the CMI record each path leaves, one Commit per
// decision, resuming after a close at every stage, review mode, WCAG 2.2 AA on every screen, and that nothing
// is fetched from anywhere but the package's own origin.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScormStandardKey } from '../plugins/scorm-standards';
import type { ApiCall } from '../preview/app/lms-api';
import type { PreviewLmsHooks } from '../preview/app/preview-lms';
import { buildPreviewApp } from '../preview/build-preview-app';
import { loadPackageZips } from '../preview/load-package-zips';
import { type RunningPreviewServer, startPreviewServer } from '../preview/server';
import { analysePaths, type ScenarioPath } from '../src/scenario/analyse-paths';
import type { Scenario } from '../src/scenario/model';
import { stageOfNode } from '../src/scenario/stages';
import { t } from '../src/ui/ui-text';
import { type BuiltPackages, buildPackages } from './browser/build-packages';
import { closePreviewPage } from './browser/close-preview-page';
import { ModuleDriver, type ScreenStop } from './browser/frame-driver';
import { type LaunchedChromium, launchChromium } from './browser/launch-chromium';
import { type RequestGuard, recordNonLocalRequests } from './browser/local-requests-only';
import {
  expectFinalRecord as expectRecord,
  interactionIds,
  type RecordStandard,
  responseKey,
} from './expected-final-record.ts';
import { projectScenario } from './project-scenario';

const require = createRequire(import.meta.url);
const SCREENSHOTS = join(import.meta.dirname, 'screenshots', 'preview');
const STANDARDS: readonly ScormStandardKey[] = ['scorm12', 'scorm2004-3rd', 'scorm2004-4th'];
const STEP_TIMEOUT_MS = 5000;
const TEST_TIMEOUT_MS = 30_000;
/** module-runtime.ts saves a typed reflection 1.5 s after the last key; wait past it before judging review. */
const REFLECTION_SAVE_WAIT_MS = 1800;
/** A decision's record, bookmark, suspend data and Commit (lms-scorm2004-session.test.ts counts 12). */
const MAX_CALLS_PER_DECISION = 12;
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const scenario: Scenario = projectScenario();
const analysis = analysePaths(scenario);
const byScore = [...analysis.paths].sort((a, b) => a.scores.total - b.scores.total);
const best = required(analysis.recommended, 'a recommended path');
const worst = required(byScore[0], 'a path');
// Passes without being the recommended path: the score sits just over the pass mark.
const mixed = required(
  byScore.find((path) => path.passed && path !== best),
  'a passing path other than the recommended one',
);
const NAMED_PATHS = [
  ['best', best],
  ['worst', worst],
  ['mixed', mixed],
] as const;

/** The classes of the choices along `path`, so the named paths can be shown to record every kind of result. */
function classesOn(path: ScenarioPath): string[] {
  return path.choices.map((key) => {
    const [decisionId = '', choiceId = ''] = key.split('.');
    const decision = scenario.nodes[decisionId];
    return decision?.kind === 'decision'
      ? (decision.choices.find((c) => c.id === choiceId)?.class ?? '')
      : '';
  });
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`boundaries.yaml has no ${what}.`);
  return value;
}

/** Flat CMI data, element → value, as the preview stores it. */
type Cmi = ReturnType<PreviewLmsHooks['getCmi']>;

const describePath = (path: ScenarioPath) => `${path.choices.join(' → ')} → ${path.ending}`;

let built: BuiltPackages;
let server: RunningPreviewServer;
let chromium: LaunchedChromium;
let guard: RequestGuard;
const requested: string[] = [];
const packageNames = new Map<ScormStandardKey, string>();

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  built = await buildPackages();
  const packages = await loadPackageZips(STANDARDS.map((standard) => built.zip(standard)));
  for (const standard of STANDARDS) {
    const found = packages.find((p) => p.info.standard === standard);
    if (!found) throw new Error(`The ${standard} zip did not open as a ${standard} package.`);
    packageNames.set(standard, found.info.name);
  }
  server = await startPreviewServer({ packages, app: await buildPreviewApp() }, 0);
  chromium = await launchChromium();
  chromium.context.setDefaultTimeout(STEP_TIMEOUT_MS);
  guard = recordNonLocalRequests(chromium.context);
  chromium.context.on('request', (request) => requested.push(request.url()));
}, 60_000);

afterAll(async () => {
  await chromium?.close();
  await server?.close();
  built?.remove();
});

interface Opened {
  readonly page: Page;
  readonly module: ModuleDriver;
  readonly problems: string[];
}

async function openPreview(standard: ScormStandardKey): Promise<Opened> {
  const page = await chromium.context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  // The stored attempt lives in this origin's localStorage: clear it from a page that launches no module.
  await page.goto(`${server.url}api/packages`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${server.url}?package=${packageNames.get(standard)}`);
  return { page, module: new ModuleDriver(page, scenario), problems };
}

async function finish({ page, problems }: Opened): Promise<void> {
  expect(problems).toEqual([]);
  expect(guard.leaks).toEqual([]);
  const foreign = requested.filter((url) => {
    const { protocol, origin } = new URL(url);
    return !['data:', 'blob:', 'about:'].includes(protocol) && `${origin}/` !== server.url;
  });
  expect(foreign).toEqual([]);
  await closePreviewPage(page);
}

interface PreviewHooks {
  stored(): Promise<Cmi>;
  live(): Promise<Cmi>;
  calls(): Promise<ApiCall[]>;
  relaunch(): Promise<void>;
  review(): Promise<void>;
  browse(): Promise<void>;
}

/** `window.previewLms`, the preview page's test hooks (each function runs in the page). */
function hooks(page: Page): PreviewHooks {
  return {
    stored: () => page.evaluate(() => window.previewLms?.getStored()?.cmi ?? {}),
    live: () => page.evaluate(() => window.previewLms?.getCmi() ?? {}),
    calls: () => page.evaluate(() => [...(window.previewLms?.calls ?? [])]),
    relaunch: () => page.evaluate(() => window.previewLms?.relaunch()),
    review: () => page.evaluate(() => window.previewLms?.review()),
    browse: () => page.evaluate(() => window.previewLms?.browse()),
  };
}

/** The LMS has stored the final result (the module sends it with the last decision's Commit). */
async function finalRecord(page: Page, standard: ScormStandardKey): Promise<Cmi> {
  const status = standard === 'scorm12' ? 'cmi.core.lesson_status' : 'cmi.completion_status';
  const done = standard === 'scorm12' ? ['passed', 'failed'] : ['completed'];
  await expect
    .poll(async () => (await hooks(page).stored())[status])
    .toSatisfy((v) => done.includes(String(v)));
  return hooks(page).stored();
}

const recordStandard = (standard: ScormStandardKey): RecordStandard =>
  standard === 'scorm12' ? 'scorm12' : 'scorm2004';

/** The record `tests/module-every-path.test.ts` expects, as it arrived through the real zip and browser. */
function expectFinalRecord(standard: ScormStandardKey, cmi: Cmi, path: ScenarioPath) {
  expectRecord(recordStandard(standard), cmi, path, scenario, analysis.maxScore);
}

const isSet = (call: ApiCall) => /SetValue$/.test(call.method);
const isCommit = (call: ApiCall) => /^(LMS)?Commit$/.test(call.method);
/** What the scenario's end adds to the last decision's calls: score, statuses, objectives, exit. */
const FINAL_RESULT_ELEMENT =
  /^cmi\.(core\.)?(score\.|lesson_status|exit|objectives\.)|^cmi\.(completion_status|success_status|progress_measure)$/;

/** The module's calls from each decision's `interactions.n.id` up to the next decision's. */
function callsPerDecision(calls: readonly ApiCall[]): ApiCall[][] {
  const starts = calls.flatMap((call, index) =>
    isSet(call) && /^cmi\.interactions\.\d+\.id$/.test(call.element ?? '') ? [index] : [],
  );
  return starts.map((start, k) => calls.slice(start, starts[k + 1] ?? calls.length));
}

/**
 * One Commit per decision (module-runtime.ts), and no more calls than the decision's own record, bookmark, suspend
 * data and Commit; the last decision also carries the final result, which is not counted.
 */
function expectOneCommitPerDecision(allCalls: readonly ApiCall[], path: ScenarioPath): void {
  const calls = allCalls.filter((call) => call.by === 'module');
  expect(calls.filter((call) => !/GetValue$/.test(call.method) && call.errorCode !== '0')).toEqual([]);
  const perDecision = callsPerDecision(calls);
  expect(perDecision).toHaveLength(path.choices.length);
  const own = perDecision.map((list) =>
    list.filter((call) => !(isSet(call) && FINAL_RESULT_ELEMENT.test(call.element ?? ''))).map(formatCall),
  );
  const report = own.map((list) => list.join('\n')).join('\n\n');
  expect(
    perDecision.map((list) => list.filter(isCommit).length),
    report,
  ).toEqual(perDecision.map(() => 1));
  expect(Math.max(...own.map((list) => list.length)), report).toBeLessThanOrEqual(MAX_CALLS_PER_DECISION);
}

const formatCall = (call: ApiCall) =>
  `${call.method}(${[call.element, call.value].filter((v) => v).join(', ')})`;

/** Arrived on the screen a relaunch test closes the module at, and what it is called there. */
function relaunchPoint(stop: ScreenStop): string | null {
  const stage = 'node' in stop ? stageOfNode(scenario, stop.node)?.number : undefined;
  if (stop.screen === 'feedback' && (stage === 1 || stage === 2)) {
    return `after the stage ${stage} decision`;
  }
  if (stop.screen === 'node' && stop.node.kind === 'scene' && stage === 3) return 'on a stage 3 scene';
  return null;
}

/** Choices made before leaving `stop`. */
function answeredAt(path: ScenarioPath, stop: ScreenStop): readonly string[] {
  if (stop.screen !== 'node' && stop.screen !== 'feedback') return [];
  const upTo = stop.stepIndex + (stop.screen === 'feedback' ? 1 : 0);
  const decisions = path.nodes.slice(0, upTo).filter((id) => scenario.nodes[id]?.kind === 'decision');
  return path.choices.slice(0, decisions.length);
}

it('plays named paths that between them make a recommended, an acceptable and a poor choice', () => {
  const classes = new Set(NAMED_PATHS.flatMap(([, path]) => classesOn(path)));
  expect([...classes].sort()).toEqual(['acceptable', 'poor', 'recommended']);
});

describe.each<ScormStandardKey>(['scorm12', 'scorm2004-4th'])('%s package in the preview LMS', (standard) => {
  it.each(NAMED_PATHS)(
    `records the %s path with its score, status, interactions and objectives, one Commit and at most ${MAX_CALLS_PER_DECISION} calls per decision`,
    async (kind, path) => {
      const opened = await openPreview(standard);
      await opened.module.play(path);
      // The LMS records the attempt: no offer to start again, which would overwrite it.
      expect(await opened.module.frame.getByRole('button', { name: t('restart') }).count()).toBe(0);
      const lms = hooks(opened.page);
      const stored = await finalRecord(opened.page, standard);
      expectFinalRecord(standard, stored, path);
      expectFinalRecord(standard, await lms.live(), path);
      expectOneCommitPerDecision(await lms.calls(), path);
      if (kind === 'best') {
        await opened.page.screenshot({
          path: join(SCREENSHOTS, `preview-trainer-view-${standard}.png`),
          fullPage: true,
        });
      }
      await finish(opened);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    `resumes on the same screen with the same answers after a close and relaunch at each stage (${describePath(mixed)})`,
    async () => {
      const opened = await openPreview(standard);
      const { module, page } = opened;
      const lms = hooks(page);
      const entry = standard === 'scorm12' ? 'cmi.core.entry' : 'cmi.entry';
      const relaunchedAt: string[] = [];
      await module.play(mixed, async (stop) => {
        const point = relaunchPoint(stop);
        if (point === null || relaunchedAt.includes(point)) return;
        relaunchedAt.push(point);
        const before = await module.screenText();
        await lms.relaunch();
        await module.expectScreen(before.heading);
        expect(await module.screenText(), point).toEqual(before);
        expect((await lms.live())[entry], point).toBe('resume');
        const calls = await lms.calls();
        const launch = Math.max(...calls.map((call) => call.launch));
        const read = calls.find((call) => call.launch === launch && call.element === entry);
        expect(read?.returned, `the module read ${entry} ${point}`).toBe('resume');
        const stored = await lms.stored();
        const answered = answeredAt(mixed, stop).map((key) => key.split('.'));
        expect(interactionIds(stored), point).toHaveLength(answered.length);
        answered.forEach(([decisionId, choiceId], index) => {
          expect(stored[`cmi.interactions.${index}.id`], point).toBe(decisionId);
          expect(stored[responseKey(recordStandard(standard), index)], point).toBe(choiceId);
        });
      });
      expect(relaunchedAt).toEqual([
        'after the stage 1 decision',
        'after the stage 2 decision',
        'on a stage 3 scene',
      ]);
      expectFinalRecord(standard, await finalRecord(page, standard), mixed);
      await finish(opened);
    },
    TEST_TIMEOUT_MS,
  );

  it.each(['review', 'browse'] as const)(
    'in %s mode opens on the debrief, lets the learner look around and leaves every stored value as it was',
    async (mode) => {
      const opened = await openPreview(standard);
      const { module, page } = opened;
      const lms = hooks(page);
      await module.play(best);
      const final = await finalRecord(page, standard);
      // A finished 2004 attempt stays suspended (gpb:scorm2004ExitWhenFinished), so Moodle hands it back.
      expect(final[standard === 'scorm12' ? 'cmi.core.exit' : 'cmi.exit']).toBe(
        standard === 'scorm12' ? '' : 'suspend',
      );
      // The first look closes the learner's own session (its pagehide stores time and place): the record
      // as it stands from then on is what the second look must leave alone.
      await lms[mode]();
      await module.expectScreen(t('debriefHeading'));
      const recorded = storedBySco(await lms.stored());

      const lookLaunch = Math.max(...(await lms.calls()).map((call) => call.launch)) + 1;
      await lms[mode]();
      await module.expectScreen(t('debriefHeading'));
      await expect.poll(() => module.frame.getByText(t('reviewBanner')).isVisible()).toBe(true);
      await module.toReflection();
      await module.typeReflection('In review: a second look at the car park.');
      await page.waitForTimeout(REFLECTION_SAVE_WAIT_MS);
      await module.toCertificate();
      expect(await module.frame.getByRole('button', { name: t('restart') }).count()).toBe(0);
      expect(await page.locator('#review-check').getAttribute('data-changed')).toBe('false');
      await page.screenshot({ path: join(SCREENSHOTS, `preview-${mode}-${standard}.png`), fullPage: true });

      // Closing the look (another look closes it) runs the module's pagehide: Terminate, and nothing else.
      await lms[mode]();
      const calls = (await lms.calls()).filter((call) => call.launch === lookLaunch && call.by === 'module');
      expect(calls.filter((call) => isSet(call) || isCommit(call)).map(formatCall)).toEqual([]);
      expect(calls.filter((call) => /^(LMSFinish|Terminate)$/.test(call.method))).toHaveLength(1);
      const after = storedBySco(await lms.stored());
      expect(after).toEqual(recorded);
      expect(interactionIds(after)).toHaveLength(best.choices.length);
      await finish(opened);
    },
    TEST_TIMEOUT_MS,
  );
});

/**
 * The stored record without what the preview sets afresh on each launch (entry, mode, credit, the learner, the
 * pass mark, and exit and session_time, which it does not carry over): what an LMS keeps of the attempt, total
 * time included. The looks' own calls show they set neither exit nor session_time.
 */
function storedBySco(cmi: Cmi): Cmi {
  const perLaunch =
    /^cmi\.(core\.)?(entry|lesson_mode|mode|credit|student_id|student_name|learner_id|learner_name|exit|session_time)$|^cmi\.student_data\.|^cmi\.scaled_passing_score$/;
  return Object.fromEntries(Object.entries(cmi).filter(([key]) => !perLaunch.test(key)));
}

describe('closing the module on the reflection screen', () => {
  it(
    'keeps the reflection typed just before the window closes',
    async () => {
      const opened = await openPreview('scorm2004-4th');
      const { module, page } = opened;
      const lms = hooks(page);
      await module.play(worst);
      await module.toReflection();
      const text = 'I would say no clearly, and write it down the same day.';
      await module.typeReflection(text);
      // Closed at once, as a learner closing the LMS window after the last sentence: the module's pagehide runs.
      await lms.review();
      expect((await lms.stored())['cmi.comments_from_learner.0.comment']).toBe(text);
      await finish(opened);
    },
    TEST_TIMEOUT_MS,
  );
});

describe('scorm2004-3rd package in the preview LMS', () => {
  it(
    'records the best path with its score, status, interactions and objectives',
    async () => {
      const opened = await openPreview('scorm2004-3rd');
      await opened.module.play(best);
      expectFinalRecord('scorm2004-3rd', await finalRecord(opened.page, 'scorm2004-3rd'), best);
      await finish(opened);
    },
    TEST_TIMEOUT_MS,
  );
});

type AxeViolation = AxeResults['violations'][number];

async function axeViolations(frame: Frame, axeSource: string, screen: string): Promise<string[]> {
  // Through the DevTools protocol: the module's CSP rightly refuses an injected <script>.
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(axeSource);
  const { violations, rulesPassed } = await frame.evaluate(async (tags) => {
    const { axe } = window as unknown as { axe: typeof import('axe-core') };
    const results = await axe.run(document, { runOnly: tags });
    return { violations: results.violations, rulesPassed: results.passes.length };
  }, WCAG_TAGS);
  if (rulesPassed === 0) return [`${screen}: axe passed no rule at all, so it checked nothing`];
  return violations.map(
    (v: AxeViolation) =>
      `${screen}: ${v.id} (${v.impact ?? 'no impact'}) ${v.help}\n${v.nodes
        .map((node) => `    ${node.target.join(' ')}: ${node.failureSummary ?? ''}`)
        .join('\n')}`,
  );
}

describe('accessibility of the shipped module', () => {
  it(
    'has no axe-core WCAG 2.2 A/AA violations on any screen of a path, the decision error and the end screens',
    async () => {
      const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
      const opened = await openPreview('scorm2004-4th');
      const { module } = opened;
      const report: string[] = [];
      const checked: string[] = [];
      const check = async (screen: string) => {
        report.push(...(await axeViolations(await module.contentFrame(), axeSource, screen)));
        checked.push(screen);
      };
      let errorShown = false;
      await module.play(best, async (stop) => {
        const name =
          stop.screen === 'node' || stop.screen === 'feedback'
            ? `${stop.screen} ${stop.node.id}`
            : stop.screen;
        await check(name);
        if (stop.screen === 'node' && stop.node.kind === 'decision' && !errorShown) {
          errorShown = true;
          await module.click(t('confirmChoice'));
          await module.frame.getByText(t('noChoiceError')).waitFor();
          await check(`${name} with the no-choice error`);
        }
      });
      await module.toReflection();
      await check('reflection');
      await module.toCertificate();
      await check('certificate');
      expect(report.join('\n\n')).toBe('');
      // Start, each step's screen, each feedback, the error, the ending, debrief, reflection, certificate.
      expect(checked).toHaveLength(1 + best.steps.length + best.choices.length + 1 + 1 + 3);
      await finish(opened);
    },
    TEST_TIMEOUT_MS,
  );
});
