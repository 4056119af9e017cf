import type { Answer, Scenario, ScenarioNode } from '../scenario/model.ts';
import { uiText } from './ui-text.ts';

export interface StageProgressState {
  /** What the learner reads: "Prologue", "Stage 2 of 3", "Scenario complete". */
  readonly label: string;
  /** Stages completed: what the bar shows. */
  readonly done: number;
  readonly stageCount: number;
}

/**
 * Where a node screen stands. The bar counts stages completed, not the stage on screen: at stage n it shows
 * the stages before n (or every stage with a decision already made, if that is more), never all of them
 * until the scenario has ended. An ending is complete; other nodes without a stage show no progress.
 */
export function stageProgressOf(
  scenario: Scenario,
  node: ScenarioNode,
  answers: readonly Pick<Answer, 'decisionId'>[],
  stageCount: number,
): StageProgressState | null {
  if (node.kind === 'ending') return { label: uiText.scenarioComplete, done: stageCount, stageCount };
  if (node.stage === undefined) return null;
  const decided = answers.map((a) => scenario.nodes[a.decisionId]?.stage ?? 0);
  const done = Math.min(stageCount - 1, Math.max(0, node.stage - 1, ...decided));
  const label = node.stage === 0 ? uiText.prologue : uiText.stageOf(node.stage, stageCount);
  return { label, done, stageCount };
}

/**
 * The label as text, plus a native progress bar named by it; the bar's value text says how many stages are
 * done, so a screen reader hears the same as the bar shows.
 */
export function StageProgress({ label, done, stageCount }: StageProgressState) {
  return (
    <div class="stage-progress">
      <p id="stage-progress-label" class="caption">
        {label}
      </p>
      <progress
        max={stageCount}
        value={done}
        aria-labelledby="stage-progress-label"
        aria-valuetext={uiText.stagesDone(done, stageCount)}
      />
    </div>
  );
}
