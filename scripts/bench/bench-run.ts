import type { Page } from 'playwright-core';
import { launchChromium } from '../../tests/browser/launch-chromium.ts';
import type { RunResult } from './bench-figures.ts';
import { type BenchServer, FLOOR_PREFIX, FLOOR_URL, PACKAGE_PREFIX } from './bench-server.ts';
import { playFigures } from './decision-figures.ts';
import { type FirstChoiceLoad, measureFirstChoice } from './measure-first-choice.ts';
import { playThrough } from './play-through.ts';
import { throttlePage } from './throttle-page.ts';

export const MODULE_URL = `${PACKAGE_PREFIX}index.html`;

/** A fresh browser and profile, throttled unless told otherwise, closed whatever happens. */
async function withPage<T>(throttled: boolean, work: (page: Page) => Promise<T>): Promise<T> {
  const browser = await launchChromium();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    if (throttled) await throttlePage(page);
    return await work(page);
  } finally {
    await browser.close();
  }
}

/** Unthrottled, once: the module's first screen as rendered, for the floor page; also proves the harness. */
export function warmUp(server: BenchServer): Promise<FirstChoiceLoad> {
  return withPage(false, (page) => measureFirstChoice(page, server.lmsUrl(MODULE_URL), PACKAGE_PREFIX));
}

/** The floor and the module, each in its own browser; the order alternates so drift in load hits both. */
export async function benchRun(server: BenchServer, run: number): Promise<RunResult> {
  const floor = () =>
    withPage(true, (page) => measureFirstChoice(page, server.lmsUrl(FLOOR_URL), FLOOR_PREFIX));
  const module = () =>
    withPage(true, async (page) => {
      const load = await measureFirstChoice(page, server.lmsUrl(MODULE_URL), PACKAGE_PREFIX);
      const commitsBefore = server.commitCount();
      const play = await playThrough(page, run);
      return { load, play, serverCommits: server.commitCount() - commitsBefore };
    });
  const floorFirst = run % 2 === 0;
  const floorLoad = floorFirst ? await floor() : undefined;
  const measured = await module();
  const floorResult = floorLoad ?? (await floor());
  return {
    run,
    floor: floorResult,
    module: measured.load,
    play: playFigures(measured.play.steps, measured.play.calls, measured.play.clicks),
    playStopReason: measured.play.stopReason,
    clicks: measured.play.steps.length,
    serverCommits: measured.serverCommits,
    trace: { steps: measured.play.steps, calls: measured.play.calls },
  };
}
