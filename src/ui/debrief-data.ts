import type { Answer, Choice, DecisionNode, EndingNode, Scenario } from '../scenario/model.ts';

/**
 * Score as a whole percentage of the maximum, 0–100: the model defines the pass mark as a share of the
 * maximum score (`Scenario.passMark`), so the percentage shown beside it uses the same base.
 */
export function scorePercent(total: number, maxScore: number): number {
  if (maxScore <= 0) return 0;
  return Math.min(100, Math.max(0, Math.round((total / maxScore) * 100)));
}

/** Points per principle the recommended path earns: the yardstick each principle's bar is drawn against. */
export function recommendedByPrinciple(
  scenario: Scenario,
  recommendedPath: readonly string[],
): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const p of scenario.principles) sums[p.id] = 0;
  for (const id of recommendedPath) {
    const node = scenario.nodes[id];
    if (node?.kind !== 'decision') continue;
    const best = node.choices.find((c) => c.id === node.recommended);
    for (const [principle, points] of Object.entries(best?.score ?? {})) {
      sums[principle] = (sums[principle] ?? 0) + points;
    }
  }
  return sums;
}

/** One decision of the path map: what the learner chose there, and what the guidance recommends. */
export interface MapStep {
  readonly decision: DecisionNode;
  /** Undefined when the learner's path never reached this decision (the recommended path does). */
  readonly chosen: Choice | undefined;
  readonly recommended: Choice | undefined;
}

/**
 * The learner's decisions in the order made, with the decisions of the recommended path they never reached
 * slotted in where the recommended path meets them: a learner whose scenario ended at stage 1 still sees
 * what stages 2 and 3 asked, and what was advised there.
 */
export function mapSteps(
  scenario: Scenario,
  answers: readonly Pick<Answer, 'decisionId' | 'choiceId'>[],
  recommendedPath: readonly string[],
): MapStep[] {
  const decisionAt = (id: string | undefined) => {
    const node = id === undefined ? undefined : scenario.nodes[id];
    return node?.kind === 'decision' ? node : undefined;
  };
  const step = (decision: DecisionNode, choiceId: string | undefined): MapStep => ({
    decision,
    chosen: decision.choices.find((c) => c.id === choiceId),
    recommended: decision.choices.find((c) => c.id === decision.recommended),
  });
  const recommendedDecisions = recommendedPath.filter((id) => decisionAt(id) !== undefined);
  const answered = new Set(answers.map((a) => a.decisionId));
  // A learner who met a stage through another decision (an escalated stage 3) sees that decision's own
  // recommended choice; the recommended path's decision at the same stage would only be a second "stage 3".
  const answeredStages = new Set(answers.map((a) => decisionAt(a.decisionId)?.stage));
  const steps: MapStep[] = [];
  let next = 0;
  const unreachedUpTo = (end: number) => {
    for (; next < end; next++) {
      const decision = decisionAt(recommendedDecisions[next]);
      if (!decision || answered.has(decision.id)) continue;
      if (decision.stage !== undefined && answeredStages.has(decision.stage)) continue;
      steps.push(step(decision, undefined));
    }
  };
  for (const answer of answers) {
    const decision = decisionAt(answer.decisionId);
    if (!decision) continue;
    const at = recommendedDecisions.indexOf(decision.id, next);
    if (at >= 0) {
      unreachedUpTo(at);
      next = at + 1;
    }
    steps.push(step(decision, answer.choiceId));
  }
  unreachedUpTo(recommendedDecisions.length);
  return steps;
}

/** The ending a node id names, if it is one. */
export function endingOf(scenario: Scenario, nodeId: string | undefined): EndingNode | undefined {
  const node = nodeId === undefined ? undefined : scenario.nodes[nodeId];
  return node?.kind === 'ending' ? node : undefined;
}
