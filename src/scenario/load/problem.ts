/**
 * Problems the loader reports. Each names the file, the 1-based line and column of the offending YAML node,
 * a stable code (tests and docs refer to it) and a hint that says how to fix it.
 */

export type ProblemCode =
  | 'yaml-syntax'
  | 'yaml-warning'
  | 'schema-comment'
  | 'empty-file'
  | 'duplicate-key'
  | 'unknown-key'
  | 'missing-key'
  | 'wrong-type'
  | 'invalid-id'
  | 'invalid-value'
  | 'too-long'
  | 'wrong-count'
  | 'duplicate-id'
  | 'unknown-target'
  | 'unreachable-node'
  | 'dead-end'
  | 'loop-without-exit'
  | 'unknown-principle'
  | 'unknown-reference'
  | 'unknown-choice'
  | 'choice-not-before'
  | 'branch-fallthrough'
  | 'missing-file'
  | 'media-name-clash'
  | 'unknown-page'
  | 'unknown-stage'
  | 'unused-stage'
  | 'unknown-placeholder'
  | 'placeholder-without-value'
  | 'page-without-title'
  | 'retired-key'
  | 'recommended-count'
  | 'points-vs-class'
  | 'pass-mark-unreachable'
  | 'pass-mark-vs-ending'
  | 'sound-path-fails'
  | 'poor-path-passes'
  | 'branch-never-taken'
  | 'repeatable-score'
  | 'analysis-incomplete'
  | 'internal-error';

export type Severity = 'error' | 'warning';

export interface ScenarioProblem {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  readonly code: ProblemCode;
  readonly severity: Severity;
  readonly message: string;
  readonly hint: string;
}

/** `scenarios/x.yaml:12:5 error[unknown-target]: …` then `  hint: …`, the shape editors and CI logs link. */
export function formatProblem(p: ScenarioProblem): string {
  return `${p.file}:${p.line}:${p.column} ${p.severity}[${p.code}]: ${p.message}\n  hint: ${p.hint}`;
}

export function byPosition(a: ScenarioProblem, b: ScenarioProblem): number {
  return (
    a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code)
  );
}
