import type { Answer, Scenario } from '../scenario/model.ts';
import { ClassMark } from './class-mark.tsx';
import { CompiledHtml } from './compiled-html.tsx';
import { formatCitation } from './format-citation.ts';
import { formatSignedPoints } from './format-points.ts';
import { ScreenHeading } from './screen-heading.tsx';
import { choiceClassKey, t } from './ui-text.ts';

interface FeedbackScreenProps {
  scenario: Scenario;
  decisionId: string;
  answers: readonly Answer[];
  onContinue: () => void;
}

/**
 * What the learner's choice led to. The root moves focus to the h1, and the h1 is described by the verdict
 * (how the guidance judges the choice) and the consequence, so a screen reader reads all three on arrival.
 */
export function FeedbackScreen({ scenario, decisionId, answers, onContinue }: FeedbackScreenProps) {
  const decision = scenario.nodes[decisionId];
  // The latest answer to this decision (a loop can bring a learner back to one).
  const answer = [...answers].reverse().find((a) => a.decisionId === decisionId);
  const choice =
    decision?.kind === 'decision' ? decision.choices.find((c) => c.id === answer?.choiceId) : undefined;
  const continueButton = (
    <div class="actions">
      <button type="button" class="button" onClick={onContinue}>
        {t('continue')}
      </button>
    </div>
  );
  if (!decision || !choice) {
    return (
      <>
        <ScreenHeading>{t('feedbackMissing')}</ScreenHeading>
        {continueButton}
      </>
    );
  }
  const { feedback } = choice;
  const labelOf = (id: string) => scenario.principles.find((p) => p.id === id)?.label ?? id;
  return (
    <>
      <p class="caption">{decision.title}</p>
      <ScreenHeading describedBy="feedback-verdict feedback-consequence">
        {t('feedbackHeading')}
      </ScreenHeading>
      <p id="feedback-verdict" class={`verdict verdict--${choice.class}`}>
        <ClassMark choiceClass={choice.class} />
        <span>{t(choiceClassKey[choice.class])}</span>
      </p>
      <p class="chosen">
        <strong>{t('youChose')}</strong> {choice.label}
      </p>
      <div id="feedback-consequence">
        <CompiledHtml html={feedback.consequence} />
      </div>
      <h2>{t('whyHeading')}</h2>
      <CompiledHtml html={feedback.why} />
      {feedback.guidance.length > 0 && (
        <>
          <h2>{t('guidanceHeading')}</h2>
          <ul class="citations">
            {feedback.guidance.map((c) => (
              <li key={`${c.ref}-${c.para ?? ''}`}>{formatCitation(c, scenario.references)}</li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('pointsHeading')}</h2>
      <ul class="points">
        {Object.entries(choice.score).map(([principle, points]) => (
          <li key={principle}>
            {t('principlePoints', { principle: labelOf(principle), points: formatSignedPoints(points) })}
          </li>
        ))}
        <li>
          <strong>{t('pointsTotal', { points: formatSignedPoints(choice.total) })}</strong>
        </li>
      </ul>
      {continueButton}
    </>
  );
}
