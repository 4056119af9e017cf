import { t } from './ui-text.ts';

/** Time spent as "1 h 5 min" (whole minutes, rounded), the unit CPD logs are kept in; the words are the locale's. */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds / 60));
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  if (hours === 0) return t('durationMinutes', { minutes });
  return minutes === 0 ? t('durationHours', { hours }) : t('durationHoursMinutes', { hours, minutes });
}
