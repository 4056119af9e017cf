import type { Page } from 'playwright-core';
import { LIMITS } from './bench-profile.ts';
import { type BytesBefore, bytesBefore } from './bytes-before.ts';
import type { FirstChoice, PaintedHeading, ResourceRecord } from './harness-types.ts';

export interface FirstChoiceLoad {
  readonly firstChoice: FirstChoice;
  readonly bytes: BytesBefore;
  /** Everything the SCO's frame loaded once the network went quiet (lazy chunks, images below the fold). */
  readonly settled: BytesBefore;
  /** See `BenchWindowState.takeoverAt`; read once the network is quiet. */
  readonly takeoverAt: number | null;
  /** See `BenchWindowState.appLiveAt` (ms since the LMS page's navigation); null for the floor page. */
  readonly appLiveAt: number | null;
  /** The same from the SCO's launch (the LMS page setting the iframe's src). */
  readonly appLiveFromLaunch: number | null;
  /** What the SCO had loaded when the app was live (as `bytes`); null for the floor page. */
  readonly bytesBeforeLive: BytesBefore | null;
  /** The SCO's heading, frame by frame, until 2 s after the app was live. */
  readonly paints: readonly PaintedHeading[];
}

/**
 * Opens the LMS page on `lmsUrl` and waits for the harness to report the SCO's first choice (`lms-harness.ts`
 * says how it is timed). Sizes are read once the frame has loaded nothing new for a while, so entries that
 * were still in flight at the first choice are counted as requests but not as bytes.
 */
export async function measureFirstChoice(
  page: Page,
  lmsUrl: string,
  scoPrefix: string,
  waitForApp = false,
): Promise<FirstChoiceLoad> {
  // The harness script ends the LMS page's body, so `__bench` exists by DOMContentLoaded; no polling needed.
  await page.goto(lmsUrl, { waitUntil: 'domcontentloaded', timeout: LIMITS.firstChoiceMs });
  await withTimeout(page.evaluate('window.__bench.ready'), LIMITS.firstChoiceMs + 5_000, 'first choice');
  const firstChoice = (await page.evaluate('window.__bench.firstChoice')) as FirstChoice | null;
  if (firstChoice === null) {
    const errors = (await page.evaluate('window.__bench.errors')) as string[];
    throw new Error(`${lmsUrl}: ${errors.join('; ') || 'no first choice'}`);
  }
  if (waitForApp) {
    await page.waitForFunction('window.__bench.appLiveAt !== null', undefined, {
      polling: 100,
      timeout: LIMITS.firstChoiceMs,
    });
  }
  const resources = await quietResources(page);
  const live = (await page.evaluate(
    '({ takeoverAt: __bench.takeoverAt, appLiveAt: __bench.appLiveAt, launchAt: __bench.launchAt, paints: __bench.paints })',
  )) as { takeoverAt: number | null; appLiveAt: number | null; launchAt: number; paints: PaintedHeading[] };
  return {
    firstChoice,
    takeoverAt: live.takeoverAt,
    appLiveAt: live.appLiveAt,
    appLiveFromLaunch: live.appLiveAt === null ? null : live.appLiveAt - live.launchAt,
    paints: live.paints,
    bytesBeforeLive: live.appLiveAt === null ? null : bytesBefore(resources, scoPrefix, live.appLiveAt),
    bytes: bytesBefore(resources, scoPrefix, firstChoice.at),
    settled: bytesBefore(resources, scoPrefix, Number.POSITIVE_INFINITY),
  };
}

async function quietResources(page: Page): Promise<ResourceRecord[]> {
  const started = Date.now();
  let resources = (await page.evaluate('window.__bench.resources()')) as ResourceRecord[];
  let quietSince = Date.now();
  while (Date.now() - quietSince < LIMITS.networkQuietMs && Date.now() - started < LIMITS.networkQuietCapMs) {
    await page.waitForTimeout(200);
    const next = (await page.evaluate('window.__bench.resources()')) as ResourceRecord[];
    if (next.length !== resources.length) quietSince = Date.now();
    resources = next;
  }
  return resources;
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
