import type { Page } from 'playwright-core';
import { launchChromium } from '../launch-chromium.ts';
import type { RunResult } from './bench-figures.ts';
import {
  type BenchServer,
  FLOOR_PREFIX,
  FLOOR_URL,
  PACKAGE_PREFIX,
  UNCOMPRESSED_PREFIX,
} from './bench-server.ts';
import { bytesBefore } from './bytes-before.ts';
import { playFigures } from './decision-figures.ts';
import type { ResourceRecord } from './harness-types.ts';
import { type FirstChoiceLoad, measureFirstChoice } from './measure-first-choice.ts';
import { playThrough } from './play-through.ts';
import { resumeCmiOf } from './screen-figures.ts';
import { throttlePage } from './throttle-page.ts';

export const MODULE_URL = `${PACKAGE_PREFIX}index.html`;
const UNCOMPRESSED_URL = `${UNCOMPRESSED_PREFIX}index.html`;

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
  return withPage(false, (page) => measureFirstChoice(page, server.lmsUrl(MODULE_URL), PACKAGE_PREFIX, true));
}

/**
 * The floor and the module, each in its own browser; the order alternates so drift in load hits both. Then,
 * each in a fresh browser: the module resumed from a decision of this run's path, the floor and the module
 * standalone (a host page with no API), and the module served without gzip.
 */
export async function benchRun(server: BenchServer, run: number): Promise<RunResult> {
  const floor = () =>
    withPage(true, (page) => measureFirstChoice(page, server.lmsUrl(FLOOR_URL), FLOOR_PREFIX));
  const module = () =>
    withPage(true, async (page) => {
      const load = await measureFirstChoice(page, server.lmsUrl(MODULE_URL), PACKAGE_PREFIX, true);
      const commitsBefore = server.commitCount();
      const play = await playThrough(page, run);
      const resources = (await page.evaluate('window.__bench.resources()')) as ResourceRecord[];
      return {
        load,
        play,
        serverCommits: server.commitCount() - commitsBefore,
        loadedAll: bytesBefore(resources, PACKAGE_PREFIX, Number.POSITIVE_INFINITY),
      };
    });
  const floorFirst = run % 2 === 0;
  const floorLoad = floorFirst ? await floor() : undefined;
  const measured = await module();
  const floorResult = floorLoad ?? (await floor());
  const storedCmi = resumeCmiOf(measured.play.steps, measured.play.calls);
  let resume: FirstChoiceLoad | null = null;
  if (storedCmi) {
    server.setResumeCmi(storedCmi);
    resume = await withPage(true, (page) =>
      measureFirstChoice(page, server.lmsUrl(MODULE_URL, 'resume'), PACKAGE_PREFIX, true),
    );
  }
  const standaloneFloor = await withPage(true, (page) =>
    measureFirstChoice(page, server.lmsUrl(FLOOR_URL, 'standalone'), FLOOR_PREFIX),
  );
  const standalone = await withPage(true, (page) =>
    measureFirstChoice(page, server.lmsUrl(MODULE_URL, 'standalone'), PACKAGE_PREFIX, true),
  );
  const uncompressed = await withPage(true, (page) =>
    measureFirstChoice(page, server.lmsUrl(UNCOMPRESSED_URL), UNCOMPRESSED_PREFIX, true),
  );
  return {
    run,
    floor: floorResult,
    module: measured.load,
    resume,
    resumeCmi: storedCmi,
    standaloneFloor,
    standalone,
    uncompressed,
    loadedAll: measured.loadedAll,
    play: playFigures(measured.play.steps, measured.play.calls, measured.play.clicks),
    playStopReason: measured.play.stopReason,
    clicks: measured.play.steps.length,
    serverCommits: measured.serverCommits,
    trace: { steps: measured.play.steps, calls: measured.play.calls, clicks: measured.play.clicks },
  };
}
