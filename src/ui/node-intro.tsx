import type { ScenarioNode } from '../scenario/model';
import { CompiledHtml } from './compiled-html';
import { ScreenHeading } from './screen-heading';
import { StageProgress } from './stage-progress';

/** What every node screen opens with: progress, title, illustration, narrative. */
export function NodeIntro({ node, stageCount }: { node: ScenarioNode; stageCount: number }) {
  return (
    <>
      {node.stage !== undefined && <StageProgress stage={node.stage} stageCount={stageCount} />}
      <ScreenHeading>{node.title}</ScreenHeading>
      {node.illustration && (
        <img class="illustration" src={node.illustration} alt={node.illustrationAlt ?? ''} />
      )}
      <CompiledHtml html={node.body} />
    </>
  );
}
