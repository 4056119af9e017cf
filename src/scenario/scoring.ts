/**
 * Scores: adding a choice, the range over every path, pass/fail and per-answer results.
 *
 * Like H5P Branching Scenario's `scoring.js`, the maximum is taken over all paths through the graph
 * rather than summing every decision, because a learner only meets the decisions on their own path.
 * The walk here is deliberately independent of the xstate machine, so tests can check the compiled
 * machine against it path by path.
 */
import { type ConditionFacts, choiceKey, factsAfterChoice, nextNodeId } from './conditions.ts';
import type { Choice, DecisionNode, Scenario, Scores } from './model.ts';

export interface ScoreRange {
  readonly min: number;
  readonly max: number;
  /** Highest score each principle reaches on any single path (paths may differ per principle). */
  readonly maxByPrinciple: Readonly<Record<string, number>>;
}

/**
 * SCORM 1.2 `interactions.n.result` vocabulary (`correct`, `wrong`, `neutral`); the LMS layer writes
 * `incorrect` for `wrong` in SCORM 2004.
 */
export type ChoiceResult = 'correct' | 'wrong' | 'neutral';

/** Tolerance for pass marks that binary floating point cannot hold exactly (0.28 × 25 = 7.000000000000001). */
const EPSILON = 1e-9;

export function zeroScores(scenario: Scenario): Scores {
  return { total: 0, byPrinciple: Object.fromEntries(scenario.principles.map((p) => [p.id, 0])) };
}

export function addChoice(scores: Scores, choice: Choice): Scores {
  const byPrinciple: Record<string, number> = { ...scores.byPrinciple };
  for (const [principle, points] of Object.entries(choice.score)) {
    byPrinciple[principle] = (byPrinciple[principle] ?? 0) + points;
  }
  return { total: scores.total + choice.total, byPrinciple };
}

/**
 * The longest path the walks follow. A valid scenario is a DAG, so no path visits more nodes than there
 * are; the slack lets a conditional "try again" loop run once before a walk gives up on it.
 */
export function pathLengthLimit(scenario: Scenario): number {
  return 2 * Object.keys(scenario.nodes).length;
}

/** Where one path through the scenario ends, as the plain walk below finds it. */
export interface PathOutcome {
  /** `decisionId.choiceId` for each decision on the path. */
  readonly choices: readonly string[];
  readonly ending: string;
  readonly scores: Scores;
}

/**
 * Every path that reaches an ending, by a plain depth-first walk of the model: the reference the compiled
 * machine is checked against (tests/every-path.test.ts), and the source of `scoreRange`.
 */
export function pathOutcomes(scenario: Scenario): PathOutcome[] {
  const outcomes: PathOutcome[] = [];
  const limit = pathLengthLimit(scenario);
  const step = (nodeId: string | undefined, facts: ConditionFacts, at: PathOutcome, length: number): void => {
    const node = nodeId === undefined ? undefined : scenario.nodes[nodeId];
    if (node === undefined || length > limit) return;
    if (node.kind === 'ending') {
      outcomes.push({ ...at, ending: node.id });
    } else if (node.kind === 'scene') {
      step(nextNodeId(node.next, facts), facts, at, length + 1);
    } else {
      for (const choice of node.choices) {
        const after = factsAfterChoice(facts, node.id, choice);
        const taken = {
          ...at,
          choices: [...at.choices, choiceKey(node.id, choice.id)],
          scores: addChoice(at.scores, choice),
        };
        step(nextNodeId(choice.next, after), after, taken, length + 1);
      }
    }
  };
  step(
    scenario.start,
    { chosen: new Set(), total: 0 },
    { choices: [], ending: '', scores: zeroScores(scenario) },
    1,
  );
  return outcomes;
}

const ranges = new WeakMap<Scenario, ScoreRange>();

/** Min and max total over every path that reaches an ending; 0/0 when none does. Cached per scenario. */
export function scoreRange(scenario: Scenario): ScoreRange {
  const cached = ranges.get(scenario);
  if (cached) return cached;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  const maxByPrinciple: Record<string, number> = {};
  for (const { scores } of pathOutcomes(scenario)) {
    min = Math.min(min, scores.total);
    max = Math.max(max, scores.total);
    for (const [principle, points] of Object.entries(scores.byPrinciple)) {
      maxByPrinciple[principle] = Math.max(maxByPrinciple[principle] ?? Number.NEGATIVE_INFINITY, points);
    }
  }
  const range = Number.isFinite(max) ? { min, max, maxByPrinciple } : { min: 0, max: 0, maxByPrinciple };
  ranges.set(scenario, range);
  return range;
}

export function maxScore(scenario: Scenario): number {
  return scoreRange(scenario).max;
}

/** `total / max` clamped to SCORM 2004's `cmi.score.scaled` range [-1, 1]; 0 when nothing can be scored. */
export function scaled(total: number, max: number): number {
  if (max <= 0) return 0;
  return Math.min(1, Math.max(-1, total / max));
}

/**
 * Passed when the scaled score reaches the pass mark: the same test an LMS applies to `cmi.score.scaled`
 * against `cmi.scaled_passing_score` (SCORM 2004) or to the raw score against `mastery_score` (SCORM 1.2).
 * `passMarkOverride` is the LMS's own mastery score (0–1) when it supplies one.
 */
export function passedFor(scenario: Scenario, total: number, passMarkOverride?: number): boolean {
  const passMark = passMarkOverride ?? scenario.passMark;
  return scaled(total, maxScore(scenario)) >= passMark - EPSILON;
}

export function recommendedChoice(decision: DecisionNode): Choice | undefined {
  return decision.choices.find((choice) => choice.id === decision.recommended);
}

/**
 * Decided by the class the author gave the choice (model.ts `ChoiceClass`), not by its points: recommended is
 * `correct`, acceptable `neutral` (defensible, a near miss, so a trainer reading the LMS report sees it apart
 * from the real mistakes) and poor `wrong`. An id the decision does not have is `neutral` (the machine never
 * records one).
 */
export function resultOf(decision: DecisionNode, choiceId: string): ChoiceResult {
  switch (decision.choices.find((c) => c.id === choiceId)?.class) {
    case 'recommended':
      return 'correct';
    case 'poor':
      return 'wrong';
    default:
      return 'neutral';
  }
}
