import { describe, expect, it } from 'vitest';
import {
  clamp,
  countOf,
  entryOf,
  MASTERY_SCORE_12,
  modeOf,
  passMarkOf,
  SCALED_PASSING_SCORE_2004,
} from './cmi-values.ts';

describe('values read at launch', () => {
  it('reads a pass mark on its scale as a share, none when unset', () => {
    expect(passMarkOf('70', MASTERY_SCORE_12)).toBe(0.7);
    expect(passMarkOf(' 80.5 ', MASTERY_SCORE_12)).toBe(0.805);
    expect(passMarkOf('0', MASTERY_SCORE_12)).toBe(0);
    expect(passMarkOf('100', MASTERY_SCORE_12)).toBe(1);
    expect(passMarkOf('0.8', SCALED_PASSING_SCORE_2004)).toBe(0.8);
    expect(passMarkOf('.75', SCALED_PASSING_SCORE_2004)).toBe(0.75);
    expect(passMarkOf('', SCALED_PASSING_SCORE_2004)).toBeNull();
    // In range for 2004, but a share below 0 passes everyone, as 0 does.
    expect(passMarkOf('-0.5', SCALED_PASSING_SCORE_2004)).toBe(0);
  });

  it.each([
    [MASTERY_SCORE_12, '-5'],
    [MASTERY_SCORE_12, '101'],
    [MASTERY_SCORE_12, 'abc'],
    [MASTERY_SCORE_12, 'eighty'],
    [MASTERY_SCORE_12, '0x1'],
    [MASTERY_SCORE_12, '1e3'],
    [MASTERY_SCORE_12, '7e1'],
    [MASTERY_SCORE_12, 'Infinity'],
    [MASTERY_SCORE_12, '70%'],
    [MASTERY_SCORE_12, '-0.1'],
    [SCALED_PASSING_SCORE_2004, '1.5'],
    [SCALED_PASSING_SCORE_2004, '-1.01'],
    [SCALED_PASSING_SCORE_2004, '80'],
    [SCALED_PASSING_SCORE_2004, '8e-1'],
    [SCALED_PASSING_SCORE_2004, '0x1'],
    [SCALED_PASSING_SCORE_2004, 'NaN'],
  ])('ignores %j %j, outside the standard’s range or format, and says so', (from, value) => {
    const notes: string[] = [];
    expect(passMarkOf(value, from, (note) => notes.push(note))).toBeNull();
    expect(notes).toEqual([
      `${from.element} is ${JSON.stringify(value)}, not a decimal from ${from.min} to ${from.max}; ignored, the package's own pass mark applies`,
    ]);
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
