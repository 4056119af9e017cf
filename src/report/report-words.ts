/**
 * The words the report uses for scores, results, endings and classes: one place, so the page, the preview's
 * trainer view and the CSV download say the same.
 */
import type { ChoiceClass } from '../scenario/model.ts';
import type { AttemptAnalysis, Reached } from './analyse-attempt.ts';

export const CLASS_LABEL: Readonly<Record<ChoiceClass, string>> = {
  recommended: 'Recommended',
  acceptable: 'Acceptable',
  poor: 'Poor',
};

/** What each class means, for the page's key and the README. */
export const CLASS_MEANING: Readonly<Record<ChoiceClass, string>> = {
  recommended: 'what the GMC’s guidance and the defence organisations advise',
  acceptable: 'defensible, a near miss: it costs points but never the pass',
  poor: 'against the guidance in a way that can harm the patient or the doctor: a path through one fails',
};

export function scoreText(analysis: AttemptAnalysis): string {
  const { record } = analysis;
  if (record.status === 'not-attempted') return 'No attempt';
  if (record.status === 'incomplete') return 'None yet (not finished)';
  return record.score === null ? 'None recorded' : `${formatNumber(record.score)} %`;
}

export function resultText(analysis: AttemptAnalysis): string {
  if (analysis.record.status === 'not-attempted') return 'No attempt';
  if (analysis.passed === null) return 'Not finished';
  return analysis.passed ? 'Passed' : 'Failed';
}

export function reachedText(reached: Reached, version: string): string {
  switch (reached.kind) {
    case 'ending':
      return reached.ending.title;
    case 'not-finished':
      return 'Not finished';
    case 'off-path':
      return `Not known: these choices are not a path of version ${version}`;
    case 'unknown':
      return 'Not in this export';
  }
}

const FORMATS = new Map<number, Intl.NumberFormat>();

/** British digits and grouping ("1,000", "70.97"); formatters cached, as a report formats thousands of numbers. */
export function formatNumber(n: number, digits = 2): string {
  let format = FORMATS.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits });
    FORMATS.set(digits, format);
  }
  return format.format(n);
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${Math.round((part / whole) * 100)} %`;
}
