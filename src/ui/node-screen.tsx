import type { Answer, Scenario } from '../scenario/model.ts';
import { DecisionForm } from './decision-form.tsx';
import { NodeIntro } from './node-intro.tsx';
import { ReadMore } from './read-more.tsx';
import { ScreenHeading } from './screen-heading.tsx';
import { stageProgressOf } from './stage-progress.tsx';
import { t } from './ui-text.ts';

interface NodeScreenProps {
  scenario: Scenario;
  nodeId: string;
  /** The learner's answers so far: the progress bar counts the stages completed. */
  answers: readonly Answer[];
  onContinue: () => void;
  onChoose: (choiceId: string) => void;
  onDebrief: () => void;
}

/** The current node: a scene (Continue), a decision (radio group) or an ending (on to the debrief). */
export function NodeScreen({ scenario, nodeId, answers, onContinue, onChoose, onDebrief }: NodeScreenProps) {
  const node = scenario.nodes[nodeId];
  if (!node) return <ScreenHeading>{t('nodeMissing')}</ScreenHeading>;
  return (
    <>
      <NodeIntro node={node} progress={stageProgressOf(scenario, node, answers)} />
      <ReadMore scenario={scenario} pageIds={node.pages ?? []} />
      {node.kind === 'decision' ? (
        // Keyed by node: a new decision starts with nothing selected and no error showing.
        <DecisionForm key={node.id} decision={node} onConfirm={onChoose} />
      ) : (
        <div class="actions">
          <button type="button" class="button" onClick={node.kind === 'ending' ? onDebrief : onContinue}>
            {node.kind === 'ending' ? t('toDebrief') : t('continue')}
          </button>
        </div>
      )}
    </>
  );
}
