import type { Answer, Scenario } from '../scenario/model.ts';
import { DecisionForm } from './decision-form.tsx';
import { NodeIntro } from './node-intro.tsx';
import { ReadMore } from './read-more.tsx';
import { ScreenHeading } from './screen-heading.tsx';
import { stageProgressOf } from './stage-progress.tsx';
import { uiText } from './ui-text.ts';

interface NodeScreenProps {
  scenario: Scenario;
  nodeId: string;
  stageCount: number;
  /** The learner's answers so far: the progress bar counts the stages completed. */
  answers: readonly Answer[];
  onContinue: () => void;
  onChoose: (choiceId: string) => void;
  onDebrief: () => void;
}

/** The current node: a scene (Continue), a decision (radio group) or an ending (on to the debrief). */
export function NodeScreen({
  scenario,
  nodeId,
  stageCount,
  answers,
  onContinue,
  onChoose,
  onDebrief,
}: NodeScreenProps) {
  const node = scenario.nodes[nodeId];
  if (!node) return <ScreenHeading>{uiText.nodeMissing}</ScreenHeading>;
  return (
    <>
      <NodeIntro node={node} progress={stageProgressOf(scenario, node, answers, stageCount)} />
      <ReadMore scenario={scenario} pageIds={node.pages ?? []} />
      {node.kind === 'decision' ? (
        // Keyed by node: a new decision starts with nothing selected and no error showing.
        <DecisionForm key={node.id} decision={node} onConfirm={onChoose} />
      ) : (
        <div class="actions">
          <button type="button" class="button" onClick={node.kind === 'ending' ? onDebrief : onContinue}>
            {node.kind === 'ending' ? uiText.toDebrief : uiText.continue}
          </button>
        </div>
      )}
    </>
  );
}
