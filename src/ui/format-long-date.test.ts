import { describe, expect, it } from 'vitest';
import { formatLongDate } from './format-long-date.ts';

describe('formatLongDate', () => {
  it('writes the date the British way, month in words', () => {
    expect(formatLongDate(Date.UTC(2025, 2, 14, 12))).toBe('14 March 2025');
  });
});
