// A driver acts on a screen the way a learner does, never faster than a double click: the module ignores
// any activation within ACTIVATION_GUARD_MS of a new screen's paint (src/ui/activation-guard.ts).
import type { Page } from 'playwright-core';
import { ACTIVATION_GUARD_MS } from '../../src/ui/activation-guard';

/**
 * From the moment a driver saw the new screen painted (its h1 focused, which the app does after the paint, or
 * a frame callback come and gone): the guard, and a margin for the clocks of Node and the page.
 */
export const ACT_AFTER_ARRIVAL_MS = ACTIVATION_GUARD_MS + 100;

/** Waits, if need be, until ACT_AFTER_ARRIVAL_MS have passed since `arrivedAt` (Date.now() of the arrival). */
export async function waitOutActivationGuard(page: Page, arrivedAt: number): Promise<void> {
  const left = arrivedAt + ACT_AFTER_ARRIVAL_MS - Date.now();
  if (left > 0) await page.waitForTimeout(left);
}
