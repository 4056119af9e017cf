import type { Answer, Scenario, ScenarioNode, Stage } from './model.ts';

/** How many stages the progress bar counts: the numbered ones ("Stage n of N"). At least 1. */
export function countedStages(scenario: Scenario): number {
  return Math.max(1, scenario.stages.filter((s) => s.number !== undefined).length);
}

export function stageOfNode(scenario: Scenario, node: ScenarioNode | undefined): Stage | undefined {
  return node?.stage === undefined ? undefined : scenario.stages.find((s) => s.id === node.stage);
}

/** Numbered stages before this one in story order: what a learner on it has completed at least. */
function countedBefore(scenario: Scenario, stage: Stage): number {
  if (stage.number !== undefined) return stage.number - 1;
  const index = scenario.stages.indexOf(stage);
  return scenario.stages.slice(0, index).filter((s) => s.number !== undefined).length;
}

/**
 * Numbered stages completed, for the progress bar: those before the node's stage, or every stage with a
 * decision already made if that is more, never all of them until the scenario has ended (an ending is
 * complete). Undefined for a node outside the stages.
 */
export function stagesDone(
  scenario: Scenario,
  node: ScenarioNode,
  answers: readonly Pick<Answer, 'decisionId'>[],
): number | undefined {
  const count = countedStages(scenario);
  if (node.kind === 'ending') return count;
  const stage = stageOfNode(scenario, node);
  if (stage === undefined) return undefined;
  const decided = answers.map((a) => {
    const decidedStage = stageOfNode(scenario, scenario.nodes[a.decisionId]);
    if (decidedStage === undefined) return 0;
    return decidedStage.number ?? countedBefore(scenario, decidedStage);
  });
  return Math.min(count - 1, Math.max(0, countedBefore(scenario, stage), ...decided));
}
