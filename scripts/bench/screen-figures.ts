/**
 * Figures about screens rather than first choices: click → next screen, and what a resume launch painted.
 * Pure: the harness's records in, numbers out.
 */
import type { ApiCall, ClickRecord, PaintedHeading } from './harness-types.ts';
import type { PlayStep } from './play-through.ts';

/** One click that changed the screen: to the update that painted the new heading, and the Commit inside. */
export interface ScreenChange {
  readonly target: string;
  readonly ms: number;
  readonly commitMs: number;
}

/**
 * Clicks whose screen's heading changed before the next click (a radio changes none: the heading that
 * follows it is the confirm's doing, so it is not one).
 */
export function screenChanges(clicks: readonly ClickRecord[], calls: readonly ApiCall[]): ScreenChange[] {
  const commits = calls.filter((call) => call.method === 'Commit');
  return clicks.flatMap((click, index) => {
    const end = click.screenAt;
    if (end === null || end >= (clicks[index + 1]?.at ?? Number.POSITIVE_INFINITY)) return [];
    const inside = commits.filter((call) => call.start >= click.at && call.start <= end);
    return [
      {
        target: click.target,
        ms: end - click.at,
        commitMs: inside.reduce((total, call) => total + (call.end - call.start), 0),
      },
    ];
  });
}

/** Nearest-rank percentile (p in 0–100); NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

/**
 * What the LMS holds after the play-through's first decision that did not end the scenario: the last
 * suspend_data and location the SCO set before the first Commit after that decision's confirm, as
 * scorm-again's `loadFromJSON` takes them, with `entry` = resume (the SCO had set exit = suspend). A decision
 * that ended the scenario is skipped: relaunched as incomplete, a finished try rightly starts a new one on
 * the start screen. Null when no such decision was committed.
 */
export function resumeCmiOf(
  steps: readonly PlayStep[],
  calls: readonly ApiCall[],
): Readonly<Record<string, string>> | null {
  for (const confirm of steps.filter((step) => step.kind === 'confirm')) {
    const commit = calls.findIndex((call, index) => index >= confirm.callIndex && call.method === 'Commit');
    if (commit < 0) return null;
    const window = calls.slice(confirm.callIndex, commit);
    if (
      window.some(
        (call) =>
          call.method === 'SetValue' &&
          call.element === 'cmi.completion_status' &&
          call.value === 'completed',
      )
    )
      continue;
    const last = (element: string) =>
      calls
        .slice(0, commit)
        .filter((call) => call.method === 'SetValue' && call.element === element)
        .at(-1)?.value ?? null;
    const suspendData = last('cmi.suspend_data');
    if (suspendData === null) return null;
    return {
      entry: 'resume',
      completion_status: 'incomplete',
      suspend_data: suspendData,
      location: last('cmi.location') ?? '',
    };
  }
  return null;
}

/**
 * A resume launch's painted headings other than the learner's own: the heading it settled on, which must
 * not be the start screen's. Frames with no visible heading (nothing painted yet) are not screens.
 */
export function wrongScreens(paints: readonly PaintedHeading[], startHeading: string): string[] {
  const own = paints.at(-1)?.heading ?? '';
  const painted = paints.map((paint) => paint.heading).filter((heading) => heading !== '');
  const wrong = painted.filter((heading) => heading !== own || heading === startHeading);
  if (own === '') wrong.push('(no heading at the end)');
  return [...new Set(wrong)];
}
