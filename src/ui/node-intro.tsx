import type { ScenarioNode } from '../scenario/model.ts';
import { CompiledHtml } from './compiled-html.tsx';
import { ScreenHeading } from './screen-heading.tsx';
import { StageProgress, type StageProgressState } from './stage-progress.tsx';

/** What every node screen opens with: progress, title, illustration, narrative. */
export function NodeIntro({ node, progress }: { node: ScenarioNode; progress: StageProgressState | null }) {
  return (
    <>
      {progress && <StageProgress {...progress} />}
      <ScreenHeading>{node.title}</ScreenHeading>
      {node.illustration && (
        <img class="illustration" src={node.illustration} alt={node.illustrationAlt ?? ''} />
      )}
      <CompiledHtml html={node.body} />
    </>
  );
}
