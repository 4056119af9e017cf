import { describe, expect, it } from 'vitest';
import { clamp, countOf, entryOf, modeOf, passMarkOf } from './cmi-values.ts';

describe('values read at launch', () => {
  it('reads a pass mark on its scale as a share, none when unset', () => {
    expect(passMarkOf('70', 100)).toBe(0.7);
    expect(passMarkOf('0.8', 1)).toBe(0.8);
    expect(passMarkOf('', 1)).toBeNull();
    expect(passMarkOf('eighty', 100)).toBeNull();
    expect(passMarkOf('-0.5', 1)).toBe(0);
  });

  it('maps unexpected vocabulary to safe defaults', () => {
    expect(entryOf('resume')).toBe('resume');
    expect(entryOf('bogus')).toBe('');
    expect(modeOf('browse')).toBe('browse');
    expect(modeOf('')).toBe('normal');
    expect(countOf('3')).toBe(3);
    expect(countOf('')).toBe(0);
    expect(countOf('2.5')).toBe(0);
  });

  it('clamps NaN to the minimum', () => {
    expect(clamp(Number.NaN, 0, 100)).toBe(0);
    expect(clamp(150, 0, 100)).toBe(100);
  });
});
