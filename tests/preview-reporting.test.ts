// Every reporting choice other than the default (gpb:statusReporting; the default, passed-failed, is played
// in preview-packages.test.ts), on the zips we ship, in real Chromium: the module built once per choice from
// a copy of imsmanifest.xml that sets it, each zip unzipped by the preview LMS, a failing and a passing learner
// played by clicking. SCORM 1.2 runs with "Mastery score overrides status" off, as README.md says these
// choices need in Moodle; 2004 as it is.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScormStandardKey } from '../plugins/scorm-standards';
import type { PreviewLmsHooks } from '../preview/app/preview-lms';
import { buildPreviewApp } from '../preview/build-preview-app';
import { loadPackageZips } from '../preview/load-package-zips';
import { type RunningPreviewServer, startPreviewServer } from '../preview/server';
import { reportedStatus, type StatusReporting } from '../src/lms/status-reporting';
import { analysePaths, type ScenarioPath } from '../src/scenario/analyse-paths';
import type { Scenario } from '../src/scenario/model';
import { t } from '../src/ui/ui-text';
import { type BuiltPackages, buildPackages } from './browser/build-packages';
import { closePreviewPage } from './browser/close-preview-page';
import { MODULE_TITLE, ModuleDriver } from './browser/frame-driver';
import { type LaunchedChromium, launchChromium } from './browser/launch-chromium';
import { type RequestGuard, recordNonLocalRequests } from './browser/local-requests-only';
import { interactionIds, recordedReport, reportedRecord } from './expected-final-record';
import { projectScenario } from './project-scenario';

// Every choice is played in both standards through the real session and scorm-again in
// tests/module-reporting.test.ts. Here the built zips are checked for one choice of each kind (a fail that leaves
// the attempt open, and one that ends it), each in a different standard, to keep the browser run short.
const CASES: readonly (readonly [StatusReporting, ScormStandardKey])[] = [
  ['passed-incomplete', 'scorm12'],
  ['completed', 'scorm2004-4th'],
];
const CHOICES: readonly StatusReporting[] = CASES.map(([choice]) => choice);
const STANDARDS = ['scorm12', 'scorm2004-4th'] as const;
const STEP_TIMEOUT_MS = 5000;
const TEST_TIMEOUT_MS = 60_000;

const scenario: Scenario = projectScenario();
const analysis = analysePaths(scenario);
const best = analysis.recommended as ScenarioPath;
const worst = [...analysis.paths].sort((a, b) => a.scores.total - b.scores.total)[0] as ScenarioPath;

type Cmi = ReturnType<PreviewLmsHooks['getCmi']>;

interface Variant {
  readonly built: BuiltPackages;
  readonly server: RunningPreviewServer;
  readonly names: ReadonlyMap<ScormStandardKey, string>;
}

const manifestDir = mkdtempSync(path.join(tmpdir(), 'reporting-manifests-'));
const variants = new Map<StatusReporting, Variant>();
let chromium: LaunchedChromium;
let guard: RequestGuard;

/** imsmanifest.xml as it is, but for its reporting choice. */
function manifestFor(choice: StatusReporting): string {
  const source = readFileSync('imsmanifest.xml', 'utf8');
  const element = /<gpb:statusReporting>[^<]*<\/gpb:statusReporting>/;
  if (!element.test(source)) throw new Error('imsmanifest.xml has no <gpb:statusReporting> to change.');
  const file = path.join(manifestDir, `${choice}.xml`);
  writeFileSync(file, source.replace(element, `<gpb:statusReporting>${choice}</gpb:statusReporting>`));
  return file;
}

beforeAll(async () => {
  const app = await buildPreviewApp();
  for (const choice of CHOICES) {
    const built = await buildPackages({ manifest: manifestFor(choice) });
    const packages = await loadPackageZips(STANDARDS.map((standard) => built.zip(standard)));
    const names = new Map(packages.map((p) => [p.info.standard as ScormStandardKey, p.info.name]));
    variants.set(choice, { built, server: await startPreviewServer({ packages, app }, 0), names });
  }
  chromium = await launchChromium();
  chromium.context.setDefaultTimeout(STEP_TIMEOUT_MS);
  guard = recordNonLocalRequests(chromium.context);
}, 120_000);

afterAll(async () => {
  await chromium?.close();
  for (const { built, server } of variants.values()) {
    await server.close();
    built.remove();
  }
  rmSync(manifestDir, { recursive: true, force: true });
});

async function open(choice: StatusReporting, standard: ScormStandardKey) {
  const variant = variants.get(choice);
  if (!variant) throw new Error(`no build for ${choice}`);
  const page = await chromium.context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  await page.goto(`${variant.server.url}api/packages`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${variant.server.url}?package=${variant.names.get(standard)}&mastery-override=off`);
  return { page, module: new ModuleDriver(page, scenario), problems };
}

const stored = (page: Page): Promise<Cmi> => page.evaluate(() => window.previewLms?.getStored()?.cmi ?? {});
const previewLms = (page: Page, action: 'relaunch' | 'review' | 'newAttempt') =>
  page.evaluate((name) => window.previewLms?.[name](), action);

/** Waits until the LMS holds the result a finished path leaves at its finishing Commit, and returns it. */
async function finished(page: Page, standard: ScormStandardKey, choice: StatusReporting, passed: boolean) {
  const record = standard === 'scorm12' ? 'scorm12' : 'scorm2004';
  const expected = reportedRecord(record, choice, passed);
  await expect.poll(async () => recordedReport(record, await stored(page)).status).toBe(expected.status);
  const cmi = await stored(page);
  expect(recordedReport(record, cmi)).toEqual(expected);
  return cmi;
}

describe('reporting choices on the built zips', () => {
  it.each(CASES)(
    '%s, %s: a failing learner gets the status of the table, then the next launch retries or reviews, and a pass reports as the table says',
    async (choice, standard) => {
      const { page, module, problems } = await open(choice, standard);
      await module.play(worst);
      const afterFail = await finished(page, standard, choice, false);
      expect(interactionIds(afterFail)).toHaveLength(worst.choices.length);

      if (reportedStatus(choice, false).attemptOpen) {
        // The attempt stays open: the next launch is a fresh try, recorded after the first one's decisions.
        await previewLms(page, 'relaunch');
        await module.expectScreen(MODULE_TITLE);
        await expect.poll(() => module.frame.getByText(/did not reach the pass mark/).isVisible()).toBe(true);
        await module.play(best);
        const afterPass = await finished(page, standard, choice, true);
        expect(interactionIds(afterPass)).toHaveLength(worst.choices.length + best.choices.length);
      } else {
        // The attempt ended: a review opens on the debrief and changes nothing; a new attempt starts clean.
        await previewLms(page, 'review');
        await module.expectScreen(t('debriefHeading'));
        await previewLms(page, 'review');
        const record = standard === 'scorm12' ? 'scorm12' : 'scorm2004';
        // The preview sets exit afresh on each launch; the status is the LMS's after the first session's end.
        expect(recordedReport(record, await stored(page)).status).toBe(
          reportedRecord(record, choice, false, 'terminated').status,
        );
        await previewLms(page, 'newAttempt');
        await module.play(best);
        const afterPass = await finished(page, standard, choice, true);
        expect(interactionIds(afterPass)).toHaveLength(best.choices.length);
      }
      expect(problems).toEqual([]);
      expect(guard.leaks).toEqual([]);
      await closePreviewPage(page);
    },
    TEST_TIMEOUT_MS,
  );
});
