// The pseudo-locale build (vite build --mode pseudo) in real Chromium, 320 px wide, on every kind of screen:
// start, a scene, a decision with its error message, feedback, an ending, the debrief with its path map,
// reflection, the certificate, the restart confirmation (standalone) and the no-LMS notice that heads them all.
// Every text a learner meets (text nodes, including screen-reader-only ones, the page title and the labels in
// aria-label, aria-valuetext, alt and title) must be pseudo text, so any word that bypassed the locale file or
// the scenario shows up as plain English. Allowed besides: text with no letters (numbers, punctuation, "—",
// "+2") and the date, which the platform writes (Intl.DateTimeFormat, en-GB under the pseudo text). And the
// about 40 % longer text must not push anything sideways: no horizontal scroll, no element past the edge.
// Places are seeded in browser storage (the standalone session's saved place) instead of played to.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learnerLocale } from '../plugins/locale-plugin';
import { readModuleIdentity } from '../plugins/module-identity';
import { PSEUDO_MODE, PSEUDO_TAG, pseudoScenario, pseudoText } from '../plugins/pseudo-locale';
import type { ProgressScreen } from '../src/lms/suspend-data';
import { analysePaths, type ScenarioPath } from '../src/scenario/analyse-paths';
import type { Scenario } from '../src/scenario/model';
import { messageFormatter } from '../src/ui/format-message';
import type { Text } from '../src/ui/ui-messages';
import { waitOutActivationGuard } from './browser/activation-guard-wait';
import { type BuiltPackages, buildPackages } from './browser/build-packages';
import { type LaunchedChromium, launchChromium } from './browser/launch-chromium';
import { savedPlace, seedSavedPlace } from './browser/saved-place';
import { type ServedDirectory, serveDirectory } from './browser/serve-directory';
import { projectScenario } from './project-scenario';

const SCREENSHOTS = join(import.meta.dirname, 'screenshots', 'pseudo-locale');
const WIDTH = 320;

const t = messageFormatter(learnerLocale(process.cwd(), 'imsmanifest.xml', PSEUDO_MODE)) as Text;
const scenario: Scenario = pseudoScenario(projectScenario());
const identity = readModuleIdentity('imsmanifest.xml');
const moduleTitle = pseudoText(identity.title);

// The path that differs most from the recommended one: the path map then shows both lanes.
const [path] = [...analysePaths(scenario).paths].sort((a, b) => a.scores.total - b.scores.total);
if (!path) throw new Error('the scenario has no complete path');
const firstDecision = path.nodes.findIndex((id) => scenario.nodes[id]?.kind === 'decision');
const lastNode = (p: ScenarioPath) => scenario.nodes[p.nodes[p.nodes.length - 1] ?? ''];

let packages: BuiltPackages;
let chromium: LaunchedChromium;
let server: ServedDirectory;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  [packages, chromium] = await Promise.all([buildPackages({ pseudoLocale: true }), launchChromium()]);
  server = await serveDirectory(packages.webDir);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await chromium?.close();
  packages?.remove();
});

/** A fresh page, 320 px wide, on the module with `steps` taken and `screen` showing (none: a first launch). */
async function openAt(place?: { steps: readonly number[]; screen: ProgressScreen; ended?: boolean }) {
  const page = await chromium.context.newPage();
  await page.setViewportSize({ width: WIDTH, height: 640 });
  const status = place?.ended
    ? { completion: 'completed', success: path?.passed ? 'passed' : 'failed' }
    : { completion: 'incomplete', success: 'unknown' };
  await seedSavedPlace(
    page,
    server.url,
    identity.id,
    place ? savedPlace(place.steps, place.screen, status) : '{}',
  );
  if (!place) await page.evaluate(() => localStorage.clear());
  await page.goto(`${server.url}index.html`);
  // The notice comes from the app, not the static first screen: the app has rendered.
  await page.getByText(t('noticeNotRecording'), { exact: true }).waitFor();
  return page;
}

/** Waits for the screen's h1, then checks its words and its width and keeps a full-page screenshot. */
async function check(page: Page, name: string, heading: string): Promise<number> {
  await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
  const arrivedAt = Date.now();
  const today = await page.evaluate(() =>
    new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date()),
  );
  expect(
    await notPseudo(page, [today]),
    `text on ${name} that is not from the locale file or scenario`,
  ).toEqual([]);
  expect(await overflow(page), `${name} at ${WIDTH} px`).toEqual({ scrollWidth: WIDTH, wider: [] });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-${WIDTH}.png`), fullPage: true, timeout: 20_000 });
  return arrivedAt;
}

/** Every text a learner meets that has a letter and is not pseudo text (nor one of `allowed`). */
function notPseudo(page: Page, allowed: readonly string[]): Promise<string[]> {
  return page.evaluate((allowed) => {
    const isPseudo = (text: string) => /^\[[\s\S]*\]$/.test(text) && !/[A-Za-z]/.test(text);
    const texts = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest('script, style')) continue;
      texts.push(node.textContent ?? '');
    }
    for (const element of document.body.querySelectorAll('[aria-label], [aria-valuetext], [alt], [title]'))
      for (const name of ['aria-label', 'aria-valuetext', 'alt', 'title'])
        texts.push(element.getAttribute(name) ?? '');
    return texts
      .map((text) => text.trim())
      .filter((text) => /\p{L}/u.test(text) && !isPseudo(text) && !allowed.includes(text));
  }, allowed);
}

/** The page's scroll width and every element that reaches past either edge (off-screen helpers aside). */
function overflow(page: Page): Promise<{ scrollWidth: number; wider: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wider: string[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      // Hidden on purpose: the skip link until focused, screen-reader-only text, closed disclosures.
      if (element.closest('.skip-link, .visually-hidden, details:not([open]) > :not(summary)')) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.left < -0.5 || box.right > width + 0.5)
        wider.push(
          `<${element.tagName.toLowerCase()} class="${element.className}"> ${Math.round(box.left)}–${Math.round(box.right)} px: ${(element.textContent ?? '').trim().slice(0, 50)}`,
        );
    }
    return { scrollWidth: document.documentElement.scrollWidth, wider };
  });
}

describe(`the pseudo-locale build in Chromium, ${WIDTH} px wide`, () => {
  it('says <html lang> is the pseudo-locale', async () => {
    const page = await openAt();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(PSEUDO_TAG);
    await check(page, '01-start', moduleTitle);
    await page.close();
  }, 30_000);

  it('shows only pseudo text on a scene, a decision with its error, and the feedback', async () => {
    const scene = await openAt({ steps: [], screen: 'node' });
    await check(scene, '02-scene', scenario.nodes[scenario.start]?.title ?? '');
    await scene.close();

    const steps = path.steps.slice(0, firstDecision);
    const decision = await openAt({ steps, screen: 'node' });
    const arrivedAt = await check(
      decision,
      '03-decision',
      scenario.nodes[path.nodes[firstDecision] ?? '']?.title ?? '',
    );
    await waitOutActivationGuard(decision, arrivedAt);
    await decision.getByRole('button', { name: t('confirmChoice'), exact: true }).click();
    await decision.locator('.error-message', { hasText: t('noChoiceError') }).waitFor();
    await check(decision, '04-decision-error', scenario.nodes[path.nodes[firstDecision] ?? '']?.title ?? '');
    await decision.close();

    const feedback = await openAt({ steps: path.steps.slice(0, firstDecision + 1), screen: 'feedback' });
    await check(feedback, '05-feedback', t('feedbackHeading'));
    await feedback.close();
  }, 60_000);

  it('shows only pseudo text on the ending, debrief, reflection, certificate and restart confirmation', async () => {
    const ending = await openAt({ steps: path.steps, screen: 'node', ended: true });
    await check(ending, '06-ending', lastNode(path)?.title ?? '');
    await ending.close();

    const debrief = await openAt({ steps: path.steps, screen: 'debrief', ended: true });
    await check(debrief, '07-debrief', t('debriefHeading'));
    await debrief.close();

    const reflection = await openAt({ steps: path.steps, screen: 'reflection', ended: true });
    await check(reflection, '08-reflection', scenario.pages.reflection?.title ?? t('reflectionHeading'));
    await reflection.close();

    const certificate = await openAt({ steps: path.steps, screen: 'certificate', ended: true });
    const arrivedAt = await check(certificate, '09-certificate', t('certificateHeading'));
    await waitOutActivationGuard(certificate, arrivedAt);
    await certificate.getByRole('button', { name: t('restart'), exact: true }).click();
    await certificate.getByRole('region', { name: t('restartQuestion') }).waitFor();
    await check(certificate, '10-restart-confirmation', t('certificateHeading'));
    await certificate.close();
  }, 60_000);
});
