import type { DecisionNode, Scenario } from '../scenario/model.ts';

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

export interface PathRow {
  readonly decision: DecisionNode;
  readonly chosenLabel: string;
  readonly recommendedLabel: string;
  readonly matched: boolean;
}

/** One row per answer, in the order given: what the learner chose at each decision and what was recommended. */
export function pathRows(scenario: Scenario, answers: readonly { decisionId: string; choiceId: string }[]) {
  const rows: PathRow[] = [];
  for (const answer of answers) {
    const decision = scenario.nodes[answer.decisionId];
    if (decision?.kind !== 'decision') continue;
    const label = (id: string) => decision.choices.find((c) => c.id === id)?.label ?? id;
    rows.push({
      decision,
      chosenLabel: label(answer.choiceId),
      recommendedLabel: label(decision.recommended),
      matched: answer.choiceId === decision.recommended,
    });
  }
  return rows;
}
