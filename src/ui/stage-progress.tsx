import { uiText } from './ui-text.ts';

/** "Stage n of N" as text, plus a native progress bar that assistive technology reads the same way. */
export function StageProgress({ stage, stageCount }: { stage: number; stageCount: number }) {
  const label = stage === 0 ? uiText.prologue : uiText.stageOf(stage, stageCount);
  return (
    <div class="stage-progress">
      <p id="stage-progress-label" class="caption">
        {label}
      </p>
      <progress max={stageCount} value={stage} aria-labelledby="stage-progress-label" />
    </div>
  );
}
