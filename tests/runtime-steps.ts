/**
 * Drives the module's runtime in jsdom as its UI would, for tests that check what reaches the LMS: a launch
 * with its first screen painted, then each step of a path with the screen it shows. Timers must be faked
 * (vi.useFakeTimers): a paint is all pending timers run, since every LMS write waits for the next paint.
 */
import { vi } from 'vitest';
import {
  createModuleRuntime,
  currentNodeId,
  type ModuleRuntime,
  type RuntimeOptions,
} from '../src/app/module-runtime';
import { nodeMeta } from '../src/scenario/compile-machine';
import type { Scenario } from '../src/scenario/model';
import { eventForStep } from '../src/scenario/progress';

/** A launch and its first screen painted: the launch's Commit waits for that paint (afterNextPaint). */
export function launchPainted(options: RuntimeOptions): ModuleRuntime {
  const runtime = createModuleRuntime(options);
  vi.runAllTimers();
  return runtime;
}

/** One step as the learner takes it at `at` (epoch ms): the event, then the screen the UI would show. */
export function takeStepAt(runtime: ModuleRuntime, scenario: Scenario, step: number, at: number): void {
  const nodeId = currentNodeId(runtime.getState().snapshot);
  const node = scenario.nodes[nodeId];
  if (!node) throw new Error(`no node ${nodeId}`);
  const event = eventForStep(nodeMeta(node), step, at);
  if (typeof event === 'string') throw new Error(event);
  runtime.send(event);
  runtime.setScreen(event.type === 'CHOOSE' ? { name: 'feedback', decisionId: nodeId } : { name: 'node' });
  vi.runAllTimers();
  if (event.type === 'CHOOSE') runtime.setScreen({ name: 'node' });
}
