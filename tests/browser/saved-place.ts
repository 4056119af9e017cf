/**
 * The standalone session's saved place in browser storage, as a learner who left the module would have it, so
 * a browser test can open the module straight on that place instead of playing up to it.
 */
import type { Page } from 'playwright-core';
import { standaloneStorageKey } from '../../src/lms/standalone-session';
import { encodeProgress, type ProgressScreen } from '../../src/lms/suspend-data';

/** The stored record for `steps` taken, on `screen`. */
export function savedPlace(
  steps: readonly number[],
  screen: ProgressScreen,
  status: { completion: string; success: string },
): string {
  return JSON.stringify({
    v: 1,
    // The bookmark names the screen as locationOf (src/app/screen-codes.ts) does.
    location: screen === 'intro' ? 'start' : screen,
    suspendData: encodeProgress({ steps: [...steps], screen, elapsedSeconds: 600 }),
    reflection: '',
    status,
  });
}

/**
 * Writes `stored` as the saved place of module `moduleId` for the origin of `origin`, from a page of that origin
 * that is not the module (the module would save over it on leaving). `page` is left on that other page.
 */
export async function seedSavedPlace(
  page: Page,
  origin: string,
  moduleId: string,
  stored: string,
): Promise<void> {
  await page.goto(`${origin}imsmanifest.xml`);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
    standaloneStorageKey(moduleId),
    stored,
  ] as const);
}
