import type { ProblemCode, Severity } from './problem.ts';

/** Where a value sits in the parsed document: map keys and list indexes from the root. */
export type Path = readonly (string | number)[];

/**
 * A problem before it has a line and column: checks work on plain data and name a path; the loader maps the
 * path back to the YAML source. `part: 'key'` points at the key of the last segment (e.g. an unknown key)
 * rather than at its value.
 */
export interface Issue {
  readonly path: Path;
  readonly part?: 'key' | 'value';
  /** Set when the position is known from elsewhere (YAML's own errors carry a source offset). */
  readonly at?: { readonly line: number; readonly column: number };
  readonly code: ProblemCode;
  readonly message: string;
  readonly hint: string;
  readonly severity?: Severity;
}
