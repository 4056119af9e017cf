import { intlLocale } from './ui-text.ts';

// Made on first use (or by `warmIntlFormats`), not at load: it loads the locale's data, which would hold
// back the first screen on a slow phone.
let longDate: Intl.DateTimeFormat | undefined;

/** "14 March 2025" in en-GB (the platform writes it the locale's way), in the learner's own time zone. */
export function formatLongDate(epochMs: number): string {
  longDate =
    longDate ?? new Intl.DateTimeFormat(intlLocale, { day: 'numeric', month: 'long', year: 'numeric' });
  return longDate.format(new Date(epochMs));
}
