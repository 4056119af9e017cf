import type { BytesBefore } from './bytes-before.ts';
import type { PlayFigures } from './decision-figures.ts';
import type { ApiCall, ClickRecord } from './harness-types.ts';
import type { FirstChoiceLoad } from './measure-first-choice.ts';
import type { PlayStep } from './play-through.ts';
import { percentile, screenChanges, wrongScreens } from './screen-figures.ts';
import type { SuspendDataBound } from './suspend-data-bound.ts';

/** One run: the floor and the package, each in its own fresh browser, and a play-through of the package. */
export interface RunResult {
  readonly run: number;
  readonly floor: FirstChoiceLoad;
  readonly module: FirstChoiceLoad;
  /** Relaunched with the CMI stored after this run's first decision; null if no decision was committed. */
  readonly resume: FirstChoiceLoad | null;
  readonly resumeCmi: Readonly<Record<string, string>> | null;
  /** Floor and module in a host page with no API: the module runs standalone. */
  readonly standaloneFloor: FirstChoiceLoad;
  readonly standalone: FirstChoiceLoad;
  /** The module launched in the LMS page from a server that sends no Content-Encoding. */
  readonly uncompressed: FirstChoiceLoad;
  /** Everything the SCO's frame loaded from launch to the end of the play-through. */
  readonly loadedAll: BytesBefore;
  readonly play: PlayFigures;
  readonly playStopReason: string;
  readonly clicks: number;
  /** POSTs the bench server received at /commit during the play-through. */
  readonly serverCommits: number;
  /** The clicks and the calls they led to, for checking the figures by hand. */
  readonly trace: {
    readonly steps: readonly PlayStep[];
    readonly calls: readonly ApiCall[];
    readonly clicks: readonly ClickRecord[];
  };
}

/** A module figure beside its floor: medians over runs and their ratio. */
export interface Ratio {
  readonly ms: number;
  readonly floorMs: number;
  readonly ratio: number;
}

/** The whole module (the app itself, not a static copy) interactive, and what the issue compares it with. */
export interface WholeModuleFigures {
  /** In the LMS frame, from the LMS page's navigation and from the SCO's launch. */
  readonly lms: Ratio;
  readonly lmsFromLaunch: Ratio;
  /** Standalone (host page with no API), from the SCO's launch: the host page's own load left out. */
  readonly standalone: Ratio;
  /** Resume launch (entry = resume), from navigation, against the LMS floor. */
  readonly resume: Ratio | null;
  /** Headings painted on any resume launch other than the learner's own screen. */
  readonly resumeWrongScreens: readonly string[];
  readonly resumeRuns: number;
  /** Served without gzip, from navigation, against the (gzipped) LMS floor. */
  readonly uncompressed: Ratio;
  readonly uncompressedBytes: number;
  /** Bytes before the app was live, and everything the SCO loaded over the play-through. */
  readonly beforeLive: BytesBefore;
  readonly loadedAll: BytesBefore;
  /** Click → the update that painted the next screen's heading: 95th percentile over every run's clicks. */
  readonly screenChangeP95Ms: number;
  readonly screenChangeMedianMs: number;
  readonly screenChanges: number;
  /** The most Commit time inside any click → next screen window. */
  readonly screenChangeMaxCommitMs: number;
}

export interface BenchFigures {
  readonly runs: number;
  /** Medians over runs, ms since the LMS page's navigation started. */
  readonly firstChoiceMs: number;
  readonly floorMs: number;
  /** Ratio of the two medians. */
  readonly firstChoiceRatio: number;
  /** The same from the SCO's launch (the LMS setting the iframe's src), LMS page load left out. */
  readonly firstChoiceFromLaunchMs: number;
  readonly floorFromLaunchMs: number;
  readonly firstChoiceFromLaunchRatio: number;
  /** Median ms from navigation until the app's script replaced the first screen; null if it never did. */
  readonly takeoverMs: number | null;
  readonly beforeFirstChoice: BytesBefore;
  readonly afterNetworkQuiet: BytesBefore;
  readonly floorBytes: BytesBefore;
  /** Decision windows over all runs (see `PlayFigures.decisions`). */
  readonly decisionsMeasured: number;
  readonly maxCallsPerDecision: number | null;
  readonly medianCallsPerDecision: number | null;
  readonly commitsPerDecision: { readonly min: number; readonly max: number } | null;
  readonly callsByMethodPerDecision: Readonly<Record<string, number>>;
  readonly launchCalls: number;
  readonly endingCalls: number;
  readonly endingCommits: number;
  /** The worst click over all runs, and the median over runs of each run's worst. */
  readonly maxCommitBlockMs: number;
  readonly medianRunMaxCommitBlockMs: number;
  readonly clicksMeasured: number;
  readonly medianCommitMs: number | null;
  readonly wholeModule: WholeModuleFigures;
  readonly suspendData: {
    readonly analysedLongest: number;
    readonly analysedExample: string;
    readonly analysedPaths: number;
    readonly analysedFailed: readonly string[];
    readonly observedLongest: number;
    readonly observedExample: string;
  };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function medianBytes(values: readonly BytesBefore[]): BytesBefore {
  return {
    requests: median(values.map((v) => v.requests)),
    gzipBytes: median(values.map((v) => v.gzipBytes)),
    rawBytes: median(values.map((v) => v.rawBytes)),
    transferBytes: median(values.map((v) => v.transferBytes)),
  };
}

function ratioOf(module: readonly (number | null)[], floor: readonly number[]): Ratio {
  const ms = module.some((value) => value === null) ? Number.NaN : median(module as number[]);
  const floorMs = median(floor);
  return { ms, floorMs, ratio: ms / floorMs };
}

/** `startHeading`: the start screen's heading (the warm-up's), which a resume launch must never paint. */
export function wholeModuleFigures(runs: readonly RunResult[], startHeading: string): WholeModuleFigures {
  const floor = runs.map((r) => r.floor.firstChoice.at);
  const resumed = runs.flatMap((r) => (r.resume ? [r.resume] : []));
  const changes = runs.flatMap((r) => screenChanges(r.trace.clicks, r.trace.calls));
  return {
    lms: ratioOf(
      runs.map((r) => r.module.appLiveAt),
      floor,
    ),
    lmsFromLaunch: ratioOf(
      runs.map((r) => r.module.appLiveFromLaunch),
      runs.map((r) => r.floor.firstChoice.fromLaunch),
    ),
    standalone: ratioOf(
      runs.map((r) => r.standalone.appLiveFromLaunch),
      runs.map((r) => r.standaloneFloor.firstChoice.fromLaunch),
    ),
    resume: resumed.length
      ? ratioOf(
          resumed.map((r) => r.appLiveAt),
          floor,
        )
      : null,
    resumeWrongScreens: [...new Set(resumed.flatMap((r) => wrongScreens(r.paints, startHeading)))],
    resumeRuns: resumed.length,
    uncompressed: ratioOf(
      runs.map((r) => r.uncompressed.appLiveAt),
      floor,
    ),
    uncompressedBytes: median(runs.map((r) => r.uncompressed.settled.gzipBytes)),
    beforeLive: medianBytes(runs.map((r) => r.module.bytesBeforeLive ?? r.module.settled)),
    loadedAll: medianBytes(runs.map((r) => r.loadedAll)),
    screenChangeP95Ms: percentile(
      changes.map((c) => c.ms),
      95,
    ),
    screenChangeMedianMs: median(changes.map((c) => c.ms)),
    screenChanges: changes.length,
    screenChangeMaxCommitMs: Math.max(0, ...changes.map((c) => c.commitMs)),
  };
}

export function benchFigures(
  runs: readonly RunResult[],
  bound: SuspendDataBound,
  startHeading = '',
): BenchFigures {
  const firstChoiceMs = median(runs.map((r) => r.module.firstChoice.at));
  const floorMs = median(runs.map((r) => r.floor.firstChoice.at));
  const fromLaunch = median(runs.map((r) => r.module.firstChoice.fromLaunch));
  const floorFromLaunch = median(runs.map((r) => r.floor.firstChoice.fromLaunch));
  const takeovers = runs.map((r) => r.module.takeoverAt);
  const windows = runs.flatMap((r) => r.play.decisions);
  const calls = windows.map((w) => w.calls);
  const commits = windows.map((w) => w.commits);
  const byMethod: Record<string, number> = {};
  for (const window of windows) {
    for (const [method, count] of Object.entries(window.byMethod)) {
      byMethod[method] = Math.max(byMethod[method] ?? 0, count);
    }
  }
  const runMaxBlock = runs.map((r) => Math.max(0, ...r.play.clicks.map((c) => c.blockedMs)));
  const commitMs = runs.flatMap((r) => r.play.commitMs);
  const observed = runs
    .map((r) => r.play.longestSuspendData)
    .reduce((longest, value) => (value.length > longest.length ? value : longest), '');
  return {
    runs: runs.length,
    firstChoiceMs,
    floorMs,
    firstChoiceRatio: firstChoiceMs / floorMs,
    firstChoiceFromLaunchMs: fromLaunch,
    floorFromLaunchMs: floorFromLaunch,
    firstChoiceFromLaunchRatio: fromLaunch / floorFromLaunch,
    takeoverMs: takeovers.every((t) => t !== null) ? median(takeovers as number[]) : null,
    beforeFirstChoice: medianBytes(runs.map((r) => r.module.bytes)),
    afterNetworkQuiet: medianBytes(runs.map((r) => r.module.settled)),
    floorBytes: medianBytes(runs.map((r) => r.floor.bytes)),
    decisionsMeasured: windows.length,
    maxCallsPerDecision: calls.length ? Math.max(...calls) : null,
    medianCallsPerDecision: calls.length ? median(calls) : null,
    commitsPerDecision: commits.length ? { min: Math.min(...commits), max: Math.max(...commits) } : null,
    callsByMethodPerDecision: byMethod,
    launchCalls: median(runs.map((r) => r.play.launch.calls)),
    endingCalls: median(runs.map((r) => r.play.ending.calls)),
    endingCommits: median(runs.map((r) => r.play.ending.commits)),
    maxCommitBlockMs: Math.max(0, ...runMaxBlock),
    medianRunMaxCommitBlockMs: median(runMaxBlock),
    clicksMeasured: runs.reduce((total, r) => total + r.play.clicks.length, 0),
    medianCommitMs: commitMs.length ? median(commitMs) : null,
    wholeModule: wholeModuleFigures(runs, startHeading),
    suspendData: {
      analysedLongest: bound.longest,
      analysedExample: bound.example,
      analysedPaths: bound.pathsAnalysed,
      analysedFailed: bound.failed,
      observedLongest: observed.length,
      observedExample: observed,
    },
  };
}
