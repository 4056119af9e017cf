import type { Scenario, ScenarioContext } from '../scenario/model.ts';
import { CompiledHtml } from './compiled-html.tsx';
import { ContentPageSection } from './content-page-section.tsx';
import { recommendedByPrinciple } from './debrief-data.ts';
import { PathComparison } from './path-comparison.tsx';
import { PrincipleScores } from './principle-scores.tsx';
import { ReadMore } from './read-more.tsx';
import { ScoreResult } from './score-result.tsx';
import { ScreenHeading } from './screen-heading.tsx';
import { uiText } from './ui-text.ts';

interface DebriefScreenProps {
  scenario: Scenario;
  nodeId: string;
  context: ScenarioContext;
  passed: boolean | null;
  passMark: number;
  maxScore: number;
  minScore: number;
  recommendedPath: readonly string[];
  graphSvg?: string | undefined;
  onReflection: () => void;
  onRestart?: (() => void) | undefined;
}

export function DebriefScreen(props: DebriefScreenProps) {
  const { scenario, context } = props;
  const ending = scenario.nodes[props.nodeId];
  return (
    <>
      <ScreenHeading>{uiText.debriefHeading}</ScreenHeading>
      <section aria-labelledby="result-heading">
        <h2 id="result-heading">{uiText.scoreHeading}</h2>
        <ScoreResult
          total={context.scores.total}
          maxScore={props.maxScore}
          minScore={props.minScore}
          passMark={props.passMark}
          passed={props.passed}
        />
      </section>
      {ending?.kind === 'ending' && (
        <section aria-labelledby="ending-heading">
          <h2 id="ending-heading">{uiText.yourEnding(ending.title)}</h2>
          <CompiledHtml html={ending.debrief} />
        </section>
      )}
      <PathComparison
        scenario={scenario}
        path={context.path}
        answers={context.answers}
        recommendedPath={props.recommendedPath}
        graphSvg={props.graphSvg}
      />
      <PrincipleScores
        scenario={scenario}
        byPrinciple={context.scores.byPrinciple}
        reference={recommendedByPrinciple(scenario, props.recommendedPath)}
      />
      <ContentPageSection scenario={scenario} pageId="key_points" />
      <ContentPageSection scenario={scenario} pageId="if_it_escalates" />
      <ContentPageSection scenario={scenario} pageId="support" />
      {/* The full source list is long; as a disclosure it stays one keypress away without burying the actions. */}
      <ReadMore scenario={scenario} pageIds={['sources']} />
      <div class="actions">
        <button type="button" class="button" onClick={props.onReflection}>
          {uiText.toReflection}
        </button>
        {props.onRestart && (
          <button type="button" class="button button--secondary" onClick={props.onRestart}>
            {uiText.restart}
          </button>
        )}
      </div>
    </>
  );
}
