import type { ApiCall, ClickRecord } from './harness-types.ts';
import type { PlayStep } from './play-through.ts';

export interface CallCount {
  readonly calls: number;
  readonly commits: number;
  readonly byMethod: Readonly<Record<string, number>>;
}

export interface DecisionWindow extends CallCount {
  /** The decision's place in the path, from 1. */
  readonly decision: number;
}

/** The Commit time inside one click's window: from its dispatch to the paint of what it changed. */
export interface ClickBlock {
  readonly target: string;
  /** Window length; the end is the rendering update that painted the first change (else the next one). */
  readonly windowMs: number;
  readonly commits: number;
  readonly blockedMs: number;
}

export interface PlayFigures {
  /** From Initialize to just before the first decision is confirmed. */
  readonly launch: CallCount;
  /**
   * Between consecutive decisions: from one confirm click up to the next, the scenes and feedback between
   * included. The scenario's finishing writes are left out of them and counted as `ending` (`endingCalls`).
   */
  readonly decisions: readonly DecisionWindow[];
  readonly ending: CallCount;
  readonly clicks: readonly ClickBlock[];
  /** Every Commit's duration, wherever it ran. */
  readonly commitMs: readonly number[];
  /** Longest `cmi.suspend_data` the SCO set. */
  readonly longestSuspendData: string;
}

export function isFinishCall(call: ApiCall): boolean {
  return call.method === 'SetValue' && call.element === 'cmi.completion_status' && call.value === 'completed';
}

export function playFigures(
  steps: readonly PlayStep[],
  calls: readonly ApiCall[],
  clicks: readonly ClickRecord[],
): PlayFigures {
  const ending = endingCalls(steps, calls);
  const among = (from: number, to: number) =>
    countCalls(calls.slice(from, to).filter((_, offset) => !ending.has(from + offset)));
  const confirms = steps.filter((step) => step.kind === 'confirm');
  const decisions = confirms.map((step, index) => ({
    decision: index + 1,
    ...among(step.callIndex, confirms[index + 1]?.callIndex ?? calls.length),
  }));
  const commits = calls.filter((call) => call.method === 'Commit');
  return {
    launch: among(0, confirms[0]?.callIndex ?? calls.length),
    decisions,
    ending: countCalls(calls.filter((_, index) => ending.has(index))),
    clicks: clicks.map((click) => blockOf(click, commits)),
    commitMs: commits.map((call) => call.end - call.start),
    longestSuspendData: calls
      .filter((call) => call.method === 'SetValue' && call.element === 'cmi.suspend_data')
      .map((call) => call.value ?? '')
      .reduce((longest, value) => (value.length > longest.length ? value : longest), ''),
  };
}

/** What a SCORM 2004 SCO writes once, when the attempt ends (RTE 4.2: objectives, score, status, exit). */
const RESULT_ELEMENT =
  /^cmi\.(objectives\.|score\.|completion_status$|success_status$|progress_measure$|exit$)/;

/**
 * Indexes of the scenario's finishing calls. When a scene's button reaches the ending, that click and all
 * after it. When a decision ends the scenario (the machine enters the ending on CHOOSE), its click also
 * records the decision, so only the result writes are the ending's, with the first Commit after
 * `completion_status = completed` when the click commits more than once (a single Commit serves both).
 */
function endingCalls(steps: readonly PlayStep[], calls: readonly ApiCall[]): Set<number> {
  const ending = new Set<number>();
  const finishAt = calls.findIndex(isFinishCall);
  let at = -1;
  for (const [index, step] of steps.entries()) if (step.callIndex <= finishAt) at = index;
  const step = steps[at];
  if (finishAt < 0 || step === undefined) return ending;
  const to = steps[at + 1]?.callIndex ?? calls.length;
  const from = step.kind === 'confirm' ? to : step.callIndex;
  for (let index = from; index < calls.length; index++) ending.add(index);
  if (step.kind !== 'confirm') return ending;
  const commitsInClick: number[] = [];
  for (let index = step.callIndex; index < to; index++) {
    const call = calls[index];
    if (call?.method === 'SetValue' && RESULT_ELEMENT.test(call.element ?? '')) ending.add(index);
    if (call?.method === 'Commit') commitsInClick.push(index);
  }
  const finishCommit = commitsInClick.find((index) => index > finishAt);
  if (finishCommit !== undefined && commitsInClick.length > 1) ending.add(finishCommit);
  return ending;
}

export function countCalls(calls: readonly ApiCall[]): CallCount {
  const byMethod: Record<string, number> = {};
  for (const call of calls) byMethod[call.method] = (byMethod[call.method] ?? 0) + 1;
  return { calls: calls.length, commits: byMethod.Commit ?? 0, byMethod };
}

/**
 * A synchronous Commit that starts after the click and before the paint holds that paint back for all of its
 * duration; one that starts after the paint (the module's `afterNextPaint`) holds nothing back.
 */
function blockOf(click: ClickRecord, commits: readonly ApiCall[]): ClickBlock {
  const end = click.paintAt ?? click.firstFrameAt ?? click.at;
  const inside = commits.filter((call) => call.start >= click.at && call.start <= end);
  return {
    target: click.target,
    windowMs: end - click.at,
    commits: inside.length,
    blockedMs: inside.reduce((total, call) => total + (call.end - call.start), 0),
  };
}
