import { scorePercent } from './debrief-data.ts';
import { t } from './ui-text.ts';

export interface ScoreResultProps {
  total: number;
  maxScore: number;
  minScore: number;
  passMark: number;
  passed: boolean | null;
}

export function resultText(passed: boolean | null): string {
  if (passed === null) return t('notFinished');
  return passed ? t('passed') : t('notPassed');
}

/** Total, percentage, pass mark and result, as a description list. */
export function ScoreResult({ total, maxScore, minScore, passMark, passed }: ScoreResultProps) {
  return (
    <>
      <dl class="facts">
        <dt>{t('scoreLabel')}</dt>
        <dd>{t('totalScore', { total, max: maxScore, percent: scorePercent(total, maxScore) })}</dd>
        <dt>{t('passMarkLabel')}</dt>
        <dd>{t('passMark', { percent: Math.round(passMark * 100) })}</dd>
        <dt>{t('resultLabel')}</dt>
        <dd>
          <strong>{resultText(passed)}</strong>
        </dd>
      </dl>
      {minScore < 0 && <p class="caption">{t('scoreRange', { min: minScore, max: maxScore })}</p>}
    </>
  );
}
