import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration.ts';

describe('formatDuration', () => {
  it('gives hours and minutes', () => {
    expect(formatDuration(3725)).toBe('1 h 2 min');
  });

  it('gives minutes alone under an hour, rounded', () => {
    expect(formatDuration(29 * 60 + 31)).toBe('30 min');
  });

  it('drops "0 min" on the hour', () => {
    expect(formatDuration(7200)).toBe('2 h');
  });
});
