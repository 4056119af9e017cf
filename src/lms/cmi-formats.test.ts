import { describe, expect, it } from 'vitest';
import {
  formatCmiDecimal,
  formatCmiTime,
  formatCmiTimespan,
  formatIsoDuration,
  formatIsoTimestamp,
  isCmiTime,
  isCmiTimespan,
  isIsoDuration,
  isIsoTimestamp,
  isLongIdentifier,
  isScorm12Identifier,
  isShortIdentifier,
} from './cmi-formats.ts';

const HOUR = 3_600_000;

describe('SCORM 1.2 timespan (HHHH:MM:SS.SS)', () => {
  it.each([
    [0, '0000:00:00.00'],
    [12_500, '0000:00:12.50'],
    [59_999, '0000:01:00.00'],
    [59_994, '0000:00:59.99'],
    [HOUR + 2 * 60_000 + 3_450, '0001:02:03.45'],
    [123 * HOUR, '0123:00:00.00'],
  ])('writes %i ms as %s', (ms, expected) => {
    expect(formatCmiTimespan(ms)).toBe(expected);
    expect(isCmiTimespan(expected)).toBe(true);
  });

  it('clamps spans beyond four hour digits to 9999:59:59.99', () => {
    expect(formatCmiTimespan(10_000 * HOUR)).toBe('9999:59:59.99');
    expect(formatCmiTimespan(Number.POSITIVE_INFINITY)).toBe('0000:00:00.00');
  });

  it('treats negative or NaN durations as zero', () => {
    expect(formatCmiTimespan(-5)).toBe('0000:00:00.00');
    expect(formatCmiTimespan(Number.NaN)).toBe('0000:00:00.00');
  });

  it("rejects what Moodle's CMITimespan rejects", () => {
    expect(isCmiTimespan('PT1M')).toBe(false);
    expect(isCmiTimespan('00001:00:00')).toBe(false);
    expect(isCmiTimespan('00:00:01.123')).toBe(false);
  });
});

describe('SCORM 1.2 time of day (HH:MM:SS)', () => {
  const at = Date.UTC(2024, 4, 1, 23, 30, 15, 999);

  it('writes the UTC clock by default, dropping the fraction', () => {
    expect(formatCmiTime(at)).toBe('23:30:15');
  });

  it('shifts to the given clock, wrapping past midnight', () => {
    expect(formatCmiTime(at, 60)).toBe('00:30:15');
    expect(formatCmiTime(at, -90)).toBe('22:00:15');
    expect(isCmiTime(formatCmiTime(at, 60))).toBe(true);
  });

  it('refuses hour 24 and more', () => {
    expect(isCmiTime('24:00:00')).toBe(false);
    expect(isCmiTime('23:59:59.99')).toBe(true);
  });
});

describe('SCORM 2004 duration (ISO 8601)', () => {
  it.each([
    [0, 'PT0S'],
    [4, 'PT0S'],
    [5, 'PT0.01S'],
    [12_500, 'PT12.5S'],
    [59_999, 'PT1M'],
    [60_000, 'PT1M'],
    [HOUR, 'PT1H'],
    [HOUR + 2 * 60_000 + 3_450, 'PT1H2M3.45S'],
    [100 * HOUR + 1_000, 'PT100H1S'],
  ])('writes %i ms as %s', (ms, expected) => {
    expect(formatIsoDuration(ms)).toBe(expected);
    expect(isIsoDuration(expected)).toBe(true);
  });

  it('never uses weeks or days, which Moodle does not read', () => {
    expect(formatIsoDuration(24 * 14 * HOUR)).toBe('PT336H');
    expect(isIsoDuration('P2W')).toBe(false);
  });

  it('refuses more than two decimals and 1.2 timespans', () => {
    expect(isIsoDuration('PT1.123S')).toBe(false);
    expect(isIsoDuration('00:00:12')).toBe(false);
  });
});

describe('SCORM 2004 timestamp', () => {
  it('writes UTC with two fractional digits, never the three of toISOString', () => {
    const at = Date.UTC(2024, 4, 1, 10, 11, 12, 345);
    expect(new Date(at).toISOString()).toBe('2024-05-01T10:11:12.345Z');
    expect(formatIsoTimestamp(at)).toBe('2024-05-01T10:11:12.34Z');
    expect(isIsoTimestamp(formatIsoTimestamp(at))).toBe(true);
  });

  it('truncates the fraction so 59.999 s stays in the same second', () => {
    expect(formatIsoTimestamp(Date.UTC(2024, 11, 31, 23, 59, 59, 999))).toBe('2024-12-31T23:59:59.99Z');
  });

  it('clamps instants outside 1970–2038, the years Moodle accepts', () => {
    expect(formatIsoTimestamp(Date.UTC(2039, 0, 1, 0, 0, 1))).toBe('2038-12-31T23:59:59.99Z');
    expect(formatIsoTimestamp(-1)).toBe('1970-01-01T00:00:00.00Z');
    expect(formatIsoTimestamp(Number.NaN)).toBe('1970-01-01T00:00:00.00Z');
  });

  it("refuses what Moodle's CMITime refuses", () => {
    expect(isIsoTimestamp('2024-05-01T10:11:12.345Z')).toBe(false);
    expect(isIsoTimestamp('2024-05-01T10:11:12Z')).toBe(false);
    expect(isIsoTimestamp('2024-05-01T10:11:12+01:00')).toBe(false);
    expect(isIsoTimestamp('2039-01-01T00:00:00')).toBe(false);
    expect(isIsoTimestamp('2024-05-01T10:11:12')).toBe(true);
    expect(isIsoTimestamp('2024-05-01T10:11:12.1+01:00')).toBe(true);
  });
});

describe('decimals', () => {
  it.each([
    [77.777, '77.78'],
    [80, '80'],
    [0.5, '0.5'],
    [-0.001, '0'],
    [Number.NaN, '0'],
  ])('writes %d as %s', (value, expected) => {
    expect(formatCmiDecimal(value)).toBe(expected);
  });

  it('keeps more digits when asked, without an exponent', () => {
    expect(formatCmiDecimal(2 / 3, 4)).toBe('0.6667');
    expect(formatCmiDecimal(1e-7, 4)).toBe('0');
  });
});

describe('identifiers', () => {
  it("takes Moodle's CMIShortIdentifier for 2004 responses: letters, digits, _ and . only", () => {
    expect(isShortIdentifier('decline_kindly.v2')).toBe(true);
    expect(isShortIdentifier('decline-kindly')).toBe(false);
    expect(isShortIdentifier('has space')).toBe(false);
    expect(isShortIdentifier('a'.repeat(251))).toBe(false);
    expect(isShortIdentifier('')).toBe(false);
  });

  it('takes printable ASCII without spaces, up to 255, for 1.2 ids', () => {
    expect(isScorm12Identifier('stage2_facebook_message')).toBe(true);
    expect(isScorm12Identifier('urn:x-gp:stage-2')).toBe(true);
    expect(isScorm12Identifier('stage 2')).toBe(false);
    expect(isScorm12Identifier('étape')).toBe(false);
    expect(isScorm12Identifier('a'.repeat(256))).toBe(false);
  });

  it('takes 2004 ids without whitespace that end in a letter or digit', () => {
    expect(isLongIdentifier('stage2_facebook_message')).toBe(true);
    expect(isLongIdentifier('stage\t2')).toBe(false);
    expect(isLongIdentifier('ends_with_')).toBe(false);
    expect(isLongIdentifier('a'.repeat(4001))).toBe(false);
  });
});
