/**
 * The cmi5 package we ship, against the real thing: the built zip imported into ADL's CATAPULT cmi5 player
 * through its API, launched in headless Chromium in an LMS page's frame, and the statements read back from ADL
 * LRS by registration. The player checks every request against the cmi5 rules and answers 403 with the
 * requirement's id when one is broken: no such answer may come (one browser, one build, one import).
 *
 * Runs only with the LRS kit's variables (LRS_ENDPOINT, PLAYER_URL, …, from ../shared/lrs/up.sh; .ci/run sets
 * them); without them it says so loudly and does not run. The fault test (the LRS stopped mid-path) needs
 * LRS_KIT_DIR and STATE_DIR as well, to stop the LRS by its pid and start it again with the kit's up.sh.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readModuleIdentity } from '../plugins/module-identity';
import { cmi5ZipFileName } from '../plugins/package-cmi5-zip';
import { encodeProgress } from '../src/lms/suspend-data';
import { CHOICE_CLASS_EXTENSION, PROGRESS_STATE_ID } from '../src/lms/xapi-iris';
import { analysePaths, type ScenarioPath } from '../src/scenario/analyse-paths';
import type { Scenario } from '../src/scenario/model';
import { t } from '../src/ui/ui-text';
import { type BuiltPackages, buildPackages } from './browser/build-packages';
import {
  type Kit,
  kitFromEnv,
  type Launch,
  Player,
  putState,
  type Statement,
  serveLmsPage,
  statementsOf,
  verbOf,
  warnKitMissing,
} from './browser/cmi5-kit';
import { restartLrs, stopLrs } from './browser/cmi5-lrs-outage';
import { ModuleDriver } from './browser/frame-driver';
import { type LaunchedChromium, launchChromium } from './browser/launch-chromium';
import { percentOf } from './expected-final-record';
import { projectScenario } from './project-scenario';

const env = kitFromEnv();
const kit = 'missing' in env ? null : env;
if ('missing' in env)
  warnKitMissing('tests/cmi5-player.test.ts (the cmi5 package in CATAPULT + ADL LRS)', env.missing);
const canRestartLrs = Boolean(kit?.kitDir && kit.stateDir);
if (kit && !canRestartLrs)
  warnKitMissing('the LRS outage test of tests/cmi5-player.test.ts', [
    'LRS_KIT_DIR and STATE_DIR (to restart the LRS)',
  ]);

const identity = readModuleIdentity('imsmanifest.xml');
const scenario: Scenario = projectScenario();
const analysis = analysePaths(scenario);
const byScore = [...analysis.paths].sort((a, b) => a.scores.total - b.scores.total);
const best = analysis.recommended as ScenarioPath;
const worst = byScore[0] as ScenarioPath;
const mixed = byScore.find((p) => p.passed && p !== best) as ScenarioPath;
const STEP_TIMEOUT_MS = 8000;

let built: BuiltPackages;
let player: Player;
let chromium: LaunchedChromium;
let lmsPage: (launchUrl: string) => string;
/**
 * Every refusal the player gave the AU in the current test: a 4xx other than the 404 of a document not there
 * yet, and other than 409, the LRS's "I hold a statement with this id already", which is how a statement sent
 * again after a close without seeing its answer is known to be stored (src/lms/xapi-outbox.ts).
 */
const refusals: string[] = [];
/** The AU's requests to the LRS, for the figures per decision. */
const lrsRequests: { method: string; url: string; bytes: number; verbs: string[] }[] = [];

describe.skipIf(kit === null)('the cmi5 package in ADL’s CATAPULT player, recorded in ADL LRS', () => {
  const k = kit as Kit;

  beforeAll(async () => {
    built = await buildPackages();
    player = new Player(k);
    await player.importCourse(path.join(path.dirname(built.webDir), cmi5ZipFileName(identity)));
    chromium = await launchChromium();
    chromium.context.setDefaultTimeout(STEP_TIMEOUT_MS);
    lmsPage = await serveLmsPage(chromium.context, k);
    chromium.context.on('request', (request) => {
      if (!request.url().startsWith(`${k.playerUrl}/lrs/`)) return;
      const body = request.postData() ?? '';
      const sent = request.url().includes('/lrs/statements') && body ? [JSON.parse(body)].flat() : [];
      lrsRequests.push({
        method: request.method(),
        url: request.url(),
        bytes: Buffer.byteLength(body),
        verbs: sent.map((statement: Statement) => verbOf(statement)),
      });
    });
    chromium.context.on('response', async (response) => {
      const status = response.status();
      const expected404 = status === 404 && response.request().method() === 'GET';
      if (status === 409) return;
      if (response.url().startsWith(`${k.playerUrl}/lrs/`) && status >= 400 && status < 500 && !expected404)
        refusals.push(
          `${status} ${response.request().method()} ${response.url()}: ${await response.text().catch(() => '')}`,
        );
    });
  }, 120_000);

  beforeEach(() => {
    refusals.length = 0;
  });

  afterAll(async () => {
    await chromium?.close();
    built?.remove();
  });

  it('records the best path: one answered statement per decision, completed, passed; a review adds no result', async () => {
    const launch = await player.launch('best');
    const { page, module } = await open(launch);
    const before = lrsRequests.length;
    await module.play(best);
    await leave(page);
    const statements = await settled(launch.registration, 1);
    expectSession(statements, best, 1);
    expectDecisions(statements, best);
    reportFigures(lrsRequests.slice(before), best);

    // Review: the debrief again, and nothing sent that changes the result (initialized and terminated only).
    const review = await player.launch('best', { registration: launch.registration, launchMode: 'Review' });
    const reviewed = await open(review);
    await reviewed.module.expectScreen(t('debriefHeading'));
    await leave(reviewed.page);
    const after = await settled(launch.registration, 2);
    expect(after.slice(statements.length).map(verbOf)).toEqual(['launched', 'initialized', 'terminated']);
    expect(refusals).toEqual([]);
  }, 90_000);

  it('records the worst path, opened on its last decision: failed, with the SCORM 1.2 score', async () => {
    const launch = await player.launch('worst');
    const last = lastDecisionIndex(worst);
    await seedPlace(launch, worst, last);
    const { page, module } = await open(launch);
    await playFrom(module, worst, last);
    await leave(page);
    const statements = await settled(launch.registration, 1);
    expectSession(statements, worst, 1);
    expectDecisions(statements, worst, last);
    expect(refusals).toEqual([]);
  }, 60_000);

  it('resumes the mixed path on the same screen after a close, and records each decision once', async () => {
    const launch = await player.launch('mixed');
    const { page, module } = await open(launch);
    let decisions = 0;
    let resumedOn = '';
    await module.play(mixed, async (stop) => {
      if (stop.screen !== 'feedback' || ++decisions !== 2) return;
      const before = await module.screenText();
      await leave(page);
      await settled(launch.registration, 1);
      const again = await player.launch('mixed', { registration: launch.registration });
      await page.goto(lmsPage(again.url));
      await module.expectScreen(t('feedbackHeading'));
      resumedOn = (await module.screenText()).main;
      expect(resumedOn).toBe(before.main);
    });
    expect(resumedOn).not.toBe('');
    await leave(page);
    const statements = await settled(launch.registration, 2);
    expectSession(statements, mixed, 2);
    expectDecisions(statements, mixed);
    expect(refusals).toEqual([]);
  }, 120_000);

  it('runs standalone with a notice when its launch URL is opened a second time (fetch URL already used)', async () => {
    const launch = await player.launch('twice');
    const first = await open(launch);
    await first.module.expectScreen(identity.title);
    await leave(first.page);
    const { page, module } = await open(launch);
    await module.expectScreen(identity.title);
    await expect
      .poll(() => module.frame.getByRole('status').textContent())
      .toContain(t('noticeInitializeRefused'));
    await leave(page);
    expect(refusals).toEqual([]);
  }, 60_000);

  it.skipIf(!canRestartLrs)(
    'loses and duplicates nothing when the LRS stops mid-path and starts again',
    async () => {
      const launch = await player.launch('outage');
      const first = best.steps.findIndex((_, i) => scenario.nodes[best.nodes[i] ?? '']?.kind === 'decision');
      await seedPlace(launch, best, first);
      const { page, module } = await open(launch);
      const node = scenario.nodes[best.nodes[first] ?? ''];
      await module.expectScreen(node?.title ?? '');
      await stopLrs(k);
      try {
        await module.choose(node?.id ?? '', best.steps[first] ?? 0);
        await expect
          .poll(() => module.frame.getByRole('alert').textContent(), { timeout: 15_000 })
          .toMatch(/could not be saved/);
      } finally {
        await restartLrs(k);
      }
      await expect.poll(() => module.frame.getByRole('alert').textContent(), { timeout: 40_000 }).toBe('');
      await module.click(t('continue'));
      await leave(page);
      const statements = await settled(launch.registration, 1);
      const answered = statements.filter((s) => verbOf(s) === 'answered');
      expect(answered.map((s) => (s.object as { id: string }).id)).toEqual([
        expect.stringMatching(`:decision:${node?.id}$`),
      ]);
      expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
      expect(refusals).toEqual([]);
    },
    90_000,
  );
});

async function open(launch: Launch): Promise<{ page: Page; module: ModuleDriver }> {
  const page = await chromium.context.newPage();
  await page.goto(lmsPage(launch.url));
  return { page, module: new ModuleDriver(page, scenario) };
}

/** The learner leaves: the AU's page goes, so it sends what is left and terminated (keepalive). */
async function leave(page: Page): Promise<void> {
  await page.goto('about:blank');
}

/** The statements of a registration once its `sessions` sessions have all terminated. */
async function settled(registration: string, sessions: number): Promise<Statement[]> {
  const k = kit as Kit;
  let statements: Statement[] = [];
  await expect
    .poll(
      async () => {
        statements = await statementsOf(k, registration);
        return statements.filter((s) => verbOf(s) === 'terminated').length;
      },
      { timeout: 20_000 },
    )
    .toBe(sessions);
  return statements;
}

/** The cmi5 statements of `sessions` sessions, and a result equal to what SCORM 1.2 records for the path. */
function expectSession(statements: Statement[], path: ScenarioPath, sessions: number): void {
  const verbs = statements.map(verbOf);
  const count = (verb: string) => verbs.filter((v) => v === verb).length;
  expect(count('launched')).toBe(sessions);
  expect(count('initialized')).toBe(sessions);
  expect(count('terminated')).toBe(sessions);
  expect(count('completed')).toBe(1);
  expect(count(path.passed ? 'passed' : 'failed')).toBe(1);
  expect(count(path.passed ? 'failed' : 'passed')).toBe(0);
  expect(count('satisfied')).toBe(path.passed ? 1 : 0);
  const verdict = statements.find((s) => verbOf(s) === (path.passed ? 'passed' : 'failed'));
  const percent = percentOf(path, analysis.maxScore);
  // SCORM 1.2: cmi.core.score.raw = percent, min 0, max 100; lesson_status passed or failed.
  expect(verdict?.result).toMatchObject({ success: path.passed, score: { raw: percent, min: 0, max: 100 } });
  expect((verdict?.result?.score as { scaled?: number } | undefined)?.scaled).toBeCloseTo(percent / 100, 4);
  expect(verbs.indexOf('initialized')).toBeLessThan(verbs.indexOf('completed'));
  expect(verbs.lastIndexOf('terminated')).toBeGreaterThan(verbs.indexOf('completed'));
}

/** One answered statement per decision played (from `fromIndex` of the path on), with the choice and class. */
function expectDecisions(statements: Statement[], path: ScenarioPath, fromIndex = 0): void {
  const answered = statements.filter((s) => verbOf(s) === 'answered');
  const played = path.nodes
    .map((id, i) => ({ node: scenario.nodes[id], step: path.steps[i] ?? 0, i }))
    .filter(({ node, i }) => node?.kind === 'decision' && i >= fromIndex);
  expect(answered).toHaveLength(played.length);
  played.forEach(({ node, step }, n) => {
    if (node?.kind !== 'decision') return;
    const choice = node.choices[step];
    const statement = answered[n];
    expect((statement?.object as { id?: string } | undefined)?.id).toBe(
      `urn:gp-boundaries:module:${identity.id}:decision:${node.id}`,
    );
    expect(statement?.result).toMatchObject({
      response: choice?.id,
      success: choice?.class !== 'poor',
      score: { raw: choice?.total },
      extensions: { [CHOICE_CLASS_EXTENSION]: choice?.class },
    });
  });
}

function lastDecisionIndex(path: ScenarioPath): number {
  return path.nodes.reduce((last, id, i) => (scenario.nodes[id]?.kind === 'decision' ? i : last), -1);
}

/** The place a learner who left on node `index` of `path` has in the LRS (what the module writes there). */
async function seedPlace(launch: Launch, path: ScenarioPath, index: number): Promise<void> {
  const suspendData = encodeProgress({
    steps: path.steps.slice(0, index),
    screen: 'node',
    elapsedSeconds: 300,
  });
  await putState(kit as Kit, launch, PROGRESS_STATE_ID, {
    v: 1,
    at: Date.now(),
    location: path.nodes[index],
    suspendData,
    reflection: '',
    status: { completion: 'incomplete', success: 'unknown' },
  });
}

/** Plays `path` on from node `index`, where the module opened, to the debrief. */
async function playFrom(module: ModuleDriver, path: ScenarioPath, index: number): Promise<void> {
  for (let i = index; i < path.steps.length; i++) {
    const node = scenario.nodes[path.nodes[i] ?? ''];
    await module.expectScreen(node?.title ?? '');
    if (node?.kind === 'decision') await module.choose(node.id, path.steps[i] ?? 0);
    await module.click(t('continue'));
  }
  await module.expectScreen(scenario.nodes[path.ending]?.title ?? '');
  await module.click(t('toDebrief'));
  await module.expectScreen(t('debriefHeading'));
}

/** Statements and bytes the AU sent per decision on a whole path (printed for the README and the issue). */
function reportFigures(requests: typeof lrsRequests, path: ScenarioPath): void {
  const decisions = path.choices.length;
  const posts = requests.filter((r) => r.method === 'POST' && r.url.includes('/lrs/statements'));
  const answered = posts.filter((r) => r.verbs.every((verb) => verb === 'answered'));
  const others = posts.filter((r) => !answered.includes(r));
  const puts = requests.filter((r) => r.method === 'PUT');
  const bytes = (list: typeof requests) => list.reduce((sum, r) => sum + r.bytes, 0);
  const perDecision = (bytes(answered) + bytes(puts)) / decisions;
  console.log(
    [
      `cmi5 figures, ${path === best ? 'best' : 'a'} path of ${decisions} decisions, as the AU sent them:`,
      `  per decision: ${answered.length / decisions} "answered" statement (${Math.round(bytes(answered) / answered.length)} B) + ` +
        `${(puts.length / decisions).toFixed(2)} progress PUT (${Math.round(bytes(puts) / Math.max(1, puts.length))} B) = ` +
        `${(answered.length + puts.length) / decisions} requests, ${Math.round(perDecision)} B of body`,
      `  per session: ${others.map((r) => r.verbs.join('+')).join(', ')} (${bytes(others)} B), ` +
        `and 4 GETs at launch (token, LMS.LaunchData, preferences, saved place)`,
    ].join('\n'),
  );
}
