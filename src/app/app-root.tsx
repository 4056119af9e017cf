/** Connects the runtime's state to the UI's props; the only component that knows about the runtime. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Scenario } from '../scenario/model.ts';
import { recommendedPath } from '../scenario/recommended-path.ts';
import { scoreRange } from '../scenario/scoring.ts';
import { ModuleApp } from '../ui/module-app.tsx';
import { warmIntlFormats } from '../ui/warm-intl-formats.ts';
import { afterNextPaint } from './after-next-paint.ts';
import { currentNodeId, type ModuleRuntime, passedOf } from './module-runtime.ts';

interface AppRootProps {
  runtime: ModuleRuntime;
  scenario: Scenario;
  /** The module's title, from imsmanifest.xml (virtual:module-identity): the scenario has none of its own. */
  title: string;
  /** Who provides the module, from imsmanifest.xml (virtual:module-identity). */
  provider: string;
}

export function AppRoot({ runtime, scenario, title, provider }: AppRootProps) {
  const [state, setState] = useState(runtime.getState());
  useEffect(() => runtime.subscribe(() => setState(runtime.getState())), [runtime]);
  // Once the first screen is painted, not before it (src/ui/warm-intl-formats.ts says why).
  useEffect(() => afterNextPaint(warmIntlFormats), []);

  const ended = state.snapshot.status === 'done';
  const recommended = useMemo(() => recommendedPath(scenario), [scenario]);
  const bounds = scoreRange(scenario);

  return (
    <ModuleApp
      scenario={scenario}
      title={title}
      nodeId={currentNodeId(state.snapshot)}
      context={state.snapshot.context}
      ended={ended}
      passed={passedOf(scenario, state)}
      passMark={state.passMark}
      maxScore={bounds.max}
      minScore={bounds.min}
      recommendedPath={recommended}
      provider={provider}
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
      // Standalone only: with an LMS recording, starting again would overwrite the recorded attempt.
      onRestart={state.launch.recording ? undefined : runtime.restart}
    />
  );
}
