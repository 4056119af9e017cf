import type { Locator, Page } from 'playwright-core';
import { ACTIVATION_GUARD_MS } from '../../src/ui/activation-guard.ts';
import { LIMITS } from './bench-profile.ts';
import type { ApiCall, ClickRecord, ScreenControls } from './harness-types.ts';

/** The harness stamps a paint in the top window, the guard in the frame: a margin for the difference. */
const GUARD_MARGIN_MS = 100;

export type StepKind = 'choose' | 'confirm' | 'continue';

/** One click the driver made, with where the logs stood just before it. */
export interface PlayStep {
  readonly kind: StepKind;
  readonly label: string;
  /** `calls.length` and `clicks.length` before the click. */
  readonly callIndex: number;
  readonly clickIndex: number;
}

export interface PlayThrough {
  readonly steps: readonly PlayStep[];
  readonly calls: readonly ApiCall[];
  readonly clicks: readonly ClickRecord[];
  readonly stopReason: string;
}

/**
 * Plays one path by clicking, as a learner would: on a decision, a radio and then the form's submit button;
 * elsewhere, the first button that is not a submit and not styled secondary. Run `run` takes choice
 * `(run + n) % choices` at its n-th decision, so successive runs take different paths. Stops once the SCO
 * has set `cmi.completion_status` to completed (the scenario's end), or when nothing moves it on.
 */
export async function playThrough(page: Page, run: number): Promise<PlayThrough> {
  const frame = await (await page.$('#sco'))?.contentFrame();
  if (!frame) throw new Error('play-through: no SCO frame');
  await page.evaluate('window.__bench.instrumentFrame()');
  await settle(page, false);
  const steps: PlayStep[] = [];
  const visits = new Map<string, number>();
  let decisions = 0;
  let stopReason = `stopped after ${LIMITS.maxClicks} clicks`;

  const click = async (locator: Locator, kind: StepKind) => {
    const before = (await page.evaluate(
      '({ calls: __bench.calls.length, clicks: __bench.clicks.length, mutations: __bench.mutations })',
    )) as { calls: number; clicks: number; mutations: number };
    const label = ((await locator.textContent({ timeout: LIMITS.screenChangeMs })) || kind).trim();
    steps.push({ kind, label, callIndex: before.calls, clickIndex: before.clicks });
    await locator.click({ timeout: LIMITS.screenChangeMs });
    if (kind !== 'choose') await waitForChange(page, before.mutations);
    await settle(page, kind === 'choose');
  };

  while (steps.length < LIMITS.maxClicks) {
    if (await finished(page)) {
      stopReason = 'scenario finished (cmi.completion_status = completed)';
      break;
    }
    const screen = (await page.evaluate('window.__bench.describeScreen()')) as ScreenControls;
    const seen = (visits.get(screen.text) ?? 0) + 1;
    visits.set(screen.text, seen);
    if (seen > 2) {
      stopReason = `the same screen came back: "${screen.text.slice(0, 60)}"`;
      break;
    }
    if (screen.radios.length > 0) {
      const radio = screen.radios[(run + decisions) % screen.radios.length] ?? 0;
      await click(frame.locator('main input[type="radio"]').nth(radio), 'choose');
      const chosen = (await page.evaluate('window.__bench.describeScreen()')) as ScreenControls;
      if (chosen.submit === null) {
        stopReason = 'a decision without a submit button';
        break;
      }
      await click(frame.locator('main button').nth(chosen.submit), 'confirm');
      decisions += 1;
    } else if (screen.primary !== null) {
      await click(frame.locator('main button').nth(screen.primary), 'continue');
    } else {
      stopReason = 'no control to go on with';
      break;
    }
  }
  return {
    steps,
    calls: (await page.evaluate('window.__bench.calls')) as ApiCall[],
    clicks: (await page.evaluate('window.__bench.clicks')) as ClickRecord[],
    stopReason,
  };
}

async function finished(page: Page): Promise<boolean> {
  return (await page.evaluate(
    `__bench.calls.some((c) => c.method === 'SetValue' && c.element === 'cmi.completion_status' && c.value === 'completed')`,
  )) as boolean;
}

async function waitForChange(page: Page, mutationsBefore: number): Promise<void> {
  await page.waitForFunction(`window.__bench.mutations > ${mutationsBefore}`, undefined, {
    polling: 100,
    timeout: LIMITS.screenChangeMs,
  });
}

/**
 * Until neither an API call nor a DOM change has happened for `settleQuietMs` (longer than the module's
 * 250 ms after-paint fallback), so the commit a click leads to lands before the next click, and until the
 * screen the last click painted is past the module's activation guard (src/ui/activation-guard.ts), which
 * ignores a click sooner after a new screen's paint as the tail of a double click. A synchronous commit
 * blocks the page, and with it these checks, until it returns.
 */
async function settle(page: Page, short: boolean): Promise<void> {
  const quiet = short ? 150 : LIMITS.settleQuietMs;
  const sincePaint = short ? 0 : ACTIVATION_GUARD_MS + GUARD_MARGIN_MS;
  const started = Date.now();
  while (Date.now() - started < LIMITS.settleCapMs) {
    const { idle, painted } = (await page.evaluate(`(() => {
      const last = window.__bench.clicks[window.__bench.clicks.length - 1];
      const paintAt = last ? (last.paintAt ?? last.mutatedAt ?? last.at) : -Infinity;
      return { idle: performance.now() - window.__bench.lastActivityAt, painted: performance.now() - paintAt };
    })()`)) as { idle: number; painted: number };
    if (idle >= quiet && painted >= sincePaint) return;
    await page.waitForTimeout(Math.max(50, quiet - idle, sincePaint - painted));
  }
}
