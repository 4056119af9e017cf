import type { Answer, Scenario, ScenarioNode } from '../scenario/model.ts';
import { countedStages, stageOfNode, stagesDone } from '../scenario/stages.ts';
import { t } from './ui-text.ts';

export interface StageProgressState {
  /** What the learner reads: "Prologue", "Stage 2 of 3", "Scenario complete". */
  readonly label: string;
  /** Stages completed: what the bar shows. */
  readonly done: number;
  readonly stageCount: number;
}

/**
 * Where a node screen stands (`stagesDone` says what the bar counts). A numbered stage reads "Stage n of N",
 * an unnumbered one (a prologue) its own title; an ending is complete; other nodes without a stage show no
 * progress.
 */
export function stageProgressOf(
  scenario: Scenario,
  node: ScenarioNode,
  answers: readonly Pick<Answer, 'decisionId'>[],
): StageProgressState | null {
  const stageCount = countedStages(scenario);
  const done = stagesDone(scenario, node, answers);
  if (done === undefined) return null;
  if (node.kind === 'ending') return { label: t('scenarioComplete'), done, stageCount };
  const stage = stageOfNode(scenario, node);
  if (stage === undefined) return null;
  const label =
    stage.number === undefined ? stage.title : t('stageOf', { stage: stage.number, of: stageCount });
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
        aria-valuetext={t('stagesDone', { done, of: stageCount })}
      />
    </div>
  );
}
