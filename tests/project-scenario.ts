/**
 * The project's own scenario, loaded as the build loads it, for tests that cross layers. Loaded once per test
 * file; a scenario that does not load stops the file with every problem, as file:line:col.
 */
import { loadScenarioFile } from '../plugins/load-scenario-file.ts';
import { formatProblem } from '../src/scenario/load/index.ts';
import type { Scenario } from '../src/scenario/model.ts';

export const PROJECT_SCENARIO_FILE = 'scenarios/boundaries.yaml';

let loaded: Scenario | undefined;

export function projectScenario(): Scenario {
  if (loaded) return loaded;
  const result = loadScenarioFile(PROJECT_SCENARIO_FILE);
  if (!result.ok) throw new Error(result.errors.map(formatProblem).join('\n'));
  loaded = result.scenario;
  return loaded;
}
