import type { BenchFigures, Ratio } from './bench-figures.ts';

export interface BudgetLine {
  readonly budget: string;
  readonly value: string;
  /** null when the figure could not be measured (e.g. no decision was reached). */
  readonly met: boolean | null;
}

/** 30 KB read as KiB, the unit browsers' DevTools show. */
const GZIP_BUDGET_BYTES = 30 * 1024;
/** Issue 14: everything the package loads, first screen to ending. */
const TOTAL_GZIP_BUDGET_BYTES = 40 * 1024;
const RATIO_BUDGET = 1.25;
const SCREEN_CHANGE_BUDGET_MS = 50;

function ratioLine(budget: string, r: Ratio): BudgetLine {
  return {
    budget,
    value: `${r.ratio.toFixed(2)} × (${ms(r.ms)} vs ${ms(r.floorMs)})`,
    met: Number.isFinite(r.ratio) ? r.ratio <= RATIO_BUDGET : null,
  };
}

/** The issue's budgets; reported, never enforced (the bench exits 0 whichever way they go). */
export function benchBudgets(f: BenchFigures): BudgetLine[] {
  const suspend = Math.max(f.suspendData.analysedLongest, f.suspendData.observedLongest);
  const w = f.wholeModule;
  const resume = w.resume;
  const wrong = w.resumeWrongScreens;
  return [
    {
      budget: 'first choice ≤ 1.25 × the floor',
      value: `${f.firstChoiceRatio.toFixed(2)} × (${ms(f.firstChoiceMs)} vs ${ms(f.floorMs)})`,
      met: Number.isFinite(f.firstChoiceRatio) ? f.firstChoiceRatio <= 1.25 : null,
    },
    {
      budget: '≤ 30 KB gzip before the first choice',
      value: kib(f.beforeFirstChoice.gzipBytes),
      met: f.beforeFirstChoice.gzipBytes <= GZIP_BUDGET_BYTES,
    },
    {
      budget: '≤ 12 API calls per decision',
      value: f.maxCallsPerDecision === null ? 'no decision reached' : `${f.maxCallsPerDecision} at most`,
      met: f.maxCallsPerDecision === null ? null : f.maxCallsPerDecision <= 12,
    },
    {
      budget: 'exactly 1 commit per decision',
      value:
        f.commitsPerDecision === null
          ? 'no decision reached'
          : `${f.commitsPerDecision.min}–${f.commitsPerDecision.max} over ${f.decisionsMeasured} decisions`,
      met:
        f.commitsPerDecision === null
          ? null
          : f.commitsPerDecision.min === 1 && f.commitsPerDecision.max === 1,
    },
    {
      budget: '0 ms of commit between click and next screen',
      value: f.clicksMeasured === 0 ? 'no click made' : `${ms(f.maxCommitBlockMs)} at most`,
      met: f.clicksMeasured === 0 ? null : f.maxCommitBlockMs === 0,
    },
    {
      budget: 'suspend_data ≤ 100 characters on every path',
      value: `${suspend} characters at most`,
      met: f.suspendData.analysedPaths === 0 && f.suspendData.observedLongest === 0 ? null : suspend <= 100,
    },
    // Issue 14: the whole module, not its static first screen.
    ratioLine('whole module interactive ≤ 1.25 × the floor (LMS frame)', w.lms),
    ratioLine('whole module interactive ≤ 1.25 × the floor (from SCO launch)', w.lmsFromLaunch),
    ratioLine('whole module interactive ≤ 1.25 × the floor (standalone)', w.standalone),
    {
      budget: 'resume ≤ 1.25 × the floor, no other screen painted',
      value: resume
        ? `${resume.ratio.toFixed(2)} × (${ms(resume.ms)} vs ${ms(resume.floorMs)}); ` +
          (wrong.length ? `painted: ${wrong.map((h) => `"${h}"`).join(', ')}` : 'no other screen painted')
        : 'no resume launch (no decision committed)',
      met:
        resume && Number.isFinite(resume.ratio) ? resume.ratio <= RATIO_BUDGET && wrong.length === 0 : null,
    },
    {
      budget: '≤ 40 KB gzip for everything the package loads',
      value: `${kib(w.loadedAll.gzipBytes)} (${kib(w.beforeLive.gzipBytes)} before the first interactive screen)`,
      met: w.loadedAll.requests === 0 ? null : w.loadedAll.gzipBytes <= TOTAL_GZIP_BUDGET_BYTES,
    },
    {
      budget: 'click → next screen p95 ≤ 50 ms, 0 ms of commit in it',
      value:
        w.screenChanges === 0
          ? 'no screen change measured'
          : `${ms(w.screenChangeP95Ms)} p95 over ${w.screenChanges} clicks; commit ${ms(w.screenChangeMaxCommitMs)} at most`,
      met:
        w.screenChanges === 0
          ? null
          : w.screenChangeP95Ms <= SCREEN_CHANGE_BUDGET_MS && w.screenChangeMaxCommitMs === 0,
    },
  ];
}

export function ms(value: number): string {
  return Number.isFinite(value) ? `${Math.round(value)} ms` : 'n/a';
}

export function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
