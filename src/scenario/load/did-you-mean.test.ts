import { describe, expect, it } from 'vitest';
import { closest, didYouMean } from './did-you-mean.ts';

describe('closest', () => {
  it('finds a key with one letter swapped', () => {
    expect(closest('titel', ['type', 'title', 'body'])).toBe('title');
  });

  it('ignores case when comparing', () => {
    expect(closest('Stage1_Car_Park', ['stage1_car_park', 'stage2'])).toBe('stage1_car_park');
  });

  it('offers nothing when no candidate is close', () => {
    expect(closest('completely_different', ['title', 'body'])).toBeUndefined();
  });
});

describe('didYouMean', () => {
  it('falls back to the given hint when nothing is close', () => {
    expect(didYouMean('zzz', ['title'], 'see the README')).toBe('see the README');
  });
});
