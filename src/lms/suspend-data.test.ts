import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeProgress,
  encodeProgress,
  MAX_ELAPSED_SECONDS,
  type ProgressRecord,
  type ProgressScreen,
} from './suspend-data.ts';

const SCREENS: readonly ProgressScreen[] = [
  'intro',
  'node',
  'feedback',
  'debrief',
  'reflection',
  'certificate',
];
const XML_SAFE_PRINTABLE = /^[\x21-\x7E]*$/;
const XML_SPECIAL = /[<>&"']/;

const record = fc.record({
  steps: fc.array(fc.integer({ min: 0, max: 35 }), { maxLength: 400 }),
  screen: fc.constantFrom(...SCREENS),
  elapsedSeconds: fc.integer({ min: 0, max: MAX_ELAPSED_SECONDS }),
});

describe('suspend data', () => {
  it('writes the version first, then steps, screen and elapsed time', () => {
    expect(encodeProgress({ steps: [0, 1, 2, 0], screen: 'feedback', elapsedSeconds: 3609 })).toBe(
      '1|0120|f|2s9',
    );
  });

  it('reads back what it wrote', () => {
    const value: ProgressRecord = { steps: [0, 4, 0, 2, 3], screen: 'reflection', elapsedSeconds: 1234 };
    expect(decodeProgress(encodeProgress(value))).toEqual({ ok: true, value });
  });

  it('round-trips any progress as XML-safe printable ASCII within the SCORM 1.2 limit', () => {
    fc.assert(
      fc.property(record, (value) => {
        const encoded = encodeProgress(value);
        expect(encoded).toMatch(XML_SAFE_PRINTABLE);
        expect(encoded).not.toMatch(XML_SPECIAL);
        expect(encoded.length).toBeLessThanOrEqual(4096);
        expect(decodeProgress(encoded)).toEqual({ ok: true, value });
      }),
      { seed: 20240501, numRuns: 300 },
    );
  });

  it('keeps a realistic 40-step path well under 100 characters', () => {
    const steps = Array.from({ length: 40 }, (_, i) => i % 5);
    const encoded = encodeProgress({ steps, screen: 'certificate', elapsedSeconds: 4 * 3600 });
    expect(encoded.length).toBeLessThanOrEqual(100);
  });

  it('stores elapsed time as whole, non-negative seconds', () => {
    const decoded = decodeProgress(encodeProgress({ steps: [], screen: 'intro', elapsedSeconds: -3.7 }));
    expect(decoded).toEqual({ ok: true, value: { steps: [], screen: 'intro', elapsedSeconds: 0 } });
  });

  it('believes at most 1,000 hours spent: more is damaged data, refused on reading and never written', () => {
    expect(MAX_ELAPSED_SECONDS).toBe(3_600_000);
    const limit = MAX_ELAPSED_SECONDS.toString(36);
    expect(decodeProgress(`1|0102002|c|${limit}`)).toMatchObject({ ok: true });
    expect(decodeProgress('1|0102002|c|zzzzzzzz')).toEqual({
      ok: false,
      reason: 'suspend data is damaged: 2821109907455 s spent is not believable',
    });
    expect(decodeProgress(`1|0|n|${(MAX_ELAPSED_SECONDS + 1).toString(36)}`).ok).toBe(false);
    const written = encodeProgress({ steps: [0], screen: 'node', elapsedSeconds: 10 * MAX_ELAPSED_SECONDS });
    expect(decodeProgress(written)).toEqual({
      ok: true,
      value: { steps: [0], screen: 'node', elapsedSeconds: MAX_ELAPSED_SECONDS },
    });
  });

  it('refuses a step that is not a choice index (a caller bug)', () => {
    expect(() => encodeProgress({ steps: [-1], screen: 'node', elapsedSeconds: 0 })).toThrow(RangeError);
    expect(() => encodeProgress({ steps: [1.5], screen: 'node', elapsedSeconds: 0 })).toThrow(RangeError);
  });

  it.each([
    ['', 'no suspend data'],
    ['2|01|n|0', 'unknown suspend data version 2'],
    ['{"steps":[0]}', 'suspend data is damaged'],
    ['1|01|n', 'suspend data is damaged'],
    ['1|0-1|n|0', 'suspend data is damaged'],
    ['1|01|x|0', 'unknown screen code "x"'],
    ['1|01|n|0|extra', 'suspend data is damaged'],
  ])('refuses %j: %s', (data, reason) => {
    expect(decodeProgress(data)).toEqual({ ok: false, reason });
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (data) => {
        const decoded = decodeProgress(data);
        expect(typeof decoded.ok).toBe('boolean');
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});
