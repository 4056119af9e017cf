import { intlLocale } from './ui-text.ts';

// Made on first use (or by `warmIntlFormats`), not at load: it loads the locale's data, which would hold
// back the first screen on a slow phone.
let signed: Intl.NumberFormat | undefined;

/** Points with their sign, the locale's way: "+2", "−1", "0". */
export function formatSignedPoints(points: number): string {
  signed = signed ?? new Intl.NumberFormat(intlLocale, { signDisplay: 'exceptZero' });
  return signed.format(points);
}
