import { type BudgetLine, kib, ms } from './bench-budgets.ts';
import type { BenchFigures } from './bench-figures.ts';

/** Figures, then the budgets as met / not met lines. */
export function reportTable(f: BenchFigures, budgets: readonly BudgetLine[]): string {
  const b = f.beforeFirstChoice;
  const a = f.afterNetworkQuiet;
  const perDecision = (value: number | null) => (value === null ? 'n/a' : String(value));
  const figures: [string, string][] = [
    ['runs (fresh browser + profile each)', String(f.runs)],
    ['first choice, module (from navigation)', ms(f.firstChoiceMs)],
    ['first choice, floor (from navigation)', ms(f.floorMs)],
    ['ratio module / floor', f.firstChoiceRatio.toFixed(2)],
    ['first choice, module (from SCO launch)', ms(f.firstChoiceFromLaunchMs)],
    ['first choice, floor (from SCO launch)', ms(f.floorFromLaunchMs)],
    ['ratio from SCO launch', f.firstChoiceFromLaunchRatio.toFixed(2)],
    [
      'app script rendered over the first screen (from navigation)',
      f.takeoverMs === null ? 'never' : ms(f.takeoverMs),
    ],
    ['whole module interactive, LMS frame (from navigation)', ms(f.wholeModule.lms.ms)],
    ['whole module interactive, LMS frame (from SCO launch)', ms(f.wholeModule.lmsFromLaunch.ms)],
    [
      'whole module interactive, standalone (from SCO launch) / its floor',
      `${ms(f.wholeModule.standalone.ms)} / ${ms(f.wholeModule.standalone.floorMs)}`,
    ],
    [
      'resume: own screen interactive (from navigation)',
      f.wholeModule.resume ? `${ms(f.wholeModule.resume.ms)} (${f.wholeModule.resumeRuns} runs)` : 'n/a',
    ],
    [
      'no gzip from the LMS: whole module interactive / ratio / bytes',
      `${ms(f.wholeModule.uncompressed.ms)} / ${f.wholeModule.uncompressed.ratio.toFixed(2)} × / ${kib(f.wholeModule.uncompressedBytes)}`,
    ],
    [
      'bytes before the first interactive screen: gzip / raw / requests',
      `${kib(f.wholeModule.beforeLive.gzipBytes)} / ${kib(f.wholeModule.beforeLive.rawBytes)} / ${f.wholeModule.beforeLive.requests}`,
    ],
    [
      'everything the package loaded (play-through): gzip / raw / requests',
      `${kib(f.wholeModule.loadedAll.gzipBytes)} / ${kib(f.wholeModule.loadedAll.rawBytes)} / ${f.wholeModule.loadedAll.requests}`,
    ],
    [
      'click → next screen, median / p95',
      `${ms(f.wholeModule.screenChangeMedianMs)} / ${ms(f.wholeModule.screenChangeP95Ms)}`,
    ],
    ['bytes before first choice, gzip', `${kib(b.gzipBytes)} (${b.gzipBytes} B)`],
    ['bytes before first choice, raw', `${kib(b.rawBytes)} (${b.rawBytes} B)`],
    ['requests before first choice', String(b.requests)],
    [
      'after network quiet: gzip / raw / requests',
      `${kib(a.gzipBytes)} / ${kib(a.rawBytes)} / ${a.requests}`,
    ],
    [
      'API calls per decision, max / median',
      `${perDecision(f.maxCallsPerDecision)} / ${perDecision(f.medianCallsPerDecision)}`,
    ],
    [
      'commits per decision, min–max',
      f.commitsPerDecision ? `${f.commitsPerDecision.min}–${f.commitsPerDecision.max}` : 'n/a',
    ],
    [
      'API calls per decision by method, max',
      Object.entries(f.callsByMethodPerDecision)
        .map(([method, count]) => `${method} ${count}`)
        .join(', ') || 'n/a',
    ],
    ['decisions measured', String(f.decisionsMeasured)],
    ['API calls at launch / at the ending (median)', `${f.launchCalls} / ${f.endingCalls}`],
    ['commits at the ending (median)', String(f.endingCommits)],
    [
      'commit between click and paint, worst / median of run worsts',
      `${ms(f.maxCommitBlockMs)} / ${ms(f.medianRunMaxCommitBlockMs)}`,
    ],
    ['one Commit (sync XHR), median', f.medianCommitMs === null ? 'n/a' : ms(f.medianCommitMs)],
    [
      'suspend_data, longest over all paths (codec)',
      `${f.suspendData.analysedLongest} (${f.suspendData.analysedPaths} paths, e.g. "${f.suspendData.analysedExample}")`,
    ],
    [
      'suspend_data, longest the module set',
      `${f.suspendData.observedLongest} ("${f.suspendData.observedExample}")`,
    ],
  ];
  const width = Math.max(
    ...figures.map(([name]) => name.length),
    ...budgets.map((line) => line.budget.length),
  );
  const lines = figures.map(([name, value]) => `${name.padEnd(width)}  ${value}`);
  lines.push('', 'Budgets');
  for (const line of budgets) {
    const verdict = line.met === null ? 'not measured' : line.met ? 'met' : 'NOT MET';
    lines.push(`${line.budget.padEnd(width)}  ${verdict.padEnd(12)}  ${line.value}`);
  }
  return lines.join('\n');
}
