// The built module in real Chromium with no LMS around it, played by keyboard alone: focus on every screen
// change, axe (WCAG 2.0–2.2 A and AA) on every screen, reflow at 320 px and at 200 % zoom, reduced motion,
// the standalone launch from a plain web server and from disk with progress kept over a reload, the CSP, the
// debrief's height and its path map's text size, and the printed certificate. Best and worst paths come from
// the path analysis of the real scenario.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AxeResults, RunOptions } from 'axe-core';
import { strFromU8, unzipSync } from 'fflate';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readModuleIdentity } from '../plugins/module-identity';
import { standaloneStorageKey } from '../src/lms/standalone-session';
import { analysePaths, type ScenarioPath } from '../src/scenario/analyse-paths';
import type { Scenario, ScenarioNode } from '../src/scenario/model';
import { countedStages, stageOfNode } from '../src/scenario/stages';
import { scorePercent } from '../src/ui/debrief-data';
import { choiceClassKey, t } from '../src/ui/ui-text';
import { waitOutActivationGuard } from './browser/activation-guard-wait';
import { type BuiltPackages, buildPackages } from './browser/build-packages';
import { chooseRadio, focusedElement, pressButton, tabToButton, tabUntil } from './browser/keyboard-driver';
import { type LaunchedChromium, launchChromium } from './browser/launch-chromium';
import { type RequestGuard, recordNonLocalRequests } from './browser/local-requests-only';
import { savedPlace, seedSavedPlace } from './browser/saved-place';
import { type ServedDirectory, serveDirectory } from './browser/serve-directory';
import { projectScenario } from './project-scenario';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SCREENSHOTS = join(import.meta.dirname, 'screenshots', 'module');
const STEP_TIMEOUT_MS = 5000;
// A full-page PNG of the long debrief takes seconds when the two cores are busy.
const SCREENSHOT_TIMEOUT_MS = 20_000;
const PLAY_TIMEOUT_MS = 30_000;
const NOT_RECORDING = 'No learning platform was found, so nothing is being recorded.';

const scenario: Scenario = projectScenario();
const analysis = analysePaths(scenario);
const { id: moduleId, title: moduleTitle } = readModuleIdentity('imsmanifest.xml');
const stageCount = countedStages(scenario);

const bestPath = analysis.recommended;
if (!bestPath) throw new Error('boundaries.yaml has no recommended path');
const worstPath = lowestScoring(analysis.paths);

/** The lowest total; on a tie, the path that goes through the most stages (the fullest story). */
function lowestScoring(paths: readonly ScenarioPath[]): ScenarioPath {
  const stagesOf = (path: ScenarioPath) =>
    Math.max(...path.nodes.map((id) => stageOfNode(scenario, scenario.nodes[id])?.number ?? 0));
  const [worst] = [...paths].sort((a, b) => a.scores.total - b.scores.total || stagesOf(b) - stagesOf(a));
  if (!worst) throw new Error('boundaries.yaml has no complete path');
  return worst;
}

/** The path with the most screens the best and worst paths do not show: more of the scenario's text on screen. */
function leastCoveredPath(): ScenarioPath {
  const covered = new Set([...(bestPath?.nodes ?? []), ...worstPath.nodes]);
  const fresh = (path: ScenarioPath) => path.nodes.filter((id) => !covered.has(id)).length;
  const [path] = [...analysis.paths].sort((a, b) => fresh(b) - fresh(a));
  if (!path) throw new Error('boundaries.yaml has no complete path');
  return path;
}
const otherPath = leastCoveredPath();

/**
 * One path to each ending: the one with the most decisions, then the lowest score (the most steps where the
 * map shows two lanes). The debrief's height depends mostly on the ending's own text, so each one is measured.
 */
function fullestPathToEachEnding(): ScenarioPath[] {
  const chosen = new Map<string, ScenarioPath>();
  for (const path of analysis.paths) {
    const held = chosen.get(path.ending);
    const fuller =
      !held ||
      path.choices.length > held.choices.length ||
      (path.choices.length === held.choices.length && path.scores.total < held.scores.total);
    if (fuller) chosen.set(path.ending, path);
  }
  return [...chosen.values()];
}

let packages: BuiltPackages;
let chromium: LaunchedChromium;
let guard: RequestGuard;
const servers: ServedDirectory[] = [];

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  packages = await buildPackages();
  chromium = await launchChromium();
  chromium.context.setDefaultTimeout(STEP_TIMEOUT_MS);
  guard = recordNonLocalRequests(chromium.context);
}, 90_000);

afterAll(async () => {
  await chromium?.close();
  await Promise.all(servers.map((server) => server.close()));
  packages?.remove();
});

interface OpenedModule {
  readonly page: Page;
  /** Page errors, console errors and CSP violations, as readable lines. */
  readonly problems: string[];
  /** Every URL the page asked for. */
  readonly requests: string[];
}

/** A new tab on `url`, watched for errors, CSP violations and requests, with the start screen showing. */
async function openModule(url: string, context: BrowserContext = chromium.context): Promise<OpenedModule> {
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('request', (request) => requests.push(request.url()));
  // Init scripts run outside the page's CSP, so the listener is there before the first violation could be.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`);
    });
  });
  await page.goto(url);
  await page.locator('h1').waitFor();
  return { page, problems, requests };
}

/**
 * A static server of its own per test: a new port is a new origin, so each test starts with an empty
 * localStorage and no progress left behind by another.
 */
async function openOnOwnServer(): Promise<OpenedModule & { server: ServedDirectory }> {
  const server = await serveDirectory(packages.webDir);
  servers.push(server);
  return { ...(await openModule(`${server.url}index.html`)), server };
}

interface ScreenSeen {
  /** For file names: `start`, a node id, `<decision>-feedback`, `debrief`, … */
  readonly slug: string;
  readonly heading: string;
  /** The stage progress label the screen shows; none when undefined. */
  readonly progress?: string | undefined;
}

/** What a node screen's progress label says: the stage, or that the scenario is complete on an ending. */
function progressLabelOf(node: ScenarioNode): string | undefined {
  if (node.kind === 'ending') return t('scenarioComplete');
  const stage = stageOfNode(scenario, node);
  if (stage === undefined) return undefined;
  return stage.number === undefined ? stage.title : t('stageOf', { stage: stage.number, of: stageCount });
}

type Visit = (page: Page, screen: ScreenSeen) => Promise<void>;

interface PlayOptions {
  readonly visit?: Visit;
  /** Runs on the first feedback screen, before going on. */
  readonly afterFirstDecision?: (page: Page) => Promise<void>;
}

async function headingState(page: Page) {
  return page.evaluate(() => {
    const headings = document.querySelectorAll('h1');
    const h1 = headings[0];
    return {
      count: headings.length,
      text: (h1?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      focused: h1 !== undefined && document.activeElement === h1,
    };
  });
}

/**
 * The new screen is there, it has one h1, and the focus moved to it (WCAG 2.4.3); returns once the learner
 * could act on it (past the activation guard).
 */
async function arrive(page: Page, screen: ScreenSeen, visit: Visit | undefined): Promise<void> {
  await expect
    .poll(() => headingState(page), { timeout: STEP_TIMEOUT_MS })
    .toEqual({ count: 1, text: screen.heading, focused: true });
  const arrivedAt = Date.now();
  const label = page.locator('#stage-progress-label');
  if (screen.progress === undefined) expect(await label.count()).toBe(0);
  else {
    expect(await label.textContent()).toBe(screen.progress);
    // The bar counts the stages completed: full on the ending, and never before it.
    const bar = await page
      .locator('.stage-progress progress')
      .evaluate((element: HTMLProgressElement) => ({ value: element.value, max: element.max }));
    expect(bar.value === bar.max, `progress bar ${bar.value} of ${bar.max} on ${screen.slug}`).toBe(
      screen.progress === t('scenarioComplete'),
    );
  }
  await visit?.(page, screen);
  await waitOutActivationGuard(page, arrivedAt);
}

/** Text as a learner reads it: whitespace runs collapsed. */
async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

async function ddTexts(page: Page, selector: string): Promise<string[]> {
  return (await page.locator(`${selector} dd`).allInnerTexts()).map((text) => text.trim());
}

function scoreText(path: ScenarioPath): string {
  const total = path.scores.total;
  return t('totalScore', { total, max: analysis.maxScore, percent: scorePercent(total, analysis.maxScore) });
}

/** From the start screen to the certificate, by keyboard alone, checking each screen on the way. */
async function playByKeyboard(page: Page, path: ScenarioPath, options: PlayOptions = {}): Promise<void> {
  const { visit } = options;
  let decisionsMade = 0;
  await arrive(page, { slug: 'start', heading: moduleTitle }, visit);
  await pressButton(page, t('start'));

  for (const [index, nodeId] of path.nodes.entries()) {
    const node = scenario.nodes[nodeId];
    if (!node) throw new Error(`the path names no node ${nodeId}`);
    await arrive(page, { slug: nodeId, heading: node.title, progress: progressLabelOf(node) }, visit);
    if (node.kind === 'scene') {
      await pressButton(page, t('continue'), 'Enter');
    } else if (node.kind === 'ending') {
      await pressButton(page, t('toDebrief'), 'Enter');
    } else {
      const choice = node.choices[path.steps[index] ?? -1];
      if (!choice) throw new Error(`no choice ${path.steps[index]} at ${nodeId}`);
      expect(await chooseRadio(page, path.steps[index] ?? 0)).toMatchObject({
        value: choice.id,
        checked: true,
      });
      await tabToButton(page, t('confirmChoice'));
      // Back from the submit button lands on the chosen radio: the group is one tab stop, at its selection.
      await page.keyboard.press('Shift+Tab');
      expect(await focusedElement(page)).toMatchObject({ value: choice.id, checked: true });
      await tabToButton(page, t('confirmChoice'));
      await page.keyboard.press('Enter');

      await arrive(page, { slug: `${nodeId}-feedback`, heading: t('feedbackHeading') }, visit);
      expect(await textOf(page.locator('.chosen'))).toBe(`${t('youChose')} ${choice.label}`);
      expect(await textOf(page.locator('#feedback-verdict'))).toBe(t(choiceClassKey[choice.class]));
      expect(await textOf(page.locator('#feedback-consequence'))).not.toBe('');
      decisionsMade += 1;
      if (decisionsMade === 1) await options.afterFirstDecision?.(page);
      await pressButton(page, t('continue'), 'Space');
    }
  }

  const ending = scenario.nodes[path.ending];
  await arrive(page, { slug: 'debrief', heading: t('debriefHeading') }, visit);
  expect(await ddTexts(page, 'section[aria-labelledby="result-heading"]')).toEqual([
    scoreText(path),
    `${Math.round(scenario.passMark * 100)} %`,
    path.passed ? t('passed') : t('notPassed'),
  ]);
  expect(await textOf(page.locator('#ending-heading'))).toBe(t('yourEnding', { title: ending?.title ?? '' }));
  await pressButton(page, t('toReflection'));

  const reflectionHeading = scenario.pages.reflection?.title ?? t('reflectionHeading');
  await arrive(page, { slug: 'reflection', heading: reflectionHeading }, visit);
  await tabUntil(page, 'the reflection text box', (focused) => focused.tag === 'textarea');
  await page.keyboard.type('Keep every contact professional; tell the practice early.');
  await pressButton(page, t('toCertificate'));

  await arrive(page, { slug: 'certificate', heading: t('certificateHeading') }, visit);
  const facts = await ddTexts(page, '.certificate');
  expect(facts[1]).toBe(scoreText(path));
  expect(facts[2]).toBe(path.passed ? t('passed') : t('notPassed'));
}

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null | undefined;
  readonly help: string;
  readonly nodes: readonly string[];
}

/** axe-core's WCAG A/AA violations on the page as it is now; axe is evaluated over CDP, outside the CSP. */
async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const { axe } = window as unknown as {
      axe: { run(context: Document, options: RunOptions): Promise<AxeResults> };
    };
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
    }));
  }, AXE_TAGS);
}

function readable(violations: readonly AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((node) => `    ${node}`).join('\n')}`)
    .join('\n');
}

function screenshot(page: Page, fileName: string): Promise<Buffer> {
  return page.screenshot({
    path: join(SCREENSHOTS, fileName),
    fullPage: true,
    timeout: SCREENSHOT_TIMEOUT_MS,
  });
}

async function noHorizontalScroll(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
}

/** axe, then a screenshot at 1280 px and at 320 px wide, where nothing may scroll sideways (WCAG 1.4.10). */
function auditEachScreen(prefix: string): Visit {
  let count = 0;
  return async (page, screen) => {
    count += 1;
    const name = `${prefix}-${String(count).padStart(2, '0')}-${screen.slug}`;
    const violations = await axeViolations(page);
    expect(violations, `axe on ${name}:\n${readable(violations)}`).toEqual([]);

    expect(await page.locator('main script').count(), `a script element in main on ${name}`).toBe(0);

    await screenshot(page, `${name}-1280.png`);
    await page.setViewportSize({ width: 320, height: 800 });
    await screenshot(page, `${name}-320.png`);
    const { scrollWidth, clientWidth } = await noHorizontalScroll(page);
    expect(scrollWidth, `${name} scrolls sideways at 320 px`).toBeLessThanOrEqual(clientWidth);
    expect(clientWidth).toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 1280, height: 800 });
  };
}

describe('the built module in Chromium, by keyboard', () => {
  for (const [label, path] of [
    ['best', bestPath],
    ['worst', worstPath],
  ] as const) {
    it(`plays the ${label} path (${path.scores.total} points, ${path.ending}) with focus, axe and reflow right on every screen`, async () => {
      const { page, problems } = await openOnOwnServer();
      await page.setViewportSize({ width: 1280, height: 800 });
      await playByKeyboard(page, path, { visit: auditEachScreen(label) });
      expect(problems).toEqual([]);
      await page.close();
    }, 60_000);
  }

  it(
    'reflows at 200 % zoom with no sideways scroll on the start, a decision and the debrief',
    async () => {
      const { page, problems } = await openOnOwnServer();
      // 200 % zoom of a 1280 × 800 window lays out exactly like a 640 × 400 CSS px viewport (WCAG 1.4.4,
      // 1.4.10); the device pixel ratio changes sharpness, not layout. Set through Playwright, not CDP,
      // because Playwright puts its own viewport back whenever it takes a full-page screenshot.
      await page.setViewportSize({ width: 640, height: 400 });
      const checked: string[] = [];
      await playByKeyboard(page, worstPath, {
        visit: async (visited, screen) => {
          const node = scenario.nodes[screen.slug];
          if (screen.slug !== 'start' && screen.slug !== 'debrief' && node?.kind !== 'decision') return;
          checked.push(screen.slug);
          expect(await visited.evaluate(() => window.innerWidth)).toBe(640);
          await screenshot(visited, `zoom200-${screen.slug}.png`);
          const { scrollWidth, clientWidth } = await noHorizontalScroll(visited);
          expect(scrollWidth, `${screen.slug} scrolls sideways at 200 %`).toBeLessThanOrEqual(clientWidth);
        },
      });
      expect(checked).toEqual(['start', ...worstPath.nodes.filter(isDecision), 'debrief']);
      expect(problems).toEqual([]);
      await page.close();
    },
    PLAY_TIMEOUT_MS,
  );

  it('has no transition on buttons when the learner asks for reduced motion', async () => {
    const { page } = await openOnOwnServer();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
    const duration = await page
      .getByRole('button', { name: t('start') })
      .evaluate((button) => getComputedStyle(button).transitionDuration);
    expect(duration).toBe('0s');
    await page.close();
  }, 15_000);
});

function isDecision(nodeId: string): boolean {
  return scenario.nodes[nodeId]?.kind === 'decision';
}

/** Reloads on the first feedback screen: the same screen, the same answer, focus on its heading. */
async function reloadKeepsPlace(page: Page): Promise<void> {
  const chosen = await textOf(page.locator('.chosen'));
  expect(await page.evaluate(() => Object.keys(localStorage))).toContain(standaloneStorageKey(moduleId));
  await page.reload();
  await expect
    .poll(() => headingState(page), { timeout: STEP_TIMEOUT_MS })
    .toEqual({ count: 1, text: t('feedbackHeading'), focused: true });
  expect(await textOf(page.locator('.chosen'))).toBe(chosen);
}

async function expectStandaloneNotice(page: Page): Promise<void> {
  expect(await textOf(page.getByRole('status').first())).toContain(NOT_RECORDING);
}

/** Where the bottom of the "Continue to reflection" button is, in px from the top of the document. */
function reflectionButtonBottom(page: Page): Promise<number> {
  return page
    .getByRole('button', { name: t('toReflection'), exact: true })
    .evaluate((button) => button.getBoundingClientRect().bottom + window.scrollY);
}

/** The smallest computed font size of any text in the path map, and the text that has it. */
function smallestMapText(page: Page): Promise<{ px: number; text: string; count: number }> {
  return page.locator('.path-map').evaluate((map) => {
    const walker = document.createTreeWalker(map, NodeFilter.SHOW_TEXT);
    let smallest = { px: Number.POSITIVE_INFINITY, text: '', count: 0 };
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      if (text === '' || !node.parentElement) continue;
      smallest.count += 1;
      const px = Number.parseFloat(getComputedStyle(node.parentElement).fontSize);
      if (px < smallest.px) smallest = { ...smallest, px, text };
    }
    return smallest;
  });
}

/**
 * A fresh origin whose browser storage holds the standalone session's saved place: `path` played to its end,
 * on the debrief. The module resumes there, as it does for a learner who left on the debrief.
 */
async function openAtSavedDebrief(path: ScenarioPath): Promise<OpenedModule> {
  const server = await serveDirectory(packages.webDir);
  servers.push(server);
  const seed = await chromium.context.newPage();
  const status = { completion: 'completed', success: path.passed ? 'passed' : 'failed' };
  await seedSavedPlace(seed, server.url, moduleId, savedPlace(path.steps, 'debrief', status));
  await seed.close();
  return openModule(`${server.url}index.html`);
}

const DEBRIEF_MAX_PX = 3 * 800;
const MAP_MIN_FONT_PX = 14;

describe('the debrief in Chromium', () => {
  it.each(fullestPathToEachEnding().map((path) => [path.ending, path] as const))(
    'after %s is at most three screens tall at 1280 × 800, its path map in text of 14 px or more at 1280 and 320 px',
    async (ending, path) => {
      // The path is played through the screens elsewhere (the best and worst paths above); here the module
      // opens on the learner's saved debrief, as a relaunch does, so seven endings cost seconds, not minutes.
      const { page, problems } = await openAtSavedDebrief(path);
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.getByRole('heading', { level: 1, name: t('debriefHeading') }).waitFor();
      await screenshot(page, `debrief-${ending}-1280.png`);
      const bottom = await reflectionButtonBottom(page);
      expect(bottom, `the Continue to reflection button ends ${bottom} px down`).toBeLessThanOrEqual(
        DEBRIEF_MAX_PX,
      );

      const wide = await smallestMapText(page);
      expect(wide.count).toBeGreaterThan(0);
      expect(wide.px, `"${wide.text}" at 1280 px`).toBeGreaterThanOrEqual(MAP_MIN_FONT_PX);
      // Plain words only: no internal ids (all of them have an underscore) in what the learner reads.
      expect(await textOf(page.locator('.path-map'))).not.toContain('_');

      await page.setViewportSize({ width: 320, height: 800 });
      await screenshot(page, `debrief-${ending}-320.png`);
      const narrow = await smallestMapText(page);
      expect(narrow.px, `"${narrow.text}" at 320 px`).toBeGreaterThanOrEqual(MAP_MIN_FONT_PX);
      const { scrollWidth, clientWidth } = await noHorizontalScroll(page);
      expect(scrollWidth, 'the debrief scrolls sideways at 320 px').toBeLessThanOrEqual(clientWidth);
      await page.setViewportSize({ width: 1280, height: 800 });
      expect(problems).toEqual([]);
      await page.close();
    },
    PLAY_TIMEOUT_MS,
  );
});

describe('the package with no LMS', () => {
  it(
    'plays from a plain web server with the standalone notice, and keeps its place over a reload',
    async () => {
      const { page, problems, requests, server } = await openOnOwnServer();
      await expectStandaloneNotice(page);
      await playByKeyboard(page, bestPath, { afterFirstDecision: reloadKeepsPlace });
      await expectStandaloneNotice(page);
      expect(problems).toEqual([]);
      expect(guard.leaks).toEqual([]);
      expect(requests.filter((url) => !url.startsWith(server.url) && !url.startsWith('data:'))).toEqual([]);
      await page.close();
    },
    PLAY_TIMEOUT_MS,
  );

  it(
    'plays opened straight from disk with the standalone notice, keeps its place, and makes no web request',
    async () => {
      // A browser of its own: the shared one's request guard routes, and so refuses, file:// loads too.
      const fromDisk = await launchChromium();
      try {
        fromDisk.context.setDefaultTimeout(STEP_TIMEOUT_MS);
        const url = pathToFileURL(join(packages.webDir, 'index.html')).href;
        const { page, problems, requests } = await openModule(url, fromDisk.context);
        await expectStandaloneNotice(page);
        await playByKeyboard(page, bestPath, { afterFirstDecision: reloadKeepsPlace });
        expect(problems).toEqual([]);
        expect(requests.filter((request) => /^https?:/.test(request))).toEqual([]);
        expect(requests).toContain(url);
      } finally {
        await fromDisk.close();
      }
    },
    PLAY_TIMEOUT_MS,
  );

  it(
    'starts again only once the learner confirms in the page: the saved place is cleared, the start screen shows',
    async () => {
      const { page, problems } = await openOnOwnServer();
      const stored = () =>
        page.evaluate(
          (key) => JSON.parse(localStorage.getItem(key) ?? 'null'),
          standaloneStorageKey(moduleId),
        );
      await playByKeyboard(page, bestPath);

      // A double click on the button only asks: the second click lands on the same button, not on a "yes".
      const opener = page.getByRole('button', { name: t('restart'), exact: true });
      await opener.scrollIntoViewIfNeeded();
      const box = await opener.boundingBox();
      if (!box) throw new Error('the restart button has no box');
      await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
      const confirm = page.getByRole('region', { name: t('restartQuestion') });
      await confirm.waitFor();
      expect(await focusedElement(page)).toMatchObject({ tag: 'p', text: t('restartQuestion') });
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'restart-confirm.png');
      // A second Enter on the question confirms nothing either.
      await page.keyboard.press('Enter');
      await pressButton(page, t('restartCancel'));
      expect(await confirm.count()).toBe(0);
      expect(await focusedElement(page)).toMatchObject({ tag: 'button', text: t('restart') });
      expect((await stored())?.suspendData).not.toBe('');

      await page.keyboard.press('Enter');
      // The question takes the focus once the section is painted; tabbing before that (a busy machine) would
      // start from the opener and lose the focus to the question halfway.
      await confirm.waitFor();
      await page.waitForFunction(
        (text) => document.activeElement?.textContent === text,
        t('restartQuestion'),
      );
      // Starting again reloads the page; on a busy machine that can take longer than one step.
      const reloaded = page.waitForEvent('load', { timeout: SCREENSHOT_TIMEOUT_MS });
      await pressButton(page, t('restartConfirm'));
      await reloaded;
      await arrive(page, { slug: 'start', heading: moduleTitle }, undefined);
      expect(await page.getByRole('button', { name: t('start'), exact: true }).count()).toBe(1);
      expect(await stored()).toMatchObject({ suspendData: '', location: '', reflection: '' });
      await expectStandaloneNotice(page);
      await pressButton(page, t('start'));
      const first = scenario.nodes[scenario.start];
      await arrive(
        page,
        { slug: scenario.start, heading: first?.title ?? '', progress: first && progressLabelOf(first) },
        undefined,
      );
      expect(problems).toEqual([]);
      await page.close();
    },
    // A full play-through, a full-page screenshot and a reload: more than the others on a busy machine.
    2 * PLAY_TIMEOUT_MS,
  );
});

describe('the built page in Chromium', () => {
  it(
    "names the module with imsmanifest.xml's title alone: the zip's manifest, <title>, the static and the app's first screen, the certificate",
    async () => {
      const expected = moduleTitle;
      const zip = unzipSync(readFileSync(packages.zip('scorm12')));
      const fileText = (name: string) => strFromU8(zip[name] ?? new Uint8Array());
      const firstMatch = (text: string, pattern: RegExp) => pattern.exec(text)?.[1]?.replace(/&amp;/g, '&');
      // What the LMS lists, and the launch page as it arrives, before any script: the static first screen.
      const launchPage = fileText('index.html');
      const seen = {
        lms: firstMatch(fileText('imsmanifest.xml'), /<organization\b[^>]*>\s*<title>([^<]*)<\/title>/),
        staticHeader: firstMatch(launchPage, /<p class="container module-title">([^<]*)<\/p>/),
        staticHeading: firstMatch(launchPage, /<h1 tabindex="-1">([^<]*)<\/h1>/),
      };

      const { page, problems } = await openOnOwnServer();
      const pageTitle = await page.title();
      await playByKeyboard(page, bestPath);
      const onScreen = {
        header: await textOf(page.locator('.module-title')),
        certificate: await textOf(page.locator('.certificate-title')),
      };
      expect({ ...seen, pageTitle, ...onScreen }).toEqual({
        lms: expected,
        pageTitle: expected,
        staticHeader: expected,
        staticHeading: expected,
        header: expected,
        certificate: expected,
      });
      expect(problems).toEqual([]);
      await page.close();
    },
    PLAY_TIMEOUT_MS,
  );

  it(
    `puts no script element in main and reports no CSP violation or console error (path ${otherPath.steps.join(',')})`,
    async () => {
      const { page, problems } = await openOnOwnServer();
      const scriptsInMain: string[] = [];
      await playByKeyboard(page, otherPath, {
        visit: async (visited, screen) => {
          if ((await visited.locator('main script').count()) > 0) scriptsInMain.push(screen.slug);
        },
      });
      expect(scriptsInMain).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    },
    PLAY_TIMEOUT_MS,
  );

  it(
    'prints the certificate alone: the name, score, result and outcomes, with no header, notices or buttons',
    async () => {
      const { page, problems } = await openOnOwnServer();
      await playByKeyboard(page, bestPath);
      await tabUntil(page, 'the name field', (focused) => focused.tag === 'input' && focused.type === 'text');
      await page.keyboard.type('Dr Alex Example');

      await page.emulateMedia({ media: 'print' });
      for (const hidden of ['header', '.skip-link', '[role="status"]', 'button', '.no-print']) {
        const visible = await page
          .locator(hidden)
          .evaluateAll((els) => els.filter((el) => el.checkVisibility()));
        expect(visible, `${hidden} shows in print`).toEqual([]);
      }
      const certificate = page.locator('.certificate');
      expect(await certificate.isVisible()).toBe(true);
      expect(await textOf(certificate.locator('.certificate-name'))).toBe('Dr Alex Example');
      const facts = await ddTexts(page, '.certificate');
      expect(facts[1]).toBe(scoreText(bestPath));
      expect(facts[2]).toBe(t('passed'));
      expect(await certificate.locator('.outcomes li').allInnerTexts()).toEqual(
        scenario.outcomes.map((outcome) => outcome.text),
      );
      await screenshot(page, 'certificate-print.png');

      // Chromium prints with the page's @page rules (A4, 12 mm); the certificate must fit on one sheet.
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      writeFileSync(join(SCREENSHOTS, 'certificate.pdf'), pdf);
      const text = pdf.toString('latin1');
      // Page objects are `/Type /Page`; the page tree is `/Type /Pages`, which the lookahead leaves out.
      const pages = (text.match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
      expect(pages).toBe(1);
      expect(problems).toEqual([]);
      await page.close();
    },
    PLAY_TIMEOUT_MS,
  );
});
