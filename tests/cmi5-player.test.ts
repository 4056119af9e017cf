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
import { analysePaths, type ScenarioPath } from '../src/scenario/analyse-paths';
import type { Scenario } from '../src/scenario/model';
import { t } from '../src/ui/ui-text';
import { type BuiltPackages, buildPackages } from './browser/build-packages';
import {
  type Kit,
  kitFromEnv,
  type Launch,
  Player,
  type Statement,
  serveLmsPage,
  statementsOf,
  verbOf,
  warnKitMissing,
} from './browser/cmi5-kit';
import { restartLrs, stopLrs } from './browser/cmi5-lrs-outage';
import { type LrsRequest, recordLrsRequests } from './browser/cmi5-lrs-traffic';
import {
  expectDecisions,
  expectSession,
  lastDecisionIndex,
  playFrom,
  reportFigures,
  seedPlace,
} from './browser/cmi5-path-checks';
import { ModuleDriver } from './browser/frame-driver';
import { type LaunchedChromium, launchChromium } from './browser/launch-chromium';
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
let lrsRequests: LrsRequest[] = [];

describe.skipIf(kit === null)('the cmi5 package in ADL’s CATAPULT player, recorded in ADL LRS', () => {
  const k = kit as Kit;

  beforeAll(async () => {
    built = await buildPackages();
    player = new Player(k);
    await player.importCourse(path.join(path.dirname(built.webDir), cmi5ZipFileName(identity)));
    chromium = await launchChromium();
    chromium.context.setDefaultTimeout(STEP_TIMEOUT_MS);
    lmsPage = await serveLmsPage(chromium.context, k);
    lrsRequests = recordLrsRequests(chromium.context, `${k.playerUrl}/lrs/`);
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
    expectSession(statements, best, 1, analysis.maxScore);
    expectDecisions(scenario, identity.id, statements, best);
    reportFigures(lrsRequests.slice(before), best, 'best');

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
    const last = lastDecisionIndex(scenario, worst);
    await seedPlace(k, launch, worst, last);
    const { page, module } = await open(launch);
    await playFrom(scenario, module, worst, last);
    await leave(page);
    const statements = await settled(launch.registration, 1);
    expectSession(statements, worst, 1, analysis.maxScore);
    expectDecisions(scenario, identity.id, statements, worst, last);
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
    expectSession(statements, mixed, 2, analysis.maxScore);
    expectDecisions(scenario, identity.id, statements, mixed);
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
      await seedPlace(k, launch, best, first);
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
