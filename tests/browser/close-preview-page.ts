// Leaving a preview LMS page so that nothing it stores lands after it has gone.
import type { Page } from 'playwright-core';
import type {} from '../../preview/app/preview-lms';

/**
 * Closes the module through the preview's own close first (its unload stores time and place while the page still
 * lives), then the page. A page closed straight away could have that last store land after the next test's
 * `localStorage.clear()` on the same origin (another renderer process), and that test's launch then resumed
 * where the last one ended instead of on the start screen.
 */
export async function closePreviewPage(page: Page): Promise<void> {
  await page.evaluate(() => window.previewLms?.close());
  await page.close();
}
