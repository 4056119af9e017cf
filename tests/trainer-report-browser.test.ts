/**
 * The built dist/trainer-report.html in real Chromium, opened from disk (file://) as a trainer would: every
 * Interactions export Moodle 4.5.6 gave us (text, Excel, ODS; SCORM 1.2 and 2004) and the Basic and
 * Objectives reports are fed to its file input, and the test reads what a trainer sees for named trainees
 * and the cohort. Also: a malformed file, an export from a module version it does not know, markup in a
 * name, a drop, 1,000 trainees, the CSV download, the CSP and the absence of any request, axe (WCAG 2.0–2.2
 * A and AA) and one trainee per printed page.
 */

import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path, { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRAINER_REPORT_FILE } from '../plugins/trainer-report-plugin';
import type { Scenario } from '../src/scenario/model';
import { type BuiltPackages, buildPackages } from './browser/build-packages';
import { type LaunchedChromium, launchChromium } from './browser/launch-chromium';
import { generateInteractionsExport } from './fixtures/moodle-export-generator';
import { projectScenario } from './project-scenario';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const FIXTURES = path.resolve('tests/fixtures/moodle-exports');
const SCREENSHOTS = join(import.meta.dirname, 'screenshots', 'trainer-report');

const scenario: Scenario = projectScenario();
function choiceLabel(decisionId: string, choiceId: string): string {
  const node = scenario.nodes[decisionId];
  const label = node?.kind === 'decision' ? node.choices.find((c) => c.id === choiceId)?.label : undefined;
  if (!label) throw new Error(`no choice ${decisionId}.${choiceId}`);
  return label;
}

let packages: BuiltPackages;
let chromium: LaunchedChromium;
let reportUrl: string;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  packages = await buildPackages();
  reportUrl = pathToFileURL(path.join(path.dirname(packages.webDir), TRAINER_REPORT_FILE)).href;
  chromium = await launchChromium();
  chromium.context.setDefaultTimeout(10_000);
}, 120_000);

afterAll(async () => {
  await chromium?.close();
  packages?.remove();
});

interface OpenedReport {
  readonly page: Page;
  /** Page errors, console errors, CSP violations. */
  readonly problems: string[];
  /** Every URL asked for other than the page itself and data:/blob: URLs. */
  readonly requests: string[];
}

async function openReport(): Promise<OpenedReport> {
  const page = await chromium.context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('request', (request) => {
    const url = request.url();
    if (url !== reportUrl && !/^(data|blob):/.test(url)) requests.push(url);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`);
    });
  });
  await page.goto(reportUrl);
  await page.locator('#export-files').waitFor();
  return { page, problems, requests };
}

async function openFiles(page: Page, ...files: string[]): Promise<void> {
  await page.setInputFiles(
    '#export-files',
    files.map((f) => path.join(FIXTURES, f)),
  );
  await page
    .locator('#status')
    .filter({ hasText: /opened/ })
    .waitFor();
}

async function chooseFilter(
  page: Page,
  label: 'Latest attempt' | 'Best attempt' | 'All attempts',
): Promise<void> {
  await page.getByRole('radio', { name: label }).check();
}

function trainee(page: Page, name: string): Locator {
  return page.locator('article.trainee').filter({ has: page.getByRole('heading', { name, exact: true }) });
}

/** The text a trainer sees in a trainee's article, scrolled to as a reader would. */
async function seen(locator: Locator): Promise<string> {
  await locator.scrollIntoViewIfNeeded();
  return locator.innerText();
}

/** The count in the cohort chart's table for one choice of one decision. */
async function chartCount(page: Page, decisionId: string, choiceId: string): Promise<string> {
  return page.locator(`#decision-${decisionId} tr[data-key="${choiceId}"] td.count`).innerText();
}

async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const { axe } = window as unknown as {
      axe: { run(context: Document, options: RunOptions): Promise<AxeResults> };
    };
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return results.violations.flatMap((v) =>
      v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} ${n.failureSummary}`),
    );
  }, AXE_TAGS);
}

/** Pages in a PDF Chromium printed: its page objects (`/Type /Page`, not `/Pages`). */
function pdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}

describe('the trainer report page', () => {
  it('is one self-contained file under a strict CSP that says it sends nothing anywhere', async () => {
    const html = readFileSync(new URL(reportUrl), 'utf8');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/connect-src 'none'/);
    expect(csp).toMatch(/script-src 'sha256-[^']+'(;|$)/);
    expect(csp).toMatch(/style-src 'sha256-[^']+'(;|$)/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet/);
    const { page, problems, requests } = await openReport();
    expect(await page.locator('#privacy').innerText()).toMatch(/sends nothing anywhere/);
    await openFiles(page, 'scorm12/interactions.xlsx');
    await page.locator('article.trainee').first().waitFor();
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  describe.each(['txt', 'xlsx', 'ods'])('the SCORM 1.2 Interactions export (.%s)', (format) => {
    it('shows each named trainee’s choices in words, score and ending, and the cohort counts', async () => {
      const { page, problems } = await openReport();
      await openFiles(page, `scorm12/interactions.${format}`);
      await chooseFilter(page, 'All attempts');

      const priya = trainee(page, 'Priya Shah');
      expect(await seen(priya)).toContain(choiceLabel('stage1_car_park', 'decline_clearly'));
      const priyaText = await seen(priya);
      expect(priyaText).toMatch(/Score:\s*100 %/);
      expect(priyaText).toMatch(/Result:\s*Passed/);
      expect(priyaText).toMatch(/Ending:\s*The boundary holds/);
      expect(priyaText).toContain('In the car park');
      expect(priyaText).toContain('What do you do?');
      expect(priyaText).toContain(choiceLabel('stage3_flowers', 'return_and_transfer'));

      const tom = await seen(trainee(page, 'Tom Evans'));
      expect(tom).toContain(choiceLabel('stage1_car_park', 'accept_drink'));
      expect(tom).toMatch(/Poor/);
      expect(tom).toMatch(/crosses the line Good medical practice para 86 draws/); // the rationale
      expect(tom).toContain(choiceLabel('stage1_car_park', 'decline_clearly')); // the recommended choice
      expect(tom).toMatch(/Result:\s*Failed/);
      expect(tom).toMatch(/Ending:\s*A referral to the GMC/);

      const aisha = await seen(trainee(page, 'Aisha Bello'));
      expect(aisha).toMatch(/Result:\s*Not finished/);
      expect(aisha).toMatch(/Ending:\s*Not finished/);

      const liam = trainee(page, "Liam O'Connor");
      await expect.poll(() => liam.locator('section.attempt').count(), { timeout: 10_000 }).toBe(2);
      const liamText = await seen(liam);
      expect(liamText).toMatch(/Score:\s*70\.97 %/);
      expect(liamText).toContain(choiceLabel('stage2_facebook_message', 'delete_and_block'));

      const zoe = await seen(trainee(page, 'Zoë Müller'));
      expect(zoe).toMatch(/Score:\s*45\.16 %/);
      expect(zoe).toMatch(/Ending:\s*It stops, but the messages come back to you/);

      expect(await chartCount(page, 'stage1_car_park', 'decline_clearly')).toBe('3');
      expect(await chartCount(page, 'stage1_car_park', 'vague_maybe')).toBe('2');
      expect(await chartCount(page, 'stage2_facebook_message', 'delete_and_block')).toBe('2');
      expect(await chartCount(page, 'stage3_flowers', 'return_and_transfer')).toBe('3');
      expect(await page.locator('#endings tr[data-key="ending_late_recovery"] td.count').innerText()).toBe(
        '2',
      );
      expect(await page.locator('#pass-rate').innerText()).toMatch(/2 of 6 finished attempts passed/);

      await chooseFilter(page, 'Latest attempt');
      await expect
        .poll(() => trainee(page, "Liam O'Connor").locator('section.attempt').count(), { timeout: 10_000 })
        .toBe(1);
      const talkTo = await page.locator('.talk-to').innerText();
      for (const name of ["Liam O'Connor", 'Sam Jones', 'Tom Evans', 'Zoë Müller'])
        expect(talkTo).toContain(name);
      expect(talkTo).not.toContain('Priya Shah');

      const notices = await page.locator('#notices').innerText();
      expect(notices).toMatch(/export from version 1\.0\.0 of the module, not version 1\.1\.0/);
      expect(problems).toEqual([]);
      await page.close();
    });
  });

  it.each(['txt', 'xlsx', 'ods'])(
    'explains why the SCORM 2004 Interactions export (.%s) has no choices, and shows its scores',
    async (format) => {
      const { page, problems } = await openReport();
      await openFiles(page, `scorm2004/interactions.${format}`);
      const notices = await page.locator('#notices').innerText();
      expect(notices).toMatch(/Moodle 4\.5 gives for a SCORM 2004 package/);
      expect(notices).toMatch(/use the SCORM 1\.2 package/);
      expect(notices).toMatch(/Track details/);
      expect(await seen(trainee(page, 'Zoë Müller'))).toMatch(/Score:\s*45\.16 %[\s\S]*Result:\s*Failed/);
      expect(await seen(trainee(page, "Liam O'Connor"))).toContain('No attempt in the files opened.');
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it('adds the scores of the Basic and Objectives reports and says to download the Interactions report', async () => {
    const { page } = await openReport();
    await openFiles(
      page,
      'scorm12/basic.xlsx',
      'scorm2004/objectives-with-score.ods',
      'scorm12/basic-detailed.txt',
    );
    const notices = await page.locator('#notices').innerText();
    expect(notices.match(/download the Interactions report instead/g)).toHaveLength(3);
    expect(notices).toMatch(/objective columns empty/);
    expect(await seen(trainee(page, 'Priya Shah'))).toMatch(/Score:\s*100 %[\s\S]*Result:\s*Passed/);
    await page.close();
  });

  it('refuses a malformed file and says what was expected, and still reads the good one beside it', async () => {
    const { page } = await openReport();
    await page.setInputFiles('#export-files', [
      { name: 'minutes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%âãÏÓ\n') },
      { name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('Trainee,Comment\nA,fine\n') },
      {
        name: 'interactions.txt',
        mimeType: 'text/plain',
        buffer: readFileSync(join(FIXTURES, 'scorm12/interactions.txt')),
      },
    ]);
    await page
      .locator('#status')
      .filter({ hasText: /2 could not be read/ })
      .waitFor();
    const errors = await page.locator('.notice--error').allInnerTexts();
    expect(errors[0]).toMatch(
      /“minutes\.pdf” is a PDF\. Expected a SCORM report downloaded from Moodle or Totara/,
    );
    expect(errors[1]).toMatch(/“notes\.csv” is not a SCORM report[\s\S]*“Trainee”, “Comment”/);
    await expect.poll(() => page.locator('article.trainee').count(), { timeout: 10_000 }).toBe(6);
    await page.close();
  });

  it('shows ids from another module version as recorded, names the version, and renders names as text', async () => {
    const { page } = await openReport();
    const header = ['Name', 'Email address', 'Attempt', 'Started on', 'Last accessed on', 'Score', 'Module'];
    const groups = ['Question 0', 'Response 0', 'Right answer 0', 'Result 0'];
    const rows = [
      [...header, ...groups],
      [
        '<img src=x onerror="document.title=1">',
        'a@example.org',
        '1',
        '-',
        '-',
        '40',
        '40',
        'stage9_court',
        'give_evidence',
        'give_evidence',
        'correct',
      ],
    ];
    const text = rows
      .map((r) => r.map((c) => (/[\s"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join('\t'))
      .join('\n');
    await page.setInputFiles('#export-files', {
      name: 'future.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(text),
    });
    await page.locator('article.trainee').first().waitFor();
    const warning = await page.locator('.notice--warning').innerText();
    expect(warning).toMatch(/a version this report does not know/);
    expect(warning).toMatch(/not version 1\.1\.0/);
    expect(warning).toContain('stage9_court.give_evidence');
    const article = page.locator('article.trainee').first();
    expect(await seen(article.getByRole('heading', { level: 3 }))).toBe(
      '<img src=x onerror="document.title=1">',
    );
    expect(await article.locator('code').allInnerTexts()).toEqual(['stage9_court', 'give_evidence']);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.title()).not.toBe('1');
    await page.close();
  });

  it('opens files dropped on the page', async () => {
    const { page } = await openReport();
    const text = readFileSync(join(FIXTURES, 'scorm12/interactions.txt'), 'utf8');
    await page.evaluate((content) => {
      const data = new DataTransfer();
      data.items.add(new File([content], 'dropped.txt', { type: 'text/plain' }));
      document.body.dispatchEvent(
        new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
      );
    }, text);
    await expect.poll(() => page.locator('article.trainee').count(), { timeout: 10_000 }).toBe(6);
    await page.close();
  });

  it('reads a generated export of 1,000 trainees: a page of them at a time, a trainee found by name, all printed', async () => {
    const { page, problems } = await openReport();
    const generated = generateInteractionsExport(scenario, 1000);
    const started = Date.now();
    await page.setInputFiles('#export-files', {
      name: 'cohort.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(generated.text),
    });
    await page.locator('#trainee-range').filter({ hasText: 'of 1,000' }).waitFor({ timeout: 30_000 });
    console.log(
      `trainer report: 1,000 trainees in ${Date.now() - started} ms (no throttling; npm run bench has the figure)`,
    );
    expect(await page.locator('#trainee-range').innerText()).toBe('Trainees 1–25 of 1,000');
    expect(await page.locator('.trainee-pages article.trainee').count()).toBe(25);
    expect(await page.locator('.headline').innerText()).toMatch(/1,000\s+trainees/);
    const firstAttempts = generated.attempts.filter((a) => a.attempt === 1).length;
    const stage1 = await page.locator('#decision-stage1_car_park-caption').innerText();
    expect(stage1).toContain(`${firstAttempts.toLocaleString('en-GB')} attempts`);

    // One trainee by name: the report says what the generator made them choose.
    const wanted = generated.attempts.find(
      (a) => a.attempt === 1 && a.ending !== null && a.choices.length === 3,
    );
    if (!wanted) throw new Error('the generator made no three-decision attempt');
    await page.getByLabel('Find a trainee (name or e-mail)').fill(wanted.email);
    await page.locator('#trainee-range').filter({ hasText: 'of 1' }).waitFor();
    const text = await seen(page.locator('.trainee-pages article.trainee'));
    for (const key of wanted.choices) {
      const [decisionId = '', choiceId = ''] = key.split('.');
      expect(text).toContain(choiceLabel(decisionId, choiceId));
    }
    await page.getByLabel('Find a trainee (name or e-mail)').fill('');
    await page.getByRole('button', { name: 'Next 25' }).click();
    await page.locator('#trainee-range').filter({ hasText: 'Trainees 26–50' }).waitFor();

    // Printing prints every trainee, whichever page is on screen.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await page.locator('.print-all article.trainee').count()).toBe(1000);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await page.locator('.print-all article.trainee').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('downloads the combined table as CSV, made in the page', async () => {
    const { page, requests } = await openReport();
    await openFiles(page, 'scorm12/interactions.ods');
    await chooseFilter(page, 'All attempts');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#download-csv').click(),
    ]);
    const file = await download.path();
    const csv = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.split('\r\n');
    expect(lines[0]).toMatch(/^Name,Email address,Attempt,/);
    expect(lines).toHaveLength(1 + 7);
    expect(download.url()).toMatch(/^blob:/);
    expect(csv).toContain(`"${choiceLabel('stage1_car_park', 'decline_clearly').replace(/"/g, '""')}"`);
    expect(csv).toContain("Liam O'Connor");
    expect(requests).toEqual([]);
    await page.close();
  });

  it('passes axe, and prints the cohort then one trainee per page', async () => {
    const { page } = await openReport();
    await openFiles(page, 'scorm12/interactions.txt', 'scorm2004/interactions.xlsx');
    await chooseFilter(page, 'All attempts');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('section.cohort').screenshot({ path: join(SCREENSHOTS, 'cohort.png') });
    await trainee(page, "Liam O'Connor").screenshot({ path: join(SCREENSHOTS, 'trainee-liam-oconnor.png') });

    await chooseFilter(page, 'Latest attempt');
    await page.emulateMedia({ media: 'print' });
    const articles = page.locator('article.trainee');
    const count = await articles.count();
    expect(count).toBe(6);
    for (const style of await articles.evaluateAll((els) =>
      els.map((el) => getComputedStyle(el).breakBefore),
    )) {
      expect(style).toBe('page');
    }
    expect(await page.locator('.open-files').isVisible()).toBe(false);
    const full = pdfPages(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
    // Without the trainees, the same print is the cohort alone: each trainee added exactly one page.
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('article.trainee')) el.remove();
    });
    const cohortOnly = pdfPages(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
    expect(full - cohortOnly).toBe(count);
    await page.close();
  }, 60_000);
});
