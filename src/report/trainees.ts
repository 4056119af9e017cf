/**
 * Every file's attempts gathered per trainee: one trainee per e-mail address (else per name), the same
 * attempt read from two files (a text and an Excel download of one report) kept once, with the richer record.
 * The attempt filter picks, per trainee, the latest attempt, the best or all of them.
 */
import type { AttemptAnalysis } from './analyse-attempt.ts';
import type { LoadedFile } from './load-export.ts';
import type { VersionVerdict } from './module-versions.ts';

export interface TraineeAttempt {
  readonly analysis: AttemptAnalysis;
  readonly fileName: string;
  readonly verdict: VersionVerdict;
}

export interface Trainee {
  /** Stable across renders: the e-mail address, else the name, in lower case. */
  readonly key: string;
  readonly name: string;
  readonly email: string;
  /** Oldest first; empty for a trainee the export lists with no attempt. */
  readonly attempts: readonly TraineeAttempt[];
}

export type AttemptFilter = 'latest' | 'best' | 'all';

export const FILTER_LABEL: Readonly<Record<AttemptFilter, string>> = {
  latest: 'Latest attempt',
  best: 'Best attempt',
  all: 'All attempts',
};

export function gatherTrainees(files: readonly LoadedFile[]): Trainee[] {
  const byKey = new Map<string, { name: string; email: string; attempts: Map<string, TraineeAttempt> }>();
  for (const file of files) {
    for (const analysis of file.attempts) {
      const { record } = analysis;
      const key = (record.email || record.name).toLowerCase();
      let trainee = byKey.get(key);
      if (!trainee) {
        trainee = { name: record.name, email: record.email, attempts: new Map() };
        byKey.set(key, trainee);
      }
      if (record.attempt === null) continue;
      const attemptKey = `${record.attempt}|${normaliseDate(record.startedOn)}`;
      const held = trainee.attempts.get(attemptKey);
      const candidate = { analysis, fileName: file.name, verdict: file.verdict };
      if (!held || richness(candidate.analysis) > richness(held.analysis)) {
        trainee.attempts.set(attemptKey, candidate);
      }
    }
  }
  const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
  return [...byKey.entries()]
    .map(([key, t]) => ({
      key,
      name: t.name,
      email: t.email,
      attempts: sortByTime([...t.attempts.values()]),
    }))
    .sort((a, b) => collator.compare(a.name, b.name) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The attempts the filter keeps for one trainee, oldest first. */
export function attemptsShown(trainee: Trainee, filter: AttemptFilter): readonly TraineeAttempt[] {
  if (filter === 'all' || trainee.attempts.length <= 1) return trainee.attempts;
  const latest = trainee.attempts[trainee.attempts.length - 1];
  if (filter === 'latest') return latest ? [latest] : [];
  let best: TraineeAttempt | undefined;
  for (const attempt of trainee.attempts) {
    const score = attempt.analysis.record.score;
    // Later attempts win ties; an attempt with no score never beats one with a score.
    if (score !== null && (best === undefined || score >= (best.analysis.record.score ?? -1))) best = attempt;
  }
  const chosen = best ?? latest;
  return chosen ? [chosen] : [];
}

function richness(analysis: AttemptAnalysis): number {
  const { record } = analysis;
  return (
    (record.interactions === null ? 0 : 1 + record.interactions.length) * 10 + (record.score === null ? 0 : 1)
  );
}

/** Oldest first: by start date, then attempt number. */
function sortByTime(attempts: TraineeAttempt[]): TraineeAttempt[] {
  if (attempts.length < 2) return attempts;
  const keyed = attempts.map((a) => ({ a, t: parseMoodleDate(a.analysis.record.startedOn) ?? 0 }));
  keyed.sort((x, y) => x.t - y.t || (x.a.analysis.record.attempt ?? 0) - (y.a.analysis.record.attempt ?? 0));
  return keyed.map((k) => k.a);
}

/** The text download writes "Tuesday, 1 December 2026, 9:30 PM", the spreadsheets "1 December 2026, 9:30 PM". */
export function normaliseDate(text: string): string {
  return text.replace(/^(monday|tuesday|wednesday|thursday|friday|saturday|sunday),\s*/i, '').trim();
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Milliseconds (as if UTC; the export names no time zone) for Moodle's date text, or ISO dates; else null. */
export function parseMoodleDate(text: string): number | null {
  const moodle = /(\d{1,2})\s+([a-z]+)\s+(\d{4}),?\s+(\d{1,2}):(\d{2})\s*(am|pm)?/i.exec(normaliseDate(text));
  if (moodle) {
    const [, day, month, year, hour, minute, half] = moodle;
    const m = MONTHS.findIndex((name) => name.startsWith((month ?? '').toLowerCase().slice(0, 3)));
    if (m === -1) return null;
    let h = Number(hour) % (half ? 12 : 24);
    if (half?.toLowerCase() === 'pm') h += 12;
    return Date.UTC(Number(year), m, Number(day), h, Number(minute));
  }
  const iso = Date.parse(text);
  return Number.isNaN(iso) ? null : iso;
}
