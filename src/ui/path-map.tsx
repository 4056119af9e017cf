import type { Answer, Scenario, Stage } from '../scenario/model.ts';
import { stageOfNode } from '../scenario/stages.ts';
import { ClassMark } from './class-mark.tsx';
import { endingOf, type MapStep, mapSteps } from './debrief-data.ts';
import { choiceClassKey, t } from './ui-text.ts';

interface PathMapProps {
  scenario: Scenario;
  answers: readonly Answer[];
  /** The node the learner is at: their ending, once the scenario is over. */
  nodeId: string;
  recommendedPath: readonly string[];
}

/**
 * The learner's path beside the recommended one, made for learners: one step per decision, in order, with
 * the learner's choice in one lane and the recommended choice in the other when they differ, then the two
 * endings. Plain HTML (a list of headed steps, each a description list), so it needs no text alternative;
 * the two lanes sit side by side on a wide screen and stack on a narrow one.
 */
export function PathMap({ scenario, answers, nodeId, recommendedPath }: PathMapProps) {
  const steps = mapSteps(scenario, answers, recommendedPath);
  const yourEnding = endingOf(scenario, nodeId);
  const recommendedEnding = endingOf(scenario, recommendedPath[recommendedPath.length - 1]);
  return (
    <section aria-labelledby="path-heading">
      <h2 id="path-heading">{t('pathHeading')}</h2>
      <ol class="path-map">
        {steps.map((step, index) => (
          // A loop can bring a learner back to a decision, so the position is part of the key.
          <li key={`${index}-${step.decision.id}`} class="path-step">
            <h3 class="path-step-title">
              {stepTitle(stageOfNode(scenario, step.decision), step.decision.title)}
            </h3>
            <StepLanes step={step} />
          </li>
        ))}
        {(yourEnding || recommendedEnding) && (
          <li class="path-step path-step--ending">
            <h3 class="path-step-title">{t('endingStep')}</h3>
            <dl class="lanes">
              {yourEnding && (
                <div class="lane lane--yours">
                  <dt>{t('yourEndingLabel')}</dt>
                  <dd>
                    <span class="lane-choice">{yourEnding.title}</span>
                    {yourEnding.id === recommendedEnding?.id && (
                      <span class="lane-note">{t('sameEnding')}</span>
                    )}
                  </dd>
                </div>
              )}
              {recommendedEnding && recommendedEnding.id !== yourEnding?.id && (
                <div class="lane lane--advised">
                  <dt>{t('recommendedEnding')}</dt>
                  <dd>
                    <span class="lane-choice">{recommendedEnding.title}</span>
                  </dd>
                </div>
              )}
            </dl>
          </li>
        )}
      </ol>
    </section>
  );
}

/** "Stage 2: In the car park"; "Prologue: …" in an unnumbered stage; the title alone outside the stages. */
function stepTitle(stage: Stage | undefined, title: string): string {
  if (stage === undefined) return title;
  if (stage.number === undefined) return t('unnumberedStepTitle', { stage: stage.title, title });
  return t('stepTitle', { stage: stage.number, title });
}

function StepLanes({ step }: { step: MapStep }) {
  const { chosen, recommended } = step;
  return (
    <dl class="lanes">
      <div
        class={chosen ? `lane lane--yours lane--class-${chosen.class}` : 'lane lane--yours lane--unreached'}
      >
        <dt>{t('yourChoice')}</dt>
        {chosen ? (
          <dd>
            <span class="lane-choice">{chosen.short}</span>
            <span class="lane-class">
              <ClassMark choiceClass={chosen.class} />
              {t(choiceClassKey[chosen.class])}
            </span>
          </dd>
        ) : (
          <dd class="lane-note">{t('notReached')}</dd>
        )}
      </div>
      {recommended && recommended.id !== chosen?.id && (
        <div class="lane lane--advised">
          <dt>{t('recommendedChoice')}</dt>
          <dd>
            <span class="lane-choice">{recommended.short}</span>
          </dd>
        </div>
      )}
    </dl>
  );
}
