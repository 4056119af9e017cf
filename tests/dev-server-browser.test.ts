// `npm run dev` in real Chromium, on a copy of the project's authored files (the real scenarios/ and content/
// are never touched): the learner plays to a screen, the author saves a new body for it and the open preview
// shows it, resumed on the same screen through the preview LMS's own relaunch; a broken save shows the build's
// problem text (file:line:column) in the page and in the terminal while the last good version keeps running;
// the fix brings the preview back, still on the learner's screen. Prints the edit-to-screen times.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { readModuleIdentity } from '../plugins/module-identity';
import type { PreviewLmsHooks } from '../preview/app/preview-lms';
import { DevStartError, type RunningDevServer, startDevServer } from '../preview/live/dev-server';
import type { Scenario } from '../src/scenario/model';
import { t } from '../src/ui/ui-text';
import { copyProject, type ProjectCopy } from './browser/copy-project';
import { MODULE_TITLE, ModuleDriver } from './browser/frame-driver';
import { type LaunchedChromium, launchChromium } from './browser/launch-chromium';
import { type RequestGuard, recordNonLocalRequests } from './browser/local-requests-only';
import { recordingLogger } from './browser/recording-logger';
import { recordTextChanges, textShownAt } from './browser/text-shown-at';
import { PROJECT_SCENARIO_FILE, projectScenario } from './project-scenario';

const STEP_TIMEOUT_MS = 5000;
/** Saves timed on the learner's screen; the median and the slowest are printed. */
const EDITS = 5;
const AUTHOR_PAUSE_MS = 1000;
const TEST_TIMEOUT_MS = 60_000;
const PACKAGE = 'dev-scorm2004-4th';
const STORAGE_KEY = `preview-lms:v1:${PACKAGE}`;
const UNREADABLE_PLACE = t('noticeUnreadableProgress');

const scenario: Scenario = projectScenario();
const logger = recordingLogger();
let project: ProjectCopy;
let server: RunningDevServer;
let chromium: LaunchedChromium;
let guard: RequestGuard;

beforeAll(async () => {
  project = copyProject();
  server = await startDevServer({
    root: project.root,
    port: 0,
    // Vite's pre-bundled dependencies, kept between runs (the copy's own node_modules/.vite is the real one).
    cacheDir: join('node_modules', '.cache', 'dev-server-browser-test'),
    customLogger: logger,
  });
  chromium = await launchChromium();
  chromium.context.setDefaultTimeout(STEP_TIMEOUT_MS);
  guard = recordNonLocalRequests(chromium.context);
}, 60_000);

afterAll(async () => {
  await chromium?.close();
  await server?.close();
  project?.remove();
});

const yamlPath = (): string => join(project.root, PROJECT_SCENARIO_FILE);

/** Saves the copy's scenario with `edit` applied to its YAML document, as an author's editor would. */
function saveScenario(edit: (doc: ReturnType<typeof parseDocument>) => void): void {
  const doc = parseDocument(readFileSync(yamlPath(), 'utf8'));
  edit(doc);
  writeFileSync(yamlPath(), doc.toString({ lineWidth: 0 }));
}

/** The first decision on the way from the start through scenes. */
function firstDecisionId(): string {
  let node = scenario.nodes[scenario.start];
  while (node?.kind === 'scene')
    node = scenario.nodes[node.next.find((b) => b.when === undefined)?.goto ?? ''];
  if (node?.kind !== 'decision') throw new Error('The scenario reaches no decision through its scenes.');
  return node.id;
}

/** The learner's first screen after a decision: start, each scene, the first decision, its feedback, on. */
async function playToScreenAfterFirstDecision(driver: ModuleDriver): Promise<string> {
  await driver.expectScreen(MODULE_TITLE);
  await driver.click(t('start'));
  let node = scenario.nodes[scenario.start];
  while (node?.kind === 'scene') {
    await driver.expectScreen(node.title);
    await driver.click(t('continue'));
    node = scenario.nodes[node.next.find((branch) => branch.when === undefined)?.goto ?? ''];
  }
  if (node?.kind !== 'decision') throw new Error('The scenario reaches no decision through its scenes.');
  await driver.expectScreen(node.title);
  await driver.choose(node.id, 0);
  await driver.click(t('continue'));
  const heading = (await driver.frame.locator('h1').textContent()) ?? '';
  const id = Object.values(scenario.nodes).find((n) => n.title === heading)?.id;
  if (!id) throw new Error(`No node is titled "${heading}".`);
  await driver.expectScreen(heading);
  return id;
}

async function launchStatus(page: Page): Promise<string> {
  return (await page.locator('#launch-status').textContent()) ?? '';
}

describe('npm run dev: the live preview', () => {
  it(
    'shows a saved edit in the open preview on the same screen, shows a broken save’s problem while the last good version runs, and recovers',
    async () => {
      const page = await chromium.context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await recordTextChanges(page);
      // Not waiting for the frame's load: the first launch waits on Vite's first transforms (the driver allows it).
      await page.goto(`${server.url}?package=${PACKAGE}`, { waitUntil: 'domcontentloaded' });
      await page.evaluate(() => localStorage.clear());
      await page.reload({ waitUntil: 'domcontentloaded' });
      const driver = new ModuleDriver(page, scenario);
      const nodeId = await playToScreenAfterFirstDecision(driver);
      const heading = scenario.nodes[nodeId]?.title ?? '';
      const launches = async () => (await page.locator('#call-log tr.launch').count()) || 0;

      // Each save: new words in the body of the node on screen, timed from the file written to the first frame
      // painted with them (the frame's own record: see text-shown-at.ts).
      const times: number[] = [];
      let shown = '';
      for (let edit = 1; edit <= EDITS; edit++) {
        shown = `Live edit ${edit}: new words from the author for this screen.`;
        const words = shown;
        // An author's saves are seconds apart: the last one's work (the trainer view reading the scenario once
        // the frame has loaded) is over before the next save, as it would be at a person's pace.
        await page.waitForTimeout(AUTHOR_PAUSE_MS);
        const savedAt = Date.now();
        saveScenario((doc) => doc.setIn(['nodes', nodeId, 'body'], `${words}\n`));
        await driver.frame.getByText(words, { exact: true }).waitFor();
        times.push((await textShownAt(await driver.contentFrame(), words)) - savedAt);
        await driver.expectScreen(heading);
        expect(await launchStatus(page)).toContain('entry "resume"');
      }
      const sorted = [...times].sort((a, b) => a - b);
      console.log(
        `npm run dev, save to screen: median ${Math.round(sorted[Math.floor(EDITS / 2)] ?? 0)} ms, slowest ${Math.round(sorted.at(-1) ?? 0)} ms (${times.map((t) => Math.round(t)).join(', ')} ms)`,
      );
      // The trainer view reads the edited scenario too: the learner's first choice, relabelled, shows there.
      const firstDecision = firstDecisionId();
      const relabelled = 'Relabelled by the author: the first choice.';
      saveScenario((doc) => doc.setIn(['nodes', firstDecision, 'choices', 0, 'label'], relabelled));
      await page.locator('#trainer-view tr[data-decision]').getByText(relabelled, { exact: true }).waitFor();

      const launchesBeforeBreak = await launches();

      // A key the schema does not know: the build's own message, in the page and the terminal.
      saveScenario((doc) => doc.setIn(['nodes', nodeId, 'bodyy'], 'A typo in a key.'));
      const problem = page.locator('#live-problem');
      await problem.waitFor({ state: 'visible' });
      const text = (await problem.textContent()) ?? '';
      expect(text).toMatch(/scenarios\/boundaries\.yaml:\d+:\d+ error\[unknown-key\]/);
      expect(text).toContain('hint:');
      expect(logger.errors.join('\n')).toContain(text.split('\n').find((l) => l.includes('unknown-key')));
      // The last good version runs on, and a relaunch meanwhile is served it too.
      expect(await driver.frame.getByText(shown, { exact: true }).isVisible()).toBe(true);
      expect(await launches()).toBe(launchesBeforeBreak);
      await page.locator('#relaunch').click();
      await driver.expectScreen(heading);
      await driver.frame.getByText(shown, { exact: true }).waitFor();
      expect(await problem.isVisible()).toBe(true);

      // Fixed: the problem goes, the fixed text shows, on the learner's screen.
      const fixed = 'Fixed: the author corrected the key.';
      saveScenario((doc) => {
        doc.deleteIn(['nodes', nodeId, 'bodyy']);
        doc.setIn(['nodes', nodeId, 'body'], `${fixed}\n`);
      });
      await driver.frame.getByText(fixed, { exact: true }).waitFor();
      await driver.expectScreen(heading);
      await problem.waitFor({ state: 'hidden' });

      // imsmanifest.xml is read by the LMS page too: a new title reloads it, and the learner resumes.
      const manifest = join(project.root, 'imsmanifest.xml');
      const retitled = `${MODULE_TITLE} (revised)`;
      writeFileSync(
        manifest,
        readFileSync(manifest, 'utf8').replaceAll(
          `<title>${MODULE_TITLE}</title>`,
          `<title>${retitled}</title>`,
        ),
      );
      await page.locator('#package-summary', { hasText: retitled }).waitFor();
      await driver.expectScreen(heading);
      await driver.frame.getByText(fixed, { exact: true }).waitFor();
      expect(await launchStatus(page)).toContain('entry "resume"');

      expect(pageErrors).toEqual([]);
      expect(guard.leaks).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it('does not start on files with a problem: it says which, as the build does', async () => {
    const broken = copyProject();
    try {
      const file = join(broken.root, PROJECT_SCENARIO_FILE);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^start: /m, 'sttart: '));
      const starting = startDevServer({ root: broken.root, port: 0, customLogger: recordingLogger() });
      await expect(starting).rejects.toThrow(DevStartError);
      await expect(starting).rejects.toThrow(/scenarios\/boundaries\.yaml:\d+:\d+ error\[unknown-key\]/);
    } finally {
      broken.remove();
    }
  });

  it(
    'starts afresh with a notice when the saved place is not in the scenario any more',
    async () => {
      const page = await chromium.context.newPage();
      await page.goto(`${server.url}?package=${PACKAGE}`);
      const driver = new ModuleDriver(page, scenario);
      await driver.frame.locator('h1').waitFor();
      await page.evaluate(() => (window.previewLms as PreviewLmsHooks).close());
      // A place the scenario cannot reach: after the first step, a choice index no node has.
      await page.evaluate((key) => {
        const stored = JSON.parse(localStorage.getItem(key) ?? '{}');
        stored.cmi['cmi.suspend_data'] = '1|0z|n|5';
        localStorage.setItem(key, JSON.stringify(stored));
      }, STORAGE_KEY);
      await page.reload();
      // The start screen, under the title the copy's imsmanifest.xml has now.
      await driver.expectScreen(readModuleIdentity(join(project.root, 'imsmanifest.xml')).title);
      expect(await launchStatus(page)).toContain('entry "resume"');
      await driver.frame.getByText(UNREADABLE_PLACE).waitFor();
    },
    TEST_TIMEOUT_MS,
  );
});
