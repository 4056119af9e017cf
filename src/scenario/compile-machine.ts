/**
 * Compiles a validated `Scenario` into an xstate v5 machine: one state per node, keyed by node id.
 *
 * - scene: `CONTINUE` takes the first branch whose `when` holds on the current context;
 * - decision: `CHOOSE` with a `choiceId`; each choice contributes one transition per branch, in order,
 *   and a branch's `when` is evaluated on the context AFTER the choice's score is added and the choice
 *   counts as chosen (see conditions.ts), so one guard per branch decides both "is this the choice" and
 *   "does this branch hold";
 * - ending: `type: 'final'`; entering one emits `scenario.ended`.
 *
 * An event with an unknown choice id, or sent in a state that does not take it, matches no transition
 * and is ignored (xstate v5 semantics): the UI cannot corrupt the context. `at` comes with each event,
 * so the machine never reads the clock and a run replays exactly.
 */
import { assign, emit, setup } from 'xstate';
import { conditionHolds, factsAfterChoice, factsOf } from './conditions.ts';
import type {
  Branch,
  Choice,
  Condition,
  Scenario,
  ScenarioContext,
  ScenarioEmitted,
  ScenarioEvent,
  ScenarioNode,
} from './model.ts';
import { addChoice, passedFor, zeroScores } from './scoring.ts';

/**
 * `createActor(machine, { input })`. When resuming, pass `{ snapshot, input }`: xstate ignores the input
 * then, but its types require it.
 */
export interface ScenarioInput {
  /** Epoch ms the learner started; becomes `enteredAt` of the start node. */
  readonly startedAt: number;
}

/** What `replaySteps` needs to turn a stored step back into an event, without the scenario at hand. */
export interface NodeMeta {
  readonly kind: ScenarioNode['kind'];
  /** Choice ids in authored order (empty for scenes and endings). */
  readonly choices: readonly string[];
}

export interface CompileOptions {
  /** The LMS's own pass mark (0–1), when it supplies one; otherwise the scenario's. */
  readonly passMark?: number;
}

export function nodeMeta(node: ScenarioNode): NodeMeta {
  return { kind: node.kind, choices: node.kind === 'decision' ? node.choices.map((c) => c.id) : [] };
}

/** xstate reads `.` in a target as a path separator; node ids may contain one (model.ts ID_PATTERN). */
function targetOf(nodeId: string): string {
  return nodeId.replaceAll('.', '\\.');
}

export function compileScenario(scenario: Scenario, options: CompileOptions = {}) {
  const choiceOf = (decisionId: string, choiceId: string): Choice | undefined => {
    const node = scenario.nodes[decisionId];
    return node?.kind === 'decision' ? node.choices.find((c) => c.id === choiceId) : undefined;
  };

  const scenarioSetup = setup({
    types: {} as {
      context: ScenarioContext;
      events: ScenarioEvent;
      emitted: ScenarioEmitted;
      input: ScenarioInput;
      meta: NodeMeta;
    },
    guards: {
      holds: ({ context }, params: { when: Condition }) =>
        conditionHolds(params.when, factsOf(context.answers, context.scores.total)),
      choseAndHolds: (
        { context, event },
        params: { decisionId: string; choiceId: string; when: Condition | undefined },
      ) => {
        if (event.type !== 'CHOOSE' || event.choiceId !== params.choiceId) return false;
        const choice = choiceOf(params.decisionId, params.choiceId);
        if (choice === undefined) return false;
        const before = factsOf(context.answers, context.scores.total);
        return conditionHolds(params.when, factsAfterChoice(before, params.decisionId, choice));
      },
    },
    actions: {
      enter: assign(({ context, event }, params: { nodeId: string }) => ({
        path: [...context.path, params.nodeId],
        enteredAt: event.at,
      })),
      answer: assign(({ context, event }, params: { decisionId: string; choiceId: string }) => {
        const choice = choiceOf(params.decisionId, params.choiceId);
        if (choice === undefined) return {};
        const answer = { ...params, shownAt: context.enteredAt, at: event.at };
        return { answers: [...context.answers, answer], scores: addChoice(context.scores, choice) };
      }),
      announceDecision: emit(({ context }) => {
        const answer = context.answers[context.answers.length - 1] ?? {
          decisionId: '',
          choiceId: '',
          shownAt: 0,
          at: 0,
        };
        return {
          type: 'decision.made' as const,
          decisionId: answer.decisionId,
          choiceId: answer.choiceId,
          answer,
          scores: context.scores,
        };
      }),
      announceEnding: emit(({ context }, params: { endingId: string }) => ({
        type: 'scenario.ended' as const,
        endingId: params.endingId,
        scores: context.scores,
        passed: passedFor(scenario, context.scores.total, options.passMark),
      })),
    },
  });

  const sceneTransitions = (branches: readonly Branch[]) =>
    branches.map((branch) => ({
      target: targetOf(branch.goto),
      ...(branch.when === undefined
        ? {}
        : { guard: { type: 'holds' as const, params: { when: branch.when } } }),
      actions: [{ type: 'enter' as const, params: { nodeId: branch.goto } }],
    }));

  const choiceTransitions = (decisionId: string, choice: Choice) =>
    choice.next.map((branch) => ({
      target: targetOf(branch.goto),
      guard: {
        type: 'choseAndHolds' as const,
        params: { decisionId, choiceId: choice.id, when: branch.when },
      },
      actions: [
        { type: 'answer' as const, params: { decisionId, choiceId: choice.id } },
        { type: 'enter' as const, params: { nodeId: branch.goto } },
        { type: 'announceDecision' as const },
      ],
    }));

  const stateOf = (node: ScenarioNode) => {
    const meta = nodeMeta(node);
    switch (node.kind) {
      case 'scene':
        return { meta, on: { CONTINUE: sceneTransitions(node.next) } };
      case 'decision':
        return { meta, on: { CHOOSE: node.choices.flatMap((choice) => choiceTransitions(node.id, choice)) } };
      case 'ending':
        return {
          meta,
          type: 'final' as const,
          entry: [{ type: 'announceEnding' as const, params: { endingId: node.id } }],
        };
    }
  };

  return scenarioSetup.createMachine({
    id: scenario.id,
    initial: scenario.start,
    context: ({ input }) => ({
      path: [scenario.start],
      answers: [],
      scores: zeroScores(scenario),
      enteredAt: input.startedAt,
    }),
    states: Object.fromEntries(Object.values(scenario.nodes).map((node) => [node.id, stateOf(node)])),
  });
}

export type ScenarioMachine = ReturnType<typeof compileScenario>;
