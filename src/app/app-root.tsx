/** Connects the runtime's state to the UI's props; the only component that knows about the runtime. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Scenario } from '../scenario/model.ts';
import { scoreRange } from '../scenario/scoring.ts';
import { ModuleApp } from '../ui/module-app.tsx';
import { type DebriefGraph, debriefGraph } from './debrief-graph.ts';
import { currentNodeId, type ModuleRuntime, passedOf } from './module-runtime.ts';

export function AppRoot({ runtime, scenario }: { runtime: ModuleRuntime; scenario: Scenario }) {
  const [state, setState] = useState(runtime.getState());
  useEffect(() => runtime.subscribe(() => setState(runtime.getState())), [runtime]);

  const ended = state.snapshot.status === 'done';
  const graph = useDebriefGraph(scenario, ended ? state.snapshot.context.path : null, state.passMark);
  const bounds = scoreRange(scenario);

  return (
    <ModuleApp
      scenario={scenario}
      nodeId={currentNodeId(state.snapshot)}
      context={state.snapshot.context}
      ended={ended}
      passed={passedOf(scenario, state)}
      passMark={state.passMark}
      maxScore={bounds.max}
      minScore={bounds.min}
      recommendedPath={graph?.recommendedPath ?? []}
      {...(graph ? { graphSvg: graph.svg } : {})}
      screen={state.screen}
      onScreen={runtime.setScreen}
      send={runtime.send}
      learnerName={state.launch.learnerName}
      reviewing={state.launch.reviewing}
      notices={state.notices}
      reflection={state.reflection}
      onReflection={runtime.setReflection}
      timeSpentSeconds={runtime.timeSpentSeconds()}
      completedAt={state.completedAt}
    />
  );
}

/** The path analysis behind the debrief map runs once, when the scenario has ended. */
function useDebriefGraph(
  scenario: Scenario,
  learnerPath: readonly string[] | null,
  passMark: number,
): DebriefGraph | null {
  return useMemo(
    () => (learnerPath === null ? null : debriefGraph(scenario, learnerPath, passMark)),
    [scenario, learnerPath, passMark],
  );
}
