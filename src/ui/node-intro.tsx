import type { ScenarioNode } from '../scenario/model.ts';
import { CompiledHtml } from './compiled-html.tsx';
import { ScreenHeading } from './screen-heading.tsx';
import { StageProgress } from './stage-progress.tsx';

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
