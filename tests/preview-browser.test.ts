// The preview LMS in real Chromium, with the minimal fixture SCOs: launch, log, CMI view, trainer view,
// suspend and resume, review mode, new attempts, and no request leaving 127.0.0.1.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewLmsHooks } from '../preview/app/preview-lms';
import { buildPreviewApp } from '../preview/build-preview-app';
import { type RunningPreviewServer, startPreviewServer } from '../preview/server';
import { closePreviewPage } from './browser/close-preview-page';
import { type LaunchedChromium, launchChromium } from './browser/launch-chromium';
import { type RequestGuard, recordNonLocalRequests } from './browser/local-requests-only';
import { FIXTURE_SCORM12, FIXTURE_SCORM2004, fixturePackages } from './fixtures/packages/fixture-packages';

const require = createRequire(import.meta.url);
const SCREENSHOTS = join(import.meta.dirname, 'screenshots');
const STEP_TIMEOUT_MS = 5000;
const TEST_TIMEOUT_MS = 20_000;

let server: RunningPreviewServer;
let chromium: LaunchedChromium;
let guard: RequestGuard;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startPreviewServer({ packages: fixturePackages(), app: await buildPreviewApp() }, 0);
  chromium = await launchChromium();
  chromium.context.setDefaultTimeout(STEP_TIMEOUT_MS);
  guard = recordNonLocalRequests(chromium.context);
}, 40_000);

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

interface OpenedPreview {
  readonly page: Page;
  readonly sco: FrameLocator;
  readonly pageErrors: string[];
}

async function openPreview(packageName: string): Promise<OpenedPreview> {
  const page = await chromium.context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}?package=${packageName}`);
  // Each test starts with no stored attempt (the tests share one browser profile).
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  const sco = page.frameLocator('#sco-frame');
  await scoState(sco, 'Running');
  return { page, sco, pageErrors };
}

async function scoState(sco: FrameLocator, text: string): Promise<void> {
  await sco.locator('#state', { hasText: text }).waitFor();
}

async function click(sco: FrameLocator, button: string, thenState: string): Promise<void> {
  await sco.locator(button).click();
  await scoState(sco, thenState);
}

/** Text of each cell of the first log row for `method` and `element`. */
async function logRow(page: Page, method: string, element: string): Promise<string[]> {
  const row = page.locator(`#call-log tr[data-method="${method}"]`).filter({
    has: page.locator('td.element', { hasText: new RegExp(`^${element.replace(/\./g, '\\.')}$`) }),
  });
  return row.first().locator('td').allInnerTexts();
}

async function cmiValue(page: Page, element: string): Promise<string | null> {
  return page.locator(`#cmi-table tr[data-element="${element}"] td`).textContent();
}

async function trainerSummary(page: Page): Promise<Record<string, string>> {
  const labels = await page.locator('#trainer-view dt').allInnerTexts();
  const values = await page.locator('#trainer-view dd').allInnerTexts();
  return Object.fromEntries(labels.map((label, i) => [label, values[i] ?? '']));
}

async function interactionCells(page: Page, id: string): Promise<string[]> {
  return page
    .locator(`#interactions-table tr[data-interaction="${id}"]`)
    .first()
    .locator('th, td')
    .allInnerTexts();
}

async function relaunchWith(page: Page, control: string): Promise<FrameLocator> {
  await page.locator(control).click();
  const sco = page.frameLocator('#sco-frame');
  await scoState(sco, 'Running');
  return sco;
}

function hooksCmi(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const hooks: PreviewLmsHooks | undefined = window.previewLms;
    return hooks?.getCmi() ?? {};
  });
}

describe('preview LMS in Chromium', () => {
  it(
    'runs a SCORM 1.2 SCO: logs its calls, shows its data and interaction, and resumes after a suspend',
    async () => {
      const { page, sco, pageErrors } = await openPreview(FIXTURE_SCORM12);
      expect(await sco.locator('#entry').textContent()).toBe('ab-initio');
      await click(sco, '#answer-wrong', 'Answered b');
      await click(sco, '#suspend', 'Terminated');

      expect(await logRow(page, 'LMSInitialize', '')).toEqual(['1', 'LMSInitialize', '', '', '"true"', '0']);
      expect((await logRow(page, 'LMSSetValue', 'cmi.suspend_data')).slice(1)).toEqual([
        'LMSSetValue',
        'cmi.suspend_data',
        'answered=b',
        '"true"',
        '0',
      ]);
      expect((await logRow(page, 'LMSCommit', '')).slice(4)).toEqual(['"true"', '0']);
      expect((await logRow(page, 'LMSFinish', '')).slice(4)).toEqual(['"true"', '0']);
      expect(await cmiValue(page, 'cmi.suspend_data')).toBe('answered=b');
      expect(await cmiValue(page, 'cmi.core.student_name')).toBe('Preview, Learner');
      expect(await cmiValue(page, 'cmi.student_data.mastery_score')).toBe('80');

      const summary = await trainerSummary(page);
      expect(summary).toMatchObject({
        'Lesson status': 'failed',
        'Score raw': '50',
        'Total time': '00:00:30',
      });
      expect(await interactionCells(page, 'q1_boundaries')).toEqual([
        'q1_boundaries',
        '',
        'choice',
        'b',
        'a',
        'wrong',
        '00:00:05',
        '10:11:12',
      ]);
      // The trainer's report's own component: an id the scenario does not know is shown as recorded.
      const trainee = await page.locator('#trainee-report article.trainee').innerText();
      expect(trainee).toMatch(/Score:\s*50 %/);
      expect(trainee).toMatch(/Result:\s*Failed/);
      expect(trainee).toContain('q1_boundaries');
      expect(trainee).toMatch(/not in version 1\.1\.0/);

      const resumed = await relaunchWith(page, '#relaunch');
      expect(await resumed.locator('#entry').textContent()).toBe('resume');
      expect(await resumed.locator('#suspend-data').textContent()).toBe('answered=b');
      expect((await hooksCmi(page))['cmi.core.entry']).toBe('resume');
      await page.screenshot({ path: join(SCREENSHOTS, 'preview-scorm12-resumed.png'), fullPage: true });
      expect(pageErrors).toEqual([]);
      expect(guard.leaks).toEqual([]);
      await closePreviewPage(page);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'runs a SCORM 2004 SCO: resume after suspend, review mode flags a changed result, exit normal starts clean',
    async () => {
      const { page, sco, pageErrors } = await openPreview(FIXTURE_SCORM2004);
      await click(sco, '#answer-correct', 'Answered a');
      expect((await logRow(page, 'SetValue', 'cmi.interactions.0.id')).slice(1)).toEqual([
        'SetValue',
        'cmi.interactions.0.id',
        'q1_boundaries',
        '"true"',
        '0',
      ]);
      expect((await logRow(page, 'Commit', '')).slice(4)).toEqual(['"true"', '0']);
      // The fixture reads cmi.suspend_data before any was set: scorm-again answers "" with 403.
      expect((await logRow(page, 'GetValue', 'cmi.suspend_data')).slice(4)).toEqual([
        '""',
        '403 Data Model Element Value Not Initialized',
      ]);
      expect(await cmiValue(page, 'cmi.scaled_passing_score')).toBe('0.8');
      expect(await interactionCells(page, 'q1_boundaries')).toEqual([
        'q1_boundaries',
        'A patient asks you out: what do you do?',
        'choice',
        'a',
        'a',
        'correct',
        'PT5S',
        '2024-05-01T10:11:12',
      ]);
      await click(sco, '#suspend', 'Terminated');

      const resumed = await relaunchWith(page, '#relaunch');
      expect(await resumed.locator('#entry').textContent()).toBe('resume');
      expect(await resumed.locator('#suspend-data').textContent()).toBe('answered=a');
      expect(await trainerSummary(page)).toMatchObject({ 'Success status': 'passed', 'Score scaled': '1' });

      const reviewing = await relaunchWith(page, '#review');
      expect(await reviewing.locator('#mode').textContent()).toBe('review');
      expect(await reviewing.locator('#credit').textContent()).toBe('no-credit');
      await click(reviewing, '#answer-wrong', 'Answered b');
      await page.locator('#review-check[data-changed="true"]').waitFor();
      expect(await page.locator('#review-check').textContent()).toContain('Success status: passed');
      await page.screenshot({
        path: join(SCREENSHOTS, 'preview-scorm2004-review-changed.png'),
        fullPage: true,
      });
      await click(reviewing, '#finish', 'Terminated');

      const fresh = await relaunchWith(page, '#relaunch');
      expect(await fresh.locator('#entry').textContent()).toBe('ab-initio');
      expect(await fresh.locator('#suspend-data').textContent()).toBe('');
      expect((await trainerSummary(page)).Attempt).toBe('2');
      expect(await page.locator('#launch-status').textContent()).toContain('a new attempt');
      expect(pageErrors).toEqual([]);
      expect(guard.leaks).toEqual([]);
      await closePreviewPage(page);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'terminates for a module closed without Terminate, and New attempt starts over with no data',
    async () => {
      const { page, sco } = await openPreview(FIXTURE_SCORM12);
      await click(sco, '#answer-correct', 'Answered a');
      const again = await relaunchWith(page, '#relaunch');
      expect(
        (await page.locator('#call-log tr[data-method="LMSFinish"]').last().locator('td').allInnerTexts())[1],
      ).toBe('LMSFinish (by the LMS)');
      expect(await again.locator('#suspend-data').textContent()).toBe('answered=a');

      const restarted = await relaunchWith(page, '#new-attempt');
      expect(await restarted.locator('#entry').textContent()).toBe('ab-initio');
      expect(await restarted.locator('#suspend-data').textContent()).toBe('');
      expect(guard.leaks).toEqual([]);
      await closePreviewPage(page);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'has no axe-core violations on the preview page itself (the module frame is tested with the module)',
    async () => {
      const { page } = await openPreview(FIXTURE_SCORM2004);
      // Evaluated through the DevTools protocol: the page's CSP rightly refuses an injected <script>.
      await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run(c: Document, o: object): Promise<{ violations: { id: string }[] }> };
          }
        ).axe;
        const result = await axe.run(document, { iframes: false });
        return result.violations.map((v) => v.id);
      });
      expect(violations).toEqual([]);
      await closePreviewPage(page);
    },
    TEST_TIMEOUT_MS,
  );
});
