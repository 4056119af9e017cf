import { scorePercent } from './debrief-data.ts';
import { uiText } from './ui-text.ts';

export interface ScoreResultProps {
  total: number;
  maxScore: number;
  minScore: number;
  passMark: number;
  passed: boolean | null;
}

export function resultText(passed: boolean | null): string {
  if (passed === null) return uiText.notFinished;
  return passed ? uiText.passed : uiText.notPassed;
}

/** Total, percentage, pass mark and result, as a description list. */
export function ScoreResult({ total, maxScore, minScore, passMark, passed }: ScoreResultProps) {
  return (
    <>
      <dl class="facts">
        <dt>{uiText.scoreLabel}</dt>
        <dd>{uiText.totalScore(total, maxScore, scorePercent(total, maxScore))}</dd>
        <dt>{uiText.passMarkLabel}</dt>
        <dd>{Math.round(passMark * 100)} %</dd>
        <dt>{uiText.resultLabel}</dt>
        <dd>
          <strong>{resultText(passed)}</strong>
        </dd>
      </dl>
      {minScore < 0 && <p class="caption">{uiText.scoreRange(minScore, maxScore)}</p>}
    </>
  );
}
