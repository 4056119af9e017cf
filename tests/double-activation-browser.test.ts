// The built SCORM 1.2 zip, unzipped and served with no LMS, in real Chromium: a double click, two rapid
// clicks, a second click on the next screen's own button, a double Enter, a double Space and a held Enter on
// every button that changes the screen must each move on exactly one screen, and act on nothing on the new
// one; a deliberate click once the guard time has passed acts at once.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readModuleIdentity } from '../plugins/module-identity';
import { analysePaths, type ScenarioPath } from '../src/scenario/analyse-paths';
import type { Scenario } from '../src/scenario/model';
import { ACTIVATION_GUARD_MS } from '../src/ui/activation-guard';
import { t } from '../src/ui/ui-text';
import { type BuiltPackages, buildPackages } from './browser/build-packages';
import { type LaunchedChromium, launchChromium } from './browser/launch-chromium';
import { type RequestGuard, recordNonLocalRequests } from './browser/local-requests-only';
import { savedPlace, seedSavedPlace } from './browser/saved-place';
import { type ServedDirectory, serveDirectory } from './browser/serve-directory';
import { projectScenario } from './project-scenario';

const STEP_TIMEOUT_MS = 5000;
const RUN_TIMEOUT_MS = 120_000;
/** After an action, how long a skipped screen would take to show: the guard, and a margin for a busy machine. */
const SKIP_WINDOW_MS = ACTIVATION_GUARD_MS + 400;
/** How long after the new screen was seen a deliberate click comes: just past the guard. */
const DELIBERATE_AFTER_MS = ACTIVATION_GUARD_MS + 100;

const scenario: Scenario = projectScenario();
const identity = readModuleIdentity('imsmanifest.xml');
const bestPath = analysePaths(scenario).recommended;
if (!bestPath) throw new Error('boundaries.yaml has no recommended path');
const reflectionHeading = scenario.pages.reflection?.title ?? t('reflectionHeading');

/** One screen change: the screen it starts on, the button that changes it, and the screen it must reach. */
interface Transition {
  readonly from: string;
  readonly button: string;
  readonly to: string;
  /** The choice to pick first, on a decision. */
  readonly choice?: string;
}

/** Every button that changes the screen, in the order the best path and the end screens meet them. */
function transitionsOf(path: ScenarioPath): Transition[] {
  const headingOf = (index: number) => scenario.nodes[path.nodes[index] ?? '']?.title ?? '';
  const steps: Transition[] = [{ from: identity.title, button: t('start'), to: headingOf(0) }];
  for (const [index, nodeId] of path.nodes.entries()) {
    const node = scenario.nodes[nodeId];
    if (node?.kind === 'scene')
      steps.push({ from: node.title, button: t('continue'), to: headingOf(index + 1) });
    if (node?.kind === 'ending')
      steps.push({ from: node.title, button: t('toDebrief'), to: t('debriefHeading') });
    if (node?.kind === 'decision') {
      const choice = node.choices[path.steps[index] ?? -1]?.label ?? '';
      steps.push({ from: node.title, button: t('confirmChoice'), to: t('feedbackHeading'), choice });
      steps.push({ from: t('feedbackHeading'), button: t('continue'), to: headingOf(index + 1) });
    }
  }
  const debrief = t('debriefHeading');
  const certificate = t('certificateHeading');
  steps.push(
    { from: debrief, button: t('toReflection'), to: reflectionHeading },
    { from: reflectionHeading, button: t('backToDebrief'), to: debrief },
    { from: debrief, button: t('toReflection'), to: reflectionHeading },
    { from: reflectionHeading, button: t('toCertificate'), to: certificate },
    { from: certificate, button: t('backToReflection'), to: reflectionHeading },
    { from: reflectionHeading, button: t('toCertificate'), to: certificate },
  );
  return steps;
}

const transitions = transitionsOf(bestPath);

let packages: BuiltPackages;
let webDir: string;
let chromium: LaunchedChromium;
let guard: RequestGuard;
const servers: ServedDirectory[] = [];

/** The SCORM 1.2 zip unzipped into a folder, as an LMS or a learner would. */
function unzipTo(zipFile: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'unzipped-package-'));
  for (const [name, bytes] of Object.entries(unzipSync(readFileSync(zipFile)))) {
    if (name.endsWith('/')) continue;
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), bytes);
  }
  return dir;
}

beforeAll(async () => {
  packages = await buildPackages();
  webDir = unzipTo(packages.zip('scorm12'));
  chromium = await launchChromium();
  chromium.context.setDefaultTimeout(STEP_TIMEOUT_MS);
  guard = recordNonLocalRequests(chromium.context);
}, 90_000);

afterAll(async () => {
  await chromium?.close();
  await Promise.all(servers.map((server) => server.close()));
  packages?.remove();
  if (webDir) rmSync(webDir, { recursive: true, force: true });
});

interface Opened {
  readonly page: Page;
  readonly problems: string[];
}

/**
 * A fresh origin (empty localStorage, or `stored` as the standalone session's saved place) showing the app's
 * start screen, past the static first screen.
 */
async function openModule(stored?: string): Promise<Opened> {
  const server = await serveDirectory(webDir);
  servers.push(server);
  if (stored !== undefined) {
    // From a page of its own, closed first: the XML page it uses asks for /favicon.ico, and that 404 must not
    // land in the module's console record.
    const seed = await chromium.context.newPage();
    await seedSavedPlace(seed, server.url, identity.id, stored);
    await seed.close();
  }
  const page = await chromium.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await page.goto(`${server.url}index.html`);
  // The app has taken over from the static first screen once the standalone notice shows.
  await page.locator('.notice').first().waitFor();
  return { page, problems };
}

interface ScreenState {
  readonly heading: string;
  readonly focused: boolean;
  readonly checkedRadios: number;
  readonly errors: number;
  readonly active?: string | undefined;
}

function screenState(page: Page): Promise<ScreenState> {
  return page.evaluate(() => {
    const h1 = document.querySelector('h1');
    return {
      heading: (h1?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      focused: h1 !== null && document.activeElement === h1,
      checkedRadios: document.querySelectorAll('input[type="radio"]:checked').length,
      errors: document.querySelectorAll('.error-message').length,
      active: document.activeElement?.outerHTML.slice(0, 80),
    };
  });
}

/** Waits for the screen whose h1 reads `heading` to have the focus (the app moves it after the paint). */
async function arriveAt(page: Page, heading: string): Promise<void> {
  await expect
    .poll(async () => {
      const state = await screenState(page);
      return { heading: state.heading, focused: state.focused };
    })
    .toEqual({ heading, focused: true });
}

/**
 * After an action meant to change the screen once: the next screen shows, with the focus on its h1, and
 * still shows once a skip would have happened, with nothing chosen and no error on it.
 */
async function expectOneStep(page: Page, step: Transition, how: string): Promise<void> {
  await page.waitForTimeout(SKIP_WINDOW_MS);
  const { active, ...state } = await screenState(page);
  expect(state, `${how} on "${step.button}" at "${step.from}" (focus on ${active})`).toEqual({
    heading: step.to,
    focused: true,
    checkedRadios: 0,
    errors: 0,
  });
}

async function centreOf(page: Page, label: string): Promise<{ x: number; y: number }> {
  const button = page.getByRole('button', { name: label, exact: true });
  await button.scrollIntoViewIfNeeded();
  const box = await button.boundingBox();
  if (!box) throw new Error(`"${label}" has no box`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

type Act = (page: Page, step: Transition, next: Transition | undefined) => Promise<void>;

/** Plays every transition with the way `actAt` gives for its index, checking each moved on exactly one screen. */
async function playAll(page: Page, actAt: (index: number) => readonly [string, Act]): Promise<void> {
  for (const [index, step] of transitions.entries()) {
    const [how, act] = actAt(index);
    await arriveAt(page, step.from);
    // A learner reads before acting: the guard on this screen has long passed.
    await page.waitForTimeout(DELIBERATE_AFTER_MS);
    if (step.choice) await page.getByRole('radio', { name: step.choice, exact: true }).check();
    await act(page, step, transitions[index + 1]);
    await expectOneStep(page, step, how);
  }
}

const doubleClick: Act = async (page, step) => {
  const { x, y } = await centreOf(page, step.button);
  await page.mouse.dblclick(x, y);
};

const twoClicks: Act = async (page, step) => {
  const { x, y } = await centreOf(page, step.button);
  await page.mouse.click(x, y);
  await page.mouse.click(x, y);
};

/** The worst case of a double click: its second click lands on the button of the screen the first brought up. */
const clickThenNextButton: Act = async (page, step, next) => {
  const { x, y } = await centreOf(page, step.button);
  await page.mouse.click(x, y);
  // Found as soon as the next screen is in the page, and clicked at once.
  const button = page.getByRole('button', { name: next?.button ?? t('backToReflection'), exact: true });
  await button.scrollIntoViewIfNeeded();
  const box = await button.boundingBox();
  if (box) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
};

type Stroke = 'press' | 'down' | 'repeat' | 'up';

const KEYS = {
  Enter: { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' },
  Space: { key: ' ', code: 'Space', windowsVirtualKeyCode: 32, text: ' ' },
} as const;

/**
 * Sends key strokes through the DevTools protocol all at once, as a bouncing or held key does: Playwright's
 * own keyboard waits for each stroke to be handled, and a frame painted in between would hide the bug.
 */
async function keySender(
  page: Page,
): Promise<(key: keyof typeof KEYS, strokes: readonly Stroke[]) => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  return async (key, strokes) => {
    const { text, ...names } = KEYS[key];
    const eventsOf = (stroke: Stroke) => {
      if (stroke === 'up') return [{ type: 'keyUp' as const, ...names }];
      const down = { type: 'keyDown' as const, ...names, text, autoRepeat: stroke === 'repeat' };
      return stroke === 'press' ? [down, { type: 'keyUp' as const, ...names }] : [down];
    };
    await Promise.all(strokes.flatMap(eventsOf).map((event) => cdp.send('Input.dispatchKeyEvent', event)));
  };
}

describe('a double activation in Chromium never skips a screen', () => {
  // One walk per kind of input, each taking every button that changes the screen; the ways of doubling an
  // activation take turns from one button to the next, so every way meets several kinds of button and every
  // button meets one of them. (The guard is one listener on the document, not one per button.)
  const mouse = [
    ['a real double click (page.mouse.dblclick)', doubleClick],
    ['two rapid clicks at the same point', twoClicks],
    ["a click, then one at once on the next screen's own button", clickThenNextButton],
  ] as const;
  const strokes = [
    ['a double Enter (a bounced key)', 'Enter', ['press', 'press']],
    ['a double Space (a bounced key)', 'Space', ['press', 'press']],
    ['a held Enter (auto-repeat)', 'Enter', ['down', 'repeat', 'repeat', 'up']],
  ] as const;

  it(
    `by mouse (${mouse.map(([how]) => how).join('; ')}) on each button moves on one screen`,
    async () => {
      const { page, problems } = await openModule();
      await playAll(page, (index) => mouse[index % mouse.length] ?? mouse[0]);
      expect(problems).toEqual([]);
      await page.close();
    },
    RUN_TIMEOUT_MS,
  );

  it(
    `by keyboard (${strokes.map(([how]) => how).join('; ')}) on each button moves on one screen`,
    async () => {
      const { page, problems } = await openModule();
      const keys = await keySender(page);
      await playAll(page, (index) => {
        const [how, key, sequence] = strokes[index % strokes.length] ?? strokes[0];
        const act: Act = async (p, step) => {
          await p.getByRole('button', { name: step.button, exact: true }).focus();
          await keys(key, sequence);
        };
        return [how, act];
      });
      expect(problems).toEqual([]);
      await page.close();
    },
    RUN_TIMEOUT_MS,
  );

  it(
    'a double click, or a click and one on the next button, on Resume opens the saved place and acts on nothing there',
    async () => {
      // A learner who left on the start screen after the first scene and decision: the app offers Resume.
      const steps = bestPath.steps.slice(0, 2);
      const resumed = scenario.nodes[bestPath.nodes[2] ?? ''];
      if (resumed?.kind !== 'scene') throw new Error('the best path has no scene third');
      const stored = savedPlace(steps, 'intro', { completion: 'incomplete', success: 'unknown' });
      const resume = { from: identity.title, button: t('resume'), to: resumed.title };
      const thenContinue = { from: resumed.title, button: t('continue'), to: '' };
      for (const [how, act] of [
        ['a double click', doubleClick],
        ["a click, then one on the next screen's button", clickThenNextButton],
      ] as const) {
        const { page, problems } = await openModule(stored);
        await page.getByRole('button', { name: t('resume'), exact: true }).waitFor();
        await page.waitForTimeout(DELIBERATE_AFTER_MS);
        await act(page, resume, thenContinue);
        await expectOneStep(page, resume, how);
        expect(problems).toEqual([]);
        await page.close();
      }
    },
    RUN_TIMEOUT_MS,
  );
});

describe('a deliberate click in Chromium', () => {
  it(
    'acts at once when it comes just after the guard time, on every button that changes the screen',
    async () => {
      const { page, problems } = await openModule();
      await arriveAt(page, identity.title);
      for (const step of transitions) {
        await arriveAt(page, step.from);
        // The h1 has the focus only after the new screen was painted, so this is the guard and 100 ms after it.
        await page.waitForTimeout(DELIBERATE_AFTER_MS);
        if (step.choice) await page.getByRole('radio', { name: step.choice, exact: true }).check();
        const { x, y } = await centreOf(page, step.button);
        await page.mouse.click(x, y);
        // No waiting out the guard: the next screen is there as soon as the click is handled.
        await arriveAt(page, step.to);
      }
      expect(problems).toEqual([]);
      expect(guard.leaks).toEqual([]);
      await page.close();
    },
    RUN_TIMEOUT_MS,
  );
});
