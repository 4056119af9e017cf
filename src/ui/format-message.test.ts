import { describe, expect, it } from 'vitest';
import { type CompiledLocale, messageFormatter } from './format-message.ts';

const locale = (intl: string): CompiledLocale => ({
  lang: intl,
  intl,
  messages: {
    start: 'Start',
    stageOf: 'Stage {stage} of {of}',
    points: ['n', { one: '{n} point', other: '{n} points' }],
    welshPoints: [
      'n',
      {
        zero: '{n} pwynt (0)',
        one: '{n} pwynt (1)',
        two: '{n} bwynt (2)',
        few: '{n} phwynt',
        many: '{n} pwynt (6)',
        other: '{n} pwynt',
      },
    ],
  },
});

describe('messageFormatter', () => {
  const t = messageFormatter(locale('en-GB'));

  it('gives a message as written, and fills in its values', () => {
    expect(t('start')).toBe('Start');
    expect(t('stageOf', { stage: 2, of: 3 })).toBe('Stage 2 of 3');
  });

  it('chooses the plural form by the platform’s rules for the language, not by a rule of its own', () => {
    expect([1, 0, 2, -1].map((n) => t('points', { n }))).toEqual([
      '1 point',
      '0 points',
      '2 points',
      '-1 point',
    ]);
    const cy = messageFormatter(locale('cy'));
    expect([0, 1, 2, 3, 6, 7].map((n) => cy('welshPoints', { n }))).toEqual([
      '0 pwynt (0)',
      '1 pwynt (1)',
      '2 bwynt (2)',
      '3 phwynt',
      '6 pwynt (6)',
      '7 pwynt',
    ]);
  });

  it('writes numbers the locale’s way', () => {
    expect(t('stageOf', { stage: 1234, of: 2 })).toBe('Stage 1,234 of 2');
    expect(messageFormatter(locale('de'))('stageOf', { stage: 1234, of: 2 })).toBe('Stage 1.234 of 2');
  });

  it('writes small whole numbers as digits only where the build found the locale does the same', () => {
    const latin = messageFormatter({ ...locale('en-GB'), smallNumbersAsDigits: true });
    expect(latin('stageOf', { stage: 2, of: 999 })).toBe('Stage 2 of 999');
    expect(latin('stageOf', { stage: 1234, of: 2.5 })).toBe('Stage 1,234 of 2.5');
    const arabic = messageFormatter({ ...locale('ar-EG'), smallNumbersAsDigits: false });
    expect(arabic('stageOf', { stage: 2, of: 3 })).toBe(
      `Stage ${(2).toLocaleString('ar-EG')} of ${(3).toLocaleString('ar-EG')}`,
    );
  });
});
