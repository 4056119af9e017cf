/**
 * The trainer's report with a generated Interactions export of 1,000 trainees × 3 decisions: from the file
 * input's change event to the report for it in the DOM (the page's `trainer-report:rendered` event, fired by
 * a Preact effect, which runs after the frame that paints the render), in headless Chromium at CPU ×4,
 * opened from disk as a trainer opens it. A fresh browser per run.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Scenario } from '../../src/scenario/model.ts';
import { generateInteractionsExport } from '../../tests/fixtures/moodle-export-generator.ts';
import { launchChromium } from '../launch-chromium.ts';
import { CPU_SLOWDOWN } from './bench-profile.ts';

export interface ReportRenderFigures {
  readonly trainees: number;
  readonly attempts: number;
  readonly bytes: number;
  readonly runsMs: readonly number[];
  readonly medianMs: number;
}

export const REPORT_TRAINEES = 1000;
const RENDER_LIMIT_MS = 60_000;

export async function measureTrainerReport(
  reportFile: string,
  scenario: Scenario,
  runs: number,
): Promise<ReportRenderFigures> {
  const generated = generateInteractionsExport(scenario, REPORT_TRAINEES);
  const buffer = Buffer.from(generated.text);
  const runsMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    const chromium = await launchChromium();
    try {
      const page = await chromium.context.newPage();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      await page.goto(pathToFileURL(path.resolve(reportFile)).href);
      await page.locator('#export-files').waitFor();
      const done = page.evaluate(
        (limit) =>
          new Promise<number>((resolve, reject) => {
            let started = 0;
            document.addEventListener('change', () => (started = performance.now()), {
              capture: true,
              once: true,
            });
            window.addEventListener('trainer-report:rendered', () => resolve(performance.now() - started), {
              once: true,
            });
            setTimeout(() => reject(new Error(`no report within ${limit} ms`)), limit);
          }),
        RENDER_LIMIT_MS,
      );
      await page.setInputFiles('#export-files', { name: 'cohort.txt', mimeType: 'text/plain', buffer });
      runsMs.push(await done);
    } finally {
      await chromium.close();
    }
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const medianMs =
    sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return {
    trainees: generated.trainees,
    attempts: generated.attempts.length,
    bytes: buffer.length,
    runsMs,
    medianMs,
  };
}

/** The figure and its budget, as lines for the bench's printout. */
export function reportRenderLines(figures: ReportRenderFigures | null, file: string): string {
  const title = `Trainer's report (${file}, CPU ×${CPU_SLOWDOWN}, opened from disk)`;
  if (figures === null) return `${title}\n  not measured: ${file} not found (run npm run build)`;
  const kb = `${Math.round(figures.bytes / 1024)} KB`;
  const name = `${figures.trainees.toLocaleString('en-GB')} trainees × 3 decisions (${figures.attempts.toLocaleString('en-GB')} attempts, ${kb}), file chosen to report shown`;
  const met = figures.medianMs < 1000;
  return [
    title,
    `  ${name}: median ${Math.round(figures.medianMs)} ms over ${figures.runsMs.length} runs (${figures.runsMs.map((t) => Math.round(t)).join(', ')})`,
    `  budget: under 1 s  ${met ? 'met' : 'NOT MET'}`,
  ].join('\n');
}
