/**
 * Evaluates `when` conditions (model.ts `Condition`) and picks the branch a learner takes.
 *
 * A condition sees two facts: which `decisionId.choiceId` pairs were chosen so far and the running total.
 * On a choice's own branches those facts already include that choice (see `factsAfterChoice`), so an
 * author can write "if this answer brings the total to 5 or more" as `scoreAtLeast: 5` on the choice.
 */
import type { Answer, Branch, Choice, Condition } from './model.ts';

export interface ConditionFacts {
  /** `decisionId.choiceId` for every answer given so far. */
  readonly chosen: ReadonlySet<string>;
  readonly total: number;
}

export function choiceKey(decisionId: string, choiceId: string): string {
  return `${decisionId}.${choiceId}`;
}

export function factsOf(
  answers: readonly Pick<Answer, 'decisionId' | 'choiceId'>[],
  total: number,
): ConditionFacts {
  return { chosen: new Set(answers.map((a) => choiceKey(a.decisionId, a.choiceId))), total };
}

/** The facts as they stand once `choice` is taken: its pair counts as chosen, its points as scored. */
export function factsAfterChoice(before: ConditionFacts, decisionId: string, choice: Choice): ConditionFacts {
  return {
    chosen: new Set([...before.chosen, choiceKey(decisionId, choice.id)]),
    total: before.total + choice.total,
  };
}

/** Every given field must hold; an absent condition always holds. */
export function conditionHolds(condition: Condition | undefined, facts: ConditionFacts): boolean {
  if (condition === undefined) return true;
  const { chose = [], notChose = [], scoreAtLeast, scoreBelow } = condition;
  return (
    chose.every((key) => facts.chosen.has(key)) &&
    notChose.every((key) => !facts.chosen.has(key)) &&
    (scoreAtLeast === undefined || facts.total >= scoreAtLeast) &&
    (scoreBelow === undefined || facts.total < scoreBelow)
  );
}

/** The target of the first branch whose condition holds, or undefined when none does. */
export function nextNodeId(branches: readonly Branch[], facts: ConditionFacts): string | undefined {
  return branches.find((branch) => conditionHolds(branch.when, facts))?.goto;
}
