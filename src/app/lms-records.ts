/**
 * Turns what the scenario machine reports into what the LMS layer records: one interaction per decision,
 * and the final score, status and one objective per principle. Pure: no actor, no API calls.
 */
import type { DecisionRecord, FinalResult } from '../lms/lms-port.ts';
import type { Answer, DecisionNode, Scenario, Scores } from '../scenario/model.ts';
import { resultOf, scaled, scoreRange } from '../scenario/scoring.ts';

export function decisionRecordOf(scenario: Scenario, answer: Answer): DecisionRecord | null {
  const decision = scenario.nodes[answer.decisionId];
  if (decision?.kind !== 'decision') return null;
  return {
    interactionId: decision.id,
    description: decision.summary,
    responseId: answer.choiceId,
    correctResponseId: decision.recommended,
    result: resultOf(decision, answer.choiceId),
    weighting: bestTotal(decision),
    latencyMs: Math.max(0, answer.at - answer.shownAt),
    timestamp: answer.at,
    ...detailOf(decision, answer.choiceId),
  };
}

/** The decision in words and points, for cmi5's statement; none for a choice the decision does not have. */
function detailOf(decision: DecisionNode, choiceId: string): Pick<DecisionRecord, 'detail'> {
  const choice = decision.choices.find((c) => c.id === choiceId);
  if (!choice) return {};
  const totals = decision.choices.map((c) => c.total);
  return {
    detail: {
      title: decision.title,
      choiceClass: choice.class,
      points: choice.total,
      minPoints: Math.min(...totals),
      maxPoints: Math.max(...totals),
      pointsByPrinciple: choice.score,
      choices: decision.choices.map((c) => ({ id: c.id, text: c.short })),
    },
  };
}

/** A decision weighs what its best choice is worth, so the trainer sees which decisions count most. */
function bestTotal(decision: DecisionNode): number {
  return Math.max(0, ...decision.choices.map((choice) => choice.total));
}

/**
 * Score as a percentage of the best path's total (the same share the pass mark is stated in), so the
 * LMS's raw score, the learner's screen and the pass/fail verdict agree.
 */
export function finalResultOf(scenario: Scenario, scores: Scores, passMark: number): FinalResult {
  const range = scoreRange(scenario);
  const share = scaled(scores.total, range.max);
  return {
    scoreRaw: Math.round(Math.max(0, share) * 10000) / 100,
    scaled: Math.max(0, share),
    passed: share >= passMark - 1e-9,
    objectives: scenario.principles.map((principle) => {
      const raw = scores.byPrinciple[principle.id] ?? 0;
      const max = range.maxByPrinciple[principle.id] ?? 0;
      return {
        id: principle.id,
        description: principle.label,
        raw,
        max,
        passed: max === 0 || raw / max >= passMark - 1e-9,
      };
    }),
  };
}
