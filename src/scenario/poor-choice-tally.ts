/**
 * How the pass mark treats poor choices: of the paths with 0, 1, 2, … poor choices on them, how many pass and
 * how many fail. `npm run scenario:check` prints it as a table and the review pack shows it to the clinical
 * reviewer, so both read the same figures.
 */
import type { PathAnalysis, ScenarioPath } from './analyse-paths.ts';
import type { ChoiceClass, DecisionNode, Scenario } from './model.ts';

export interface PoorChoiceRow {
  /** Poor choices on each of these paths. */
  readonly poor: number;
  readonly pass: number;
  readonly fail: number;
}

/** One row per number of poor choices that some path has, fewest first. */
export function tallyByPoorChoices(scenario: Scenario, analysis: PathAnalysis): PoorChoiceRow[] {
  const tally = new Map<number, { pass: number; fail: number }>();
  for (const walk of analysis.paths) {
    const poor = classesOn(scenario, walk).filter((cls) => cls === 'poor').length;
    const counts = tally.get(poor) ?? { pass: 0, fail: 0 };
    if (walk.passed) counts.pass += 1;
    else counts.fail += 1;
    tally.set(poor, counts);
  }
  return [...tally.entries()].sort(([a], [b]) => a - b).map(([poor, counts]) => ({ poor, ...counts }));
}

/** The decisions on `walk`, in order (a decision met twice is listed twice). */
export function decisionsOn(scenario: Scenario, walk: ScenarioPath): DecisionNode[] {
  return walk.nodes.flatMap((id) => {
    const node = scenario.nodes[id];
    return node?.kind === 'decision' ? [node] : [];
  });
}

/** The choice id made at each decision on `walk`, in order (ids may contain dots, so no splitting). */
export function choiceIdsOn(scenario: Scenario, walk: ScenarioPath): string[] {
  const decisions = decisionsOn(scenario, walk);
  return walk.choices.map((key, i) => key.slice((decisions[i]?.id ?? '').length + 1));
}

function classesOn(scenario: Scenario, walk: ScenarioPath): (ChoiceClass | undefined)[] {
  const decisions = decisionsOn(scenario, walk);
  return choiceIdsOn(scenario, walk).map((id, i) => decisions[i]?.choices.find((c) => c.id === id)?.class);
}
