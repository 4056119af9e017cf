import type { BenchFigures } from './bench-figures.ts';

export interface BudgetLine {
  readonly budget: string;
  readonly value: string;
  /** null when the figure could not be measured (e.g. no decision was reached). */
  readonly met: boolean | null;
}

/** 30 KB read as KiB, the unit browsers' DevTools show. */
const GZIP_BUDGET_BYTES = 30 * 1024;

/** The budgets; reported, never enforced (the bench exits 0 whichever way they go). */
export function benchBudgets(f: BenchFigures): BudgetLine[] {
  const suspend = Math.max(f.suspendData.analysedLongest, f.suspendData.observedLongest);
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
  ];
}

export function ms(value: number): string {
  return Number.isFinite(value) ? `${Math.round(value)} ms` : 'n/a';
}

export function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
