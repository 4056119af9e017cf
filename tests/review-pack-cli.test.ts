/**
 * `npm run review` end to end: the project's pack is written as HTML and printed to a PDF of several A4
 * pages through real Chromium, and opening the HTML requests nothing; a scenario that does not load prints
 * the build's file:line:col problems, exits 1 and writes nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../plugins/load-scenario-file.ts';
import { readModuleIdentity } from '../plugins/module-identity.ts';
import { launchChromium } from '../scripts/launch-chromium.ts';
import { countPdfPages } from '../scripts/print-pdf.ts';
import { formatProblem } from '../src/scenario/load/index.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'review-pack-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function review(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/review.ts', ...args], { encoding: 'utf8' });
}

describe('npm run review', () => {
  it('prints the problems of a scenario that does not load as the build does, exits 1 and writes nothing', () => {
    const broken = path.join(scratch, 'broken.yaml');
    writeFileSync(
      broken,
      'id: broken\nversion: 1.0.0\nstart: intro\nnodes:\n  intro:\n    title: [unclosed\n    body: Hi\n',
    );
    const out = path.join(scratch, 'broken-out');
    const run = review('--out', out, broken);
    expect(run.status).toBe(1);
    const loaded = loadScenarioFile(broken);
    expect(loaded.ok).toBe(false);
    const errors = loaded.ok ? [] : loaded.errors;
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(run.stderr).toContain(formatProblem(error));
    expect(run.stderr).toMatch(/broken\.yaml:\d+:\d+ error\[/);
    expect(existsSync(out)).toBe(false);
  });

  it('writes the HTML and prints it to a PDF of several A4 pages, and the HTML requests nothing', async () => {
    const out = path.join(scratch, 'out');
    const run = review('--out', out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const { id, version } = readModuleIdentity('imsmanifest.xml');
    const base = path.join(out, `${id}-${version}-review`);
    expect(run.stdout).toContain(`${base}.html`);
    expect(run.stdout).toContain(`${base}.pdf`);
    const pdf = readFileSync(`${base}.pdf`);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = countPdfPages(pdf);
    expect(pages).toBeGreaterThan(1);

    const chromium = await launchChromium();
    try {
      const requests: string[] = [];
      chromium.context.on('request', (request) => requests.push(request.url()));
      const page = await chromium.context.newPage();
      const url = pathToFileURL(path.resolve(`${base}.html`)).href;
      await page.goto(url, { waitUntil: 'load' });
      expect(await page.locator('img').count()).toBeGreaterThan(0);
      // Every image has drawn: none waits on a request that went nowhere.
      expect(
        await page
          .locator('img')
          .evaluateAll((imgs) => imgs.every((img) => (img as HTMLImageElement).naturalWidth > 0)),
      ).toBe(true);
      expect(requests.filter((r) => r !== url && !r.startsWith('data:'))).toEqual([]);
    } finally {
      await chromium.close();
    }
  }, 120_000);
});
