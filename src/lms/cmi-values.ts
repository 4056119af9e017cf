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

/** A pass mark as a share 0–1 from a value on a 0–`scale` scale; null when unset or not a number. */
export function passMarkOf(value: string, scale: number): number | null {
  const n = value.trim() === '' ? Number.NaN : Number(value);
  return Number.isFinite(n) ? clamp(n / scale, 0, 1) : null;
}

/** `value` within [min, max]; NaN and infinities become `min`. */
export function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(Number.isFinite(value) ? value : min, min), max);
}
