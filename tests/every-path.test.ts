/**
 * Model-based test over every path of every scenario in scenarios/ (the xstate/graph approach of xstate's
 * own `dieHard.test.ts`): the paths come from `analysePaths`, and each is driven through a real actor the
 * way the UI drives it, then resumed from a snapshot persisted at every step, and rebuilt from the compact
 * resume steps the LMS stores.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createActor, type Snapshot } from 'xstate';
import { loadScenarioFile } from '../plugins/load-scenario-file';
import { analysePaths, type ScenarioPath } from '../src/scenario/analyse-paths';
import { compileScenario, nodeMeta, type ScenarioMachine } from '../src/scenario/compile-machine';
import { formatProblem } from '../src/scenario/load';
import type { Scenario, ScenarioEmitted, ScenarioEvent } from '../src/scenario/model';
import { eventForStep, replaySteps, stepsOf } from '../src/scenario/progress';
import { passedFor, pathOutcomes, scoreRange } from '../src/scenario/scoring';

const SCENARIOS = fileURLToPath(new URL('../scenarios/', import.meta.url));
const files = readdirSync(SCENARIOS)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();
const STARTED_AT = 1_000;

/** The events a learner sends along `walk`, one second apart. */
function eventsOf(scenario: Scenario, walk: ScenarioPath): ScenarioEvent[] {
  return walk.steps.map((step, i) => {
    const node = scenario.nodes[walk.nodes[i] ?? ''];
    const event = node ? eventForStep(nodeMeta(node), step, STARTED_AT + (i + 1) * 1_000) : 'no node';
    if (typeof event === 'string') throw new Error(`step ${i} of ${walk.nodes.join(' > ')}: ${event}`);
    return event;
  });
}

function drive(machine: ScenarioMachine, events: readonly ScenarioEvent[], snapshot?: Snapshot<unknown>) {
  // xstate ignores `input` when it restores a snapshot, but its types ask for it all the same.
  const actor = createActor(machine, { input: { startedAt: STARTED_AT }, ...(snapshot ? { snapshot } : {}) });
  const emitted: ScenarioEmitted[] = [];
  actor.on('*', (event) => emitted.push(event));
  actor.start();
  for (const event of events) actor.send(event);
  return { actor, emitted };
}

it('finds scenarios to test', () => {
  expect(files.length).toBeGreaterThan(0);
});

describe.each(files)('%s', (file) => {
  const result = loadScenarioFile(path.join(SCENARIOS, file));

  it('loads without errors', () => {
    expect(result.ok ? [] : result.errors.map(formatProblem)).toEqual([]);
  });
  if (!result.ok) return;

  const { scenario } = result;
  const analysis = analysePaths(scenario);
  const machine = compileScenario(scenario);
  const range = scoreRange(scenario);

  it('has paths, and none that stops short of an ending', () => {
    expect(analysis.paths.length).toBeGreaterThan(0);
    expect(analysis.unfinished).toEqual([]);
  });

  it('finds the same paths, endings and scores by the machine as by the plain walk in scoring.ts', () => {
    const byMachine = analysis.paths.map((p) => ({ choices: p.choices, ending: p.ending, scores: p.scores }));
    const key = (p: { choices: readonly string[] }) => p.choices.join(' ');
    const sorted = <T extends { choices: readonly string[] }>(list: T[]) =>
      [...list].sort((a, b) => key(a).localeCompare(key(b)));
    expect(sorted(byMachine)).toEqual(sorted(pathOutcomes(scenario)));
    expect([analysis.minScore, analysis.maxScore]).toEqual([range.min, range.max]);
  });

  it('lets the recommended path pass', () => {
    expect(analysis.recommended?.passed).toBe(true);
  });

  it.each(analysis.paths.map((walk) => [walk.choices.join(' > '), walk] as const))('%s', (_, walk) => {
    const events = eventsOf(scenario, walk);
    const whole = drive(machine, events);
    const end = whole.actor.getSnapshot();

    expect(end.status).toBe('done');
    expect(end.value).toBe(walk.ending);
    expect(end.context.path).toEqual(walk.nodes);
    expect(end.context.scores).toEqual(walk.scores);
    expect(end.context.scores.total).toBeGreaterThanOrEqual(range.min);
    expect(end.context.scores.total).toBeLessThanOrEqual(range.max);
    expect(walk.passed).toBe(end.context.scores.total >= scenario.passMark * range.max - 1e-9);

    const decisions = whole.emitted.filter((e) => e.type === 'decision.made');
    expect(decisions.map((e) => `${e.decisionId}.${e.choiceId}`)).toEqual(walk.choices);
    expect(whole.emitted.filter((e) => e.type === 'scenario.ended')).toEqual([
      {
        type: 'scenario.ended',
        endingId: walk.ending,
        scores: walk.scores,
        passed: passedFor(scenario, walk.scores.total),
      },
    ]);
    expect(whole.emitted[whole.emitted.length - 1]?.type).toBe('scenario.ended');

    // One run, persisted after every step, stands in for a learner leaving at that step.
    const learner = drive(machine, []);
    for (let cut = 0; cut <= events.length; cut++) {
      if (cut > 0) learner.actor.send(events[cut - 1] as ScenarioEvent);
      const emittedSoFar = [...learner.emitted];
      const persisted = JSON.parse(JSON.stringify(learner.actor.getPersistedSnapshot()));
      const resumed = drive(machine, events.slice(cut), persisted);
      expect(resumed.actor.getSnapshot().context).toEqual(end.context);
      expect([...emittedSoFar, ...resumed.emitted]).toEqual(whole.emitted);

      const steps = stepsOf(scenario, learner.actor.getSnapshot().context);
      expect(steps.join('').length).toBeLessThanOrEqual(100);
      const replayed = replaySteps(machine, steps, 0);
      if (!replayed.ok) throw new Error(`replay at step ${replayed.step}: ${replayed.reason}`);
      const rebuilt = drive(machine, events.slice(cut), replayed.snapshot).actor.getSnapshot();
      expect(rebuilt.status).toBe('done');
      expect(rebuilt.context.path).toEqual(end.context.path);
      expect(rebuilt.context.scores).toEqual(end.context.scores);
      expect(rebuilt.context.answers.map((a) => a.choiceId)).toEqual(
        end.context.answers.map((a) => a.choiceId),
      );
    }
  });
});
