import { loadAllScenarios } from '../../plugins/load-scenario-file.ts';
import { encodeProgress } from '../../src/lms/suspend-data.ts';
import { analysePaths } from '../../src/scenario/analyse-paths.ts';

export interface SuspendDataBound {
  /** Longest suspend_data the codec writes on any path of any scenario, and where. */
  readonly longest: number;
  readonly example: string;
  readonly scenario: string;
  readonly path: readonly string[];
  readonly pathsAnalysed: number;
  /** Scenario files that did not load (their paths are not in the figure). */
  readonly failed: readonly string[];
}

/** Elapsed time stored at its widest (eight base-36 digits), so the bound holds however long a learner takes. */
const WIDEST_ELAPSED_SECONDS = 36 ** 8 - 1;

/**
 * The project's own path analysis and suspend-data codec over every path of every scenario in `dir`: a path's
 * longest value is the one written at its end (every node's step stored), on any screen (one letter each).
 */
export function suspendDataBound(dir = 'scenarios'): SuspendDataBound {
  let best: SuspendDataBound = {
    longest: 0,
    example: '',
    scenario: '',
    path: [],
    pathsAnalysed: 0,
    failed: [],
  };
  let pathsAnalysed = 0;
  const failed: string[] = [];
  for (const file of loadAllScenarios(dir)) {
    if (!file.result.ok) {
      failed.push(file.path);
      continue;
    }
    const { scenario } = file.result;
    for (const path of analysePaths(scenario).paths) {
      pathsAnalysed += 1;
      const value = encodeProgress({
        steps: path.steps,
        screen: 'certificate',
        elapsedSeconds: WIDEST_ELAPSED_SECONDS,
      });
      if (value.length > best.longest) {
        best = { ...best, longest: value.length, example: value, scenario: scenario.id, path: path.nodes };
      }
    }
  }
  return { ...best, pathsAnalysed, failed };
}
