import { describe, expect, it } from 'vitest';
import { benchBudgets } from './bench-budgets.ts';
import type { BenchFigures } from './bench-figures.ts';

const bytes = { requests: 3, gzipBytes: 20_000, rawBytes: 60_000, transferBytes: 21_000 };
const figures: BenchFigures = {
  runs: 5,
  firstChoiceMs: 1200,
  floorMs: 1000,
  firstChoiceRatio: 1.2,
  firstChoiceFromLaunchMs: 700,
  floorFromLaunchMs: 500,
  firstChoiceFromLaunchRatio: 1.4,
  takeoverMs: 2500,
  beforeFirstChoice: bytes,
  afterNetworkQuiet: bytes,
  floorBytes: bytes,
  decisionsMeasured: 15,
  maxCallsPerDecision: 12,
  medianCallsPerDecision: 12,
  commitsPerDecision: { min: 1, max: 1 },
  callsByMethodPerDecision: { SetValue: 11, Commit: 1 },
  launchCalls: 17,
  endingCalls: 41,
  endingCommits: 1,
  maxCommitBlockMs: 0,
  medianRunMaxCommitBlockMs: 0,
  clicksMeasured: 60,
  medianCommitMs: 640,
  wholeModule: {
    lms: { ms: 1250, floorMs: 1000, ratio: 1.25 },
    lmsFromLaunch: { ms: 625, floorMs: 500, ratio: 1.25 },
    standalone: { ms: 600, floorMs: 500, ratio: 1.2 },
    resume: { ms: 1250, floorMs: 1000, ratio: 1.25 },
    resumeWrongScreens: [],
    resumeRuns: 5,
    uncompressed: { ms: 1500, floorMs: 1000, ratio: 1.5 },
    uncompressedBytes: 120_000,
    beforeLive: bytes,
    loadedAll: { ...bytes, gzipBytes: 40 * 1024 },
    screenChangeP95Ms: 50,
    screenChangeMedianMs: 30,
    screenChanges: 40,
    screenChangeMaxCommitMs: 0,
  },
  suspendData: {
    analysedLongest: 20,
    analysedExample: '1|0000000|c|zzzzzzzz',
    analysedPaths: 49,
    analysedFailed: [],
    observedLongest: 12,
    observedExample: '1|000102|f|d',
  },
};
const verdicts = (f: BenchFigures) => benchBudgets(f).map((line) => line.met);

describe('benchBudgets', () => {
  it('meets every budget at its limit', () => {
    expect(verdicts(figures)).toEqual(Array(12).fill(true));
  });

  it('misses the commit budget when any decision commits twice', () => {
    expect(verdicts({ ...figures, commitsPerDecision: { min: 1, max: 2 } })[3]).toBe(false);
  });

  it('misses on a ratio, size, call count, blocked paint or suspend_data over its limit', () => {
    const over = {
      ...figures,
      firstChoiceRatio: 1.26,
      beforeFirstChoice: { ...bytes, gzipBytes: 30 * 1024 + 1 },
      maxCallsPerDecision: 13,
      maxCommitBlockMs: 0.1,
      suspendData: { ...figures.suspendData, observedLongest: 101 },
    };
    expect(verdicts(over).slice(0, 6)).toEqual([false, false, false, true, false, false]);
  });

  it('misses the whole-module budgets over 1.25 ×, 40 KB, a 50 ms p95 or any commit in a click → screen', () => {
    const w = figures.wholeModule;
    const over = {
      ...figures,
      wholeModule: {
        ...w,
        lms: { ...w.lms, ratio: 1.26 },
        lmsFromLaunch: { ...w.lmsFromLaunch, ratio: 1.26 },
        standalone: { ...w.standalone, ratio: 1.26 },
        loadedAll: { ...bytes, gzipBytes: 40 * 1024 + 1 },
        screenChangeMaxCommitMs: 600,
      },
    };
    expect(verdicts(over).slice(6)).toEqual([false, false, false, true, false, false]);
    const slow = { ...figures, wholeModule: { ...w, screenChangeP95Ms: 51 } };
    expect(verdicts(slow)[11]).toBe(false);
  });

  it('misses the resume budget when any other screen was painted, even when fast', () => {
    const wrong = { ...figures, wholeModule: { ...figures.wholeModule, resumeWrongScreens: ['Welcome'] } };
    expect(verdicts(wrong)[9]).toBe(false);
  });

  it('says "not measured" rather than met when no decision was reached', () => {
    const none = { ...figures, maxCallsPerDecision: null, commitsPerDecision: null, decisionsMeasured: 0 };
    expect(verdicts(none).slice(2, 4)).toEqual([null, null]);
  });
});
