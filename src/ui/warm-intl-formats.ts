/**
 * The platform's number and date formats cost 60–190 ms each at CPU × 4 the first time (loading the
 * locale's data). They are made lazily so the first screen does not wait for them, and this makes them once
 * the first screen is up (the buttons' activation guard holds clicks for 500 ms then anyway), so the click
 * that first needs one (the first feedback screen, the certificate) does not wait either.
 */
import { formatLongDate } from './format-long-date.ts';
import { formatSignedPoints } from './format-points.ts';
import { t } from './ui-text.ts';

export function warmIntlFormats(): void {
  formatSignedPoints(1);
  formatLongDate(0);
  // A number outside 0–999 takes the message formatter's Intl.NumberFormat path.
  t('stageOf', { stage: 1000.5, of: 1 });
}
