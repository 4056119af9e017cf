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
    expect(verdicts(figures)).toEqual([true, true, true, true, true, true]);
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
    expect(verdicts(over)).toEqual([false, false, false, true, false, false]);
  });

  it('says "not measured" rather than met when no decision was reached', () => {
    const none = { ...figures, maxCallsPerDecision: null, commitsPerDecision: null, decisionsMeasured: 0 };
    expect(verdicts(none).slice(2, 4)).toEqual([null, null]);
  });
});
