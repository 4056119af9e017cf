const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/** "14 March 2025", in the learner's own time zone. */
export function formatLongDate(epochMs: number): string {
  return longDate.format(new Date(epochMs));
}
