/**
 * Compact resume: the learner's progress as one small number per node left behind.
 *
 * A scene's step is 0 (its only event is CONTINUE); a decision's step is the index of the choice in
 * authored order. The machine is deterministic, so replaying the steps from the start rebuilds the exact
 * node, answers and scores; only the timestamps are lost (every replayed event carries the same `at`).
 * The LMS layer writes these steps into `suspend_data`, whose budget here is 100 characters in all
 * (SCORM 1.2 allows 4096, but a short string survives any LMS), so there is nothing else to store.
 */
import { initialTransition, type SnapshotFrom, transition } from 'xstate';
import { compileScenario, type NodeMeta, type ScenarioMachine } from './compile-machine.ts';
import type { Scenario, ScenarioContext, ScenarioEvent } from './model.ts';

export type ReplayResult =
  | { readonly ok: true; readonly snapshot: SnapshotFrom<ScenarioMachine> }
  | { readonly ok: false; readonly step: number; readonly reason: string };

export type RestoreResult =
  | { readonly ok: true; readonly context: ScenarioContext }
  | { readonly ok: false; readonly step: number; readonly reason: string };

/** For each node left so far (all of `context.path` but the current one): 0 for a scene, the choice index for a decision. */
export function stepsOf(scenario: Scenario, context: Pick<ScenarioContext, 'path' | 'answers'>): number[] {
  let answered = 0;
  return context.path.slice(0, -1).map((nodeId) => {
    const node = scenario.nodes[nodeId];
    if (node?.kind !== 'decision') return 0;
    const answer = context.answers[answered++];
    return node.choices.findIndex((choice) => choice.id === answer?.choiceId);
  });
}

/** The event a stored step stands for at a node, or a reason it does not fit there. */
export function eventForStep(meta: NodeMeta, step: number, at: number): ScenarioEvent | string {
  if (meta.kind === 'ending') return 'the scenario has already ended';
  if (meta.kind === 'scene')
    return step === 0 ? { type: 'CONTINUE', at } : `a scene takes step 0, not ${step}`;
  const choiceId = Number.isInteger(step) ? meta.choices[step] : undefined;
  if (choiceId === undefined) return `the decision has no choice ${step}`;
  return { type: 'CHOOSE', choiceId, at };
}

/**
 * Replays `steps` from the start, every event at time `at`, with xstate's pure `transition` (no actor, no
 * emitted events). Resume with `createActor(machine, { snapshot: result.snapshot, input })`. Never throws: steps
 * that do not fit the machine give `ok: false` with the index of the first bad step.
 */
export function replaySteps(machine: ScenarioMachine, steps: readonly number[], at: number): ReplayResult {
  let [snapshot] = initialTransition(machine, { startedAt: at });
  for (const [index, step] of steps.entries()) {
    const nodeId = snapshot.context.path[snapshot.context.path.length - 1] ?? '';
    const meta = machine.root.states[nodeId]?.meta as NodeMeta | undefined;
    if (meta === undefined) return { ok: false, step: index, reason: `no node ${nodeId}` };
    const event = eventForStep(meta, step, at);
    if (typeof event === 'string') return { ok: false, step: index, reason: event };
    const [next] = transition(machine, snapshot, event);
    if (next.context.path.length === snapshot.context.path.length) {
      return { ok: false, step: index, reason: `no branch of ${nodeId} holds` };
    }
    snapshot = next;
  }
  return { ok: true, snapshot };
}

/** The context `steps` lead to in `scenario`, every timestamp set to `at`. */
export function restoreContext(scenario: Scenario, steps: readonly number[], at: number): RestoreResult {
  const replayed = replaySteps(compileScenario(scenario), steps, at);
  return replayed.ok ? { ok: true, context: replayed.snapshot.context } : replayed;
}
