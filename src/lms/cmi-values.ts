/**
 * Reading values the LMS hands back. An LMS may return "" (unset, or error 403 in 2004), an unexpected
 * vocabulary word or a malformed number; each reader maps that to a safe default instead of failing.
 */
import type { LaunchInfo } from './lms-port.ts';

export function entryOf(value: string): LaunchInfo['entry'] {
  return value === 'ab-initio' || value === 'resume' ? value : '';
}

/** 1.2 `cmi.core.lesson_mode` and 2004 `cmi.mode` share the vocabulary normal / review / browse. */
export function modeOf(value: string): LaunchInfo['mode'] {
  return value === 'review' || value === 'browse' ? value : 'normal';
}

/** An array's `_count`; 0 when unreadable. */
export function countOf(value: string): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/** Where an LMS's pass mark comes from, and the values the standard allows there. */
export interface PassMarkElement {
  readonly element: string;
  /** The value that means 100 %. */
  readonly scale: number;
  readonly min: number;
  readonly max: number;
}

/** `adlcp:masteryscore` as the LMS reads it back: CMIDecimal 0–100 (SCORM 1.2 RTE). */
export const MASTERY_SCORE_12: PassMarkElement = {
  element: 'cmi.student_data.mastery_score',
  scale: 100,
  min: 0,
  max: 100,
};

/** `imsss:minNormalizedMeasure` as the LMS reads it back: real(10,7), −1 to 1 (SCORM 2004 RTE). */
export const SCALED_PASSING_SCORE_2004: PassMarkElement = {
  element: 'cmi.scaled_passing_score',
  scale: 1,
  min: -1,
  max: 1,
};

/** A plain decimal, as CMIDecimal and real(10,7) allow: no exponent, no hex, no "Infinity". */
const DECIMAL = /^-?(\d+(\.\d*)?|\.\d+)$/;

/**
 * A pass mark as a share 0–1, or null when the LMS sets none, so the package's own applies. A value that is
 * not a decimal or lies outside the standard's range is a broken LMS, not a pass mark: it is ignored, with a
 * note through `warn` (a mastery score of -5 must not make every learner pass).
 */
export function passMarkOf(
  value: string,
  from: PassMarkElement,
  warn: (message: string) => void = () => {},
): number | null {
  const text = value.trim();
  if (text === '') return null;
  const n = DECIMAL.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(n) || n < from.min || n > from.max) {
    warn(
      `${from.element} is ${JSON.stringify(value)}, not a decimal from ${from.min} to ${from.max}; ignored, the package's own pass mark applies`,
    );
    return null;
  }
  // SCORM 2004 allows a negative passing score; a share below 0 passes everyone, as 0 does.
  return clamp(n / from.scale, 0, 1);
}

/** `value` within [min, max]; NaN and infinities become `min`. */
export function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(Number.isFinite(value) ? value : min, min), max);
}
