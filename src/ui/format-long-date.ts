import { intlLocale } from './ui-text.ts';

const longDate = new Intl.DateTimeFormat(intlLocale, { day: 'numeric', month: 'long', year: 'numeric' });

/** "14 March 2025" in en-GB (the platform writes it the locale's way), in the learner's own time zone. */
export function formatLongDate(epochMs: number): string {
  return longDate.format(new Date(epochMs));
}
