/**
 * One attempt, read against the scenario: each recorded decision in words, its class and the recommended
 * choice, the points by principle, and the ending, found by replaying the recorded choices through the model
 * (conditions.ts, the same walk the machine makes): if they complete a path, its ending; if they stop short,
 * "not finished"; if they leave the scenario's paths (an export from another version), neither.
 */
import { type ConditionFacts, factsAfterChoice, nextNodeId } from '../scenario/conditions.ts';
import type { Choice, DecisionNode, EndingNode, Scenario, ScenarioNode } from '../scenario/model.ts';
import { pathLengthLimit, recommendedChoice, resultOf } from '../scenario/scoring.ts';
import type { AttemptRecord, RecordedInteraction } from './moodle-report.ts';

export interface DecisionSeen {
  readonly interaction: RecordedInteraction;
  /** The decision id, as recorded, or found from the path when the export had no Question column. */
  readonly decisionId: string;
  readonly choiceId: string;
  /** Undefined when the scenario has no such decision. */
  readonly decision: DecisionNode | undefined;
  /** Undefined when the decision has no such choice. */
  readonly choice: Choice | undefined;
  readonly recommended: Choice | undefined;
  /** The result the LMS recorded differs from what this version records for the choice. */
  readonly resultDiffers: boolean;
}

export type Reached =
  | { readonly kind: 'ending'; readonly ending: EndingNode }
  | { readonly kind: 'not-finished' }
  /** The recorded choices are not a path of this scenario, from the decision at `at` on. */
  | { readonly kind: 'off-path'; readonly at: number }
  /** The export holds no choices for this attempt (Basic or Objectives report, or empty interactions). */
  | { readonly kind: 'unknown' };

export interface AttemptAnalysis {
  readonly record: AttemptRecord;
  readonly decisions: readonly DecisionSeen[];
  /** Points by principle for the choices recorded that the scenario knows. */
  readonly byPrinciple: Readonly<Record<string, number>>;
  readonly total: number;
  readonly reached: Reached;
  /** Null when the attempt has no score (unfinished or not attempted). */
  readonly passed: boolean | null;
  readonly passMark: number;
  /** Decisions where the choice is classed poor. */
  readonly poor: readonly DecisionSeen[];
}

/** Tolerance for scores stored with two decimals (75 % of 31 is 74.19…). */
const EPSILON = 1e-9;

export function analyseAttempt(scenario: Scenario, record: AttemptRecord, passMark: number): AttemptAnalysis {
  const byPrinciple: Record<string, number> = Object.fromEntries(scenario.principles.map((p) => [p.id, 0]));
  let total = 0;
  const decisions: DecisionSeen[] = [];
  const limit = pathLengthLimit(scenario);

  let facts: ConditionFacts = { chosen: new Set(), total: 0 };
  let steps = 0;
  // The node the replay stands on: a decision or an ending (scenes are passed through), undefined when lost.
  const settle = (id: string | undefined): ScenarioNode | undefined => {
    let node = id === undefined ? undefined : scenario.nodes[id];
    while (node?.kind === 'scene' && steps++ < limit) {
      const next = nextNodeId(node.next, facts);
      node = next === undefined ? undefined : scenario.nodes[next];
    }
    return node;
  };
  let at = settle(scenario.start);
  let offPathAt: number | null = null;

  for (const interaction of record.interactions ?? []) {
    const onPath = offPathAt === null && at?.kind === 'decision' ? at : undefined;
    const decisionId = interaction.question || inferDecision(scenario, interaction.response, onPath);
    const node = scenario.nodes[decisionId];
    const decision = node?.kind === 'decision' ? node : undefined;
    const choice = decision?.choices.find((c) => c.id === interaction.response);
    const recorded = normaliseResult(interaction.result);
    decisions.push({
      interaction,
      decisionId,
      choiceId: interaction.response,
      decision,
      choice,
      recommended: decision ? recommendedChoice(decision) : undefined,
      resultDiffers: Boolean(decision && choice && recorded && recorded !== resultOf(decision, choice.id)),
    });
    if (choice) {
      total += choice.total;
      for (const [principle, points] of Object.entries(choice.score)) {
        byPrinciple[principle] = (byPrinciple[principle] ?? 0) + points;
      }
    }
    if (offPathAt !== null) continue;
    if (!onPath || !decision || !choice || decision.id !== onPath.id) {
      offPathAt = decisions.length - 1;
      continue;
    }
    facts = factsAfterChoice(facts, decision.id, choice);
    at = settle(nextNodeId(choice.next, facts));
  }

  const reached: Reached =
    record.interactions === null || (record.interactions.length === 0 && record.status === 'scored')
      ? { kind: 'unknown' }
      : offPathAt !== null
        ? { kind: 'off-path', at: offPathAt }
        : at?.kind === 'ending'
          ? { kind: 'ending', ending: at }
          : { kind: 'not-finished' };
  const passed =
    record.status === 'scored' && record.score !== null ? record.score / 100 >= passMark - EPSILON : null;
  return {
    record,
    decisions,
    byPrinciple,
    total,
    reached,
    passed,
    passMark,
    poor: decisions.filter((d) => d.choice?.class === 'poor'),
  };
}

/**
 * With no Question column, the decision is the one the path stands on when it has the response as a choice;
 * otherwise the only decision that has it; otherwise unknown ('').
 */
function inferDecision(scenario: Scenario, response: string, onPath: DecisionNode | undefined): string {
  if (onPath?.choices.some((c) => c.id === response)) return onPath.id;
  const having = Object.values(scenario.nodes).filter(
    (node): node is DecisionNode => node.kind === 'decision' && node.choices.some((c) => c.id === response),
  );
  return having.length === 1 && having[0] ? having[0].id : '';
}

/** SCORM 2004 says `incorrect` where 1.2 says `wrong`. */
function normaliseResult(result: string): string {
  const r = result.trim().toLowerCase();
  return r === 'incorrect' ? 'wrong' : r;
}
