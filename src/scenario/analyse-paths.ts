/**
 * Every path through a scenario, found by traversing the compiled machine with `xstate/graph`.
 *
 * States are told apart by their whole history (nodes visited + choices made), so the state graph the
 * traversal sees is a tree with one leaf per path. In a tree the shortest path to a state is its only
 * path, so `getShortestPaths` lists every path in one linear pass; `getSimplePaths` finds the same
 * paths but starts a depth-first search per state (quadratic in states: ~2,000 states for 200 paths).
 */
import { type SnapshotFrom, transition } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { compileScenario, nodeMeta, type ScenarioMachine } from './compile-machine.ts';
import { choiceKey } from './conditions.ts';
import type { EndingOutcome, Scenario, ScenarioEvent, Scores } from './model.ts';
import { eventForStep, stepsOf } from './progress.ts';
import { passedFor, pathLengthLimit } from './scoring.ts';

export interface ScenarioPath {
  /** Node ids from the start to the ending. */
  readonly nodes: readonly string[];
  /** `decisionId.choiceId` for each decision on the path. */
  readonly choices: readonly string[];
  /** Resume steps (progress.ts) that replay this path. */
  readonly steps: readonly number[];
  readonly scores: Scores;
  readonly passed: boolean;
  readonly ending: string;
  readonly outcome: EndingOutcome;
}

/** A walk that stops before any ending: no branch holds, or it loops past the length limit. */
export interface UnfinishedPath {
  readonly nodes: readonly string[];
  readonly reason: 'stuck' | 'too long';
}

export interface PathAnalysis {
  /** Ordered by the authored order of choices along the way. */
  readonly paths: readonly ScenarioPath[];
  readonly unfinished: readonly UnfinishedPath[];
  readonly minScore: number;
  readonly maxScore: number;
  readonly maxByPrinciple: Readonly<Record<string, number>>;
  /** The path that takes the recommended choice at every decision. */
  readonly recommended: ScenarioPath | undefined;
  readonly reachableEndings: readonly string[];
  readonly unreachableEndings: readonly string[];
  readonly counts: {
    readonly nodes: number;
    readonly scenes: number;
    readonly decisions: number;
    readonly endings: number;
    readonly paths: number;
    readonly passing: number;
    readonly failing: number;
  };
}

export interface AnalyseOptions {
  /** The LMS's own pass mark (0–1), when it supplies one. */
  readonly passMark?: number;
}

/** Deterministic timestamps: analysis is about where paths go, not when. */
const AT = 0;

function eventsAt(scenario: Scenario, nodeId: string | undefined): ScenarioEvent[] {
  const node = nodeId === undefined ? undefined : scenario.nodes[nodeId];
  if (node === undefined) return [];
  const meta = nodeMeta(node);
  const steps = meta.kind === 'decision' ? meta.choices.map((_, index) => index) : [0];
  return steps.map((step) => eventForStep(meta, step, AT)).filter((e) => typeof e !== 'string');
}

function traverse(scenario: Scenario, machine: ScenarioMachine) {
  const limit = pathLengthLimit(scenario);
  return getShortestPaths(machine, {
    input: { startedAt: AT },
    events: (snapshot) => eventsAt(scenario, snapshot.context.path[snapshot.context.path.length - 1]),
    serializeState: (snapshot) =>
      `${snapshot.context.path.join('>')}|${snapshot.context.answers.map((a) => a.choiceId).join('>')}`,
    stopWhen: (snapshot) => snapshot.context.path.length > limit,
  }).map((path) => path.state);
}

export function analysePaths(scenario: Scenario, options: AnalyseOptions = {}): PathAnalysis {
  const machine = compileScenario(scenario, options);
  const limit = pathLengthLimit(scenario);
  const paths: ScenarioPath[] = [];
  let recommended: ScenarioPath | undefined;
  const unfinished: UnfinishedPath[] = [];

  for (const state of traverse(scenario, machine)) {
    const { context } = state;
    const last = context.path[context.path.length - 1] ?? '';
    const node = scenario.nodes[last];
    if (state.status === 'done' && node?.kind === 'ending') {
      const path: ScenarioPath = {
        nodes: context.path,
        choices: context.answers.map((a) => choiceKey(a.decisionId, a.choiceId)),
        steps: stepsOf(scenario, context),
        scores: context.scores,
        passed: passedFor(scenario, context.scores.total, options.passMark),
        ending: last,
        outcome: node.outcome,
      };
      paths.push(path);
      if (context.answers.every((a) => recommendedAt(scenario, a.decisionId) === a.choiceId))
        recommended = path;
    } else if (context.path.length > limit) {
      unfinished.push({ nodes: context.path, reason: 'too long' });
    } else if (eventsAt(scenario, last).every((event) => !moves(machine, state, event))) {
      unfinished.push({ nodes: context.path, reason: 'stuck' });
    }
  }
  paths.sort((a, b) => compareSteps(a.steps, b.steps));

  const nodes = Object.values(scenario.nodes);
  const endings = nodes.filter((node) => node.kind === 'ending').map((node) => node.id);
  const reached = new Set(paths.map((path) => path.ending));
  const totals = paths.map((path) => path.scores.total);
  const passing = paths.filter((path) => path.passed).length;

  return {
    paths,
    unfinished,
    minScore: totals.length ? Math.min(...totals) : 0,
    maxScore: totals.length ? Math.max(...totals) : 0,
    maxByPrinciple: maxByPrinciple(paths),
    recommended,
    reachableEndings: endings.filter((id) => reached.has(id)),
    unreachableEndings: endings.filter((id) => !reached.has(id)),
    counts: {
      nodes: nodes.length,
      scenes: nodes.filter((node) => node.kind === 'scene').length,
      decisions: nodes.filter((node) => node.kind === 'decision').length,
      endings: endings.length,
      paths: paths.length,
      passing,
      failing: paths.length - passing,
    },
  };
}

function compareSteps(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}

function maxByPrinciple(paths: readonly ScenarioPath[]): Record<string, number> {
  const best: Record<string, number> = {};
  for (const path of paths) {
    for (const [principle, points] of Object.entries(path.scores.byPrinciple)) {
      best[principle] = Math.max(best[principle] ?? Number.NEGATIVE_INFINITY, points);
    }
  }
  return best;
}

function recommendedAt(scenario: Scenario, decisionId: string): string | undefined {
  const node = scenario.nodes[decisionId];
  return node?.kind === 'decision' ? node.recommended : undefined;
}

function moves(
  machine: ScenarioMachine,
  state: SnapshotFrom<ScenarioMachine>,
  event: ScenarioEvent,
): boolean {
  return transition(machine, state, event)[0].context.path.length > state.context.path.length;
}
