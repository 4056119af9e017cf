/**
 * The cohort at a glance, over the attempts the filter keeps: how many chose each option at each decision,
 * the endings reached, the pass rate, the average points by principle, and the trainees whose path went
 * through a poor choice.
 */
import type { Choice, DecisionNode, EndingNode, Scenario } from '../scenario/model.ts';
import { scoreRange } from '../scenario/scoring.ts';
import type { DecisionSeen } from './analyse-attempt.ts';
import { type AttemptFilter, attemptsShown, type Trainee, type TraineeAttempt } from './trainees.ts';

export interface ChoiceCount {
  /** As recorded; the scenario's id for a known choice. */
  readonly choiceId: string;
  /** Undefined for an id the scenario does not know. */
  readonly choice: Choice | undefined;
  readonly count: number;
}

export interface DecisionCounts {
  readonly decisionId: string;
  readonly decision: DecisionNode | undefined;
  /** Attempts that made this decision. */
  readonly total: number;
  /** Every choice of the decision in the scenario's order (0 included), then ids it does not know. */
  readonly choices: readonly ChoiceCount[];
}

export type EndingCount =
  | { readonly kind: 'ending'; readonly ending: EndingNode; readonly count: number }
  | { readonly kind: 'not-finished' | 'off-path' | 'unknown'; readonly count: number };

export interface PrincipleAverage {
  readonly principleId: string;
  readonly label: string;
  /** Mean points over the attempts with at least one recorded choice; null when there are none. */
  readonly average: number | null;
  /** The most any path earns on it. */
  readonly max: number;
}

export interface TalkTo {
  readonly trainee: Trainee;
  readonly attempt: TraineeAttempt;
  readonly poor: readonly DecisionSeen[];
}

export interface Cohort {
  readonly trainees: number;
  /** Trainees listed with no attempt at all. */
  readonly notAttempted: number;
  readonly attempts: number;
  /** Attempts with a recorded choice (the ones the decisions and principles are counted over). */
  readonly withChoices: number;
  /** Attempts with a score, and how many of them passed. */
  readonly judged: number;
  readonly passed: number;
  readonly decisions: readonly DecisionCounts[];
  readonly endings: readonly EndingCount[];
  readonly principles: readonly PrincipleAverage[];
  readonly talkTo: readonly TalkTo[];
}

export function cohortOf(scenario: Scenario, trainees: readonly Trainee[], filter: AttemptFilter): Cohort {
  const shown = trainees.flatMap((trainee) =>
    attemptsShown(trainee, filter).map((attempt) => ({ trainee, attempt })),
  );
  const analyses = shown.map(({ attempt }) => attempt.analysis);

  const decisionNodes = Object.values(scenario.nodes).filter((n): n is DecisionNode => n.kind === 'decision');
  const tallies = new Map<string, Map<string, number>>(decisionNodes.map((d) => [d.id, new Map()]));
  for (const analysis of analyses) {
    for (const seen of analysis.decisions) {
      const key = seen.decisionId || '(no decision id)';
      const tally = tallies.get(key) ?? new Map<string, number>();
      tally.set(seen.choiceId, (tally.get(seen.choiceId) ?? 0) + 1);
      tallies.set(key, tally);
    }
  }
  const decisions: DecisionCounts[] = [...tallies.entries()].map(([decisionId, tally]) => {
    const node = scenario.nodes[decisionId];
    const decision = node?.kind === 'decision' ? node : undefined;
    const known = (decision?.choices ?? []).map((choice) => ({
      choiceId: choice.id,
      choice,
      count: tally.get(choice.id) ?? 0,
    }));
    const unknown = [...tally.entries()]
      .filter(([id]) => !decision?.choices.some((c) => c.id === id))
      .map(([choiceId, count]) => ({ choiceId, choice: undefined, count }));
    return {
      decisionId,
      decision,
      total: [...tally.values()].reduce((a, b) => a + b, 0),
      choices: [...known, ...unknown],
    };
  });

  const endingNodes = Object.values(scenario.nodes).filter((n): n is EndingNode => n.kind === 'ending');
  const endingTally = new Map<string, number>();
  for (const analysis of analyses) {
    const key = analysis.reached.kind === 'ending' ? analysis.reached.ending.id : `:${analysis.reached.kind}`;
    endingTally.set(key, (endingTally.get(key) ?? 0) + 1);
  }
  const endings: EndingCount[] = [
    ...endingNodes.map((ending) => ({
      kind: 'ending' as const,
      ending,
      count: endingTally.get(ending.id) ?? 0,
    })),
    ...(['not-finished', 'off-path', 'unknown'] as const)
      .map((kind) => ({ kind, count: endingTally.get(`:${kind}`) ?? 0 }))
      .filter((e) => e.count > 0 || e.kind === 'not-finished'),
  ];

  const counted = analyses.filter((a) => a.decisions.length > 0);
  const { maxByPrinciple } = scoreRange(scenario);
  const principles = scenario.principles.map((p) => ({
    principleId: p.id,
    label: p.label,
    average:
      counted.length === 0
        ? null
        : counted.reduce((sum, a) => sum + (a.byPrinciple[p.id] ?? 0), 0) / counted.length,
    max: maxByPrinciple[p.id] ?? 0,
  }));

  const judged = analyses.filter((a) => a.passed !== null);
  return {
    trainees: trainees.length,
    notAttempted: trainees.filter((t) => t.attempts.length === 0).length,
    attempts: analyses.length,
    withChoices: counted.length,
    judged: judged.length,
    passed: judged.filter((a) => a.passed).length,
    decisions,
    endings,
    principles,
    talkTo: shown
      .filter(({ attempt }) => attempt.analysis.poor.length > 0)
      .map(({ trainee, attempt }) => ({ trainee, attempt, poor: attempt.analysis.poor })),
  };
}
