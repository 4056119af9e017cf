/**
 * CMI value formats, written to the strictest reader we know: Moodle's player (mod/scorm/datamodels
 * scorm_12.js, scorm_13.js) is stricter than scorm-again, so every formatter here produces values both
 * accept, and every validator checks Moodle's rule (see /work/shared/scorm-notes.md §3, §5, §7).
 * Pure functions: no clock, no time zone of their own.
 */

const CENTISECONDS_PER_HOUR = 360_000;
const CENTISECONDS_PER_MINUTE = 6_000;

/** Milliseconds as whole centiseconds (both standards allow at most 2 decimals); NaN and negatives are 0. */
function centiseconds(ms: number): number {
  return Number.isFinite(ms) && ms > 0 ? Math.round(ms / 10) : 0;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * SCORM 1.2 CMITimespan `HHHH:MM:SS.SS` (RTE 1.2 §3.4.3; Moodle `^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?$`).
 * Four hour digits hold at most 9999 h, so longer spans are clamped to `9999:59:59.99`.
 */
export function formatCmiTimespan(ms: number): string {
  const total = Math.min(centiseconds(ms), 10_000 * CENTISECONDS_PER_HOUR - 1);
  const hours = Math.floor(total / CENTISECONDS_PER_HOUR);
  const minutes = Math.floor((total % CENTISECONDS_PER_HOUR) / CENTISECONDS_PER_MINUTE);
  const cs = total % CENTISECONDS_PER_MINUTE;
  return `${pad(hours, 4)}:${pad(minutes, 2)}:${pad(Math.floor(cs / 100), 2)}.${pad(cs % 100, 2)}`;
}

/**
 * SCORM 1.2 CMITime `HH:MM:SS`: a time of day with no date or zone (RTE 1.2 §3.4.3), so the caller says which
 * clock: `offsetMinutes` is added to UTC (the learner's clock is `-new Date(t).getTimezoneOffset()`).
 */
export function formatCmiTime(epochMs: number, offsetMinutes = 0): string {
  const shifted = new Date(Math.floor(epochMs / 1000) * 1000 + offsetMinutes * 60_000);
  return `${pad(shifted.getUTCHours(), 2)}:${pad(shifted.getUTCMinutes(), 2)}:${pad(shifted.getUTCSeconds(), 2)}`;
}

/**
 * SCORM 2004 timeinterval (second,10,2): ISO 8601 duration, e.g. `PT1H2M3.45S` (RTE 4.1.1.5). At most two
 * decimals and no `W` or `D` designators, because Moodle's CMITimespan allows neither more digits nor weeks;
 * hours simply grow past 24.
 */
export function formatIsoDuration(ms: number): string {
  const total = centiseconds(ms);
  const hours = Math.floor(total / CENTISECONDS_PER_HOUR);
  const minutes = Math.floor((total % CENTISECONDS_PER_HOUR) / CENTISECONDS_PER_MINUTE);
  const cs = total % CENTISECONDS_PER_MINUTE;
  const seconds = cs % 100 === 0 ? String(cs / 100) : (cs / 100).toFixed(2).replace(/0$/, '');
  const parts = `${hours > 0 ? `${hours}H` : ''}${minutes > 0 ? `${minutes}M` : ''}${cs > 0 ? `${seconds}S` : ''}`;
  return `PT${parts === '' ? '0S' : parts}`;
}

const EARLIEST_TIMESTAMP = Date.UTC(1970, 0, 1);
const LATEST_TIMESTAMP = Date.UTC(2039, 0, 1) - 10;

/**
 * SCORM 2004 time (second,10,0) in UTC with two fractional digits, e.g. `2024-05-01T10:11:12.34Z`.
 * Never `toISOString()` as is: Moodle's CMITime allows 1–2 fractional digits only (it rejects `.123Z`), a zone
 * only after a fraction (it rejects `…:12Z`), and years 1970–2038, so instants outside are clamped to that range.
 * Fractions are truncated, not rounded, so a time never moves into the next second (or year).
 */
export function formatIsoTimestamp(epochMs: number): string {
  const clamped = Math.min(
    Math.max(Number.isFinite(epochMs) ? epochMs : 0, EARLIEST_TIMESTAMP),
    LATEST_TIMESTAMP,
  );
  const iso = new Date(Math.floor(clamped / 10) * 10).toISOString();
  return `${iso.slice(0, 22)}Z`;
}

/**
 * A CMIDecimal with at most `digits` decimals and no exponent, e.g. `77.78`, `1`, `-0.5`. Moodle's 1.2
 * CMIDecimal allows 3 integer digits and its 2004 one 5, which every score and weighting here fits.
 */
export function formatCmiDecimal(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return '0';
  const fixed = value.toFixed(digits);
  const trimmed = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

// ---------------------------------------------------------------------------------------------
// Validators: Moodle's patterns, used by tests and by the sessions to warn before the LMS refuses.

/** SCORM 1.2 CMITimespan, Moodle's pattern. */
export function isCmiTimespan(value: string): boolean {
  return /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/.test(value);
}

/** SCORM 1.2 CMITime, Moodle's pattern (`[0-2]\d:[0-5]\d:[0-5]\d` plus an optional 1–2 digit fraction). */
export function isCmiTime(value: string): boolean {
  return /^[0-2]\d:[0-5]\d:[0-5]\d(\.\d{1,2})?$/.test(value) && Number(value.slice(0, 2)) < 24;
}

/** SCORM 2004 timeinterval, Moodle's CMITimespan: at most 2 decimals, no weeks. */
export function isIsoDuration(value: string): boolean {
  return /^P(\d+Y)?(\d+M)?(\d+D)?(T(((\d+H)(\d+M)?(\d+(\.\d{1,2})?S)?)|((\d+M)(\d+(\.\d{1,2})?S)?)|((\d+(\.\d{1,2})?S))))?$/.test(
    value,
  );
}

/**
 * SCORM 2004 time as Moodle's CMITime reads it: years 1970–2038, 1–2 fractional digits, a zone only after the
 * fraction. Only the full `YYYY-MM-DDThh:mm:ss` form (with optional fraction and zone) counts here, since
 * that is all this layer writes.
 */
export function isIsoTimestamp(value: string): boolean {
  const match =
    /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2}(Z|[+-]([01]\d|2[0-3])(:[0-5]\d)?)?)?$/.exec(
      value,
    );
  const year = Number(match?.[1]);
  return match !== null && year >= 1970 && year <= 2038;
}

/** Moodle's SCORM 2004 CMIShortIdentifier `^[\w\.]{1,250}$`: choice responses and patterns (no hyphens). */
export function isShortIdentifier(value: string): boolean {
  return /^[A-Za-z0-9_.]{1,250}$/.test(value);
}

/** SCORM 1.2 CMIIdentifier as Moodle reads it: printable ASCII `\u0021-\u007E`, no spaces, 1–255 characters. */
export function isScorm12Identifier(value: string): boolean {
  return /^[\u0021-\u007E]{1,255}$/.test(value);
}

/**
 * SCORM 2004 long_identifier_type (interaction and objective ids): no whitespace, at most 4000 characters, and,
 * for older Moodle players (`^\S{0,4000}[a-zA-Z0-9]$`), ending in a letter or digit.
 */
export function isLongIdentifier(value: string): boolean {
  return /^\S{0,3999}[A-Za-z0-9]$/.test(value);
}
