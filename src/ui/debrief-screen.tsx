import type { Scenario, ScenarioContext } from '../scenario/model.ts';
import { CompiledHtml } from './compiled-html.tsx';
import { recommendedByPrinciple } from './debrief-data.ts';
import { PathMap } from './path-map.tsx';
import { PrincipleScores } from './principle-scores.tsx';
import { ReadMore } from './read-more.tsx';
import { RestartControl } from './restart-control.tsx';
import { ScoreResult } from './score-result.tsx';
import { ScreenHeading } from './screen-heading.tsx';
import { t } from './ui-text.ts';

interface DebriefScreenProps {
  scenario: Scenario;
  nodeId: string;
  context: ScenarioContext;
  passed: boolean | null;
  passMark: number;
  maxScore: number;
  minScore: number;
  recommendedPath: readonly string[];
  onReflection: () => void;
  /** Standalone only (the app leaves it out while an LMS records). */
  onRestart?: (() => void) | undefined;
}

/** The long pages a learner may want after the scenario: folded, so the debrief stays a few screens tall. */
const FURTHER_PAGES = ['key_points', 'if_it_escalates', 'support', 'sources'] as const;

/**
 * Result, the ending's lesson, the path map and the score by principle, then the long pages as disclosures:
 * at most three screens at 1280 × 800 to the Continue button (tests/module-browser.test.ts measures it).
 */
export function DebriefScreen(props: DebriefScreenProps) {
  const { scenario, context } = props;
  const ending = scenario.nodes[props.nodeId];
  return (
    <>
      <ScreenHeading>{t('debriefHeading')}</ScreenHeading>
      <section aria-labelledby="result-heading">
        <h2 id="result-heading">{t('scoreHeading')}</h2>
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
          <h2 id="ending-heading">{t('yourEnding', { title: ending.title })}</h2>
          <CompiledHtml html={ending.debrief} />
        </section>
      )}
      <PathMap
        scenario={scenario}
        answers={context.answers}
        nodeId={props.nodeId}
        recommendedPath={props.recommendedPath}
      />
      <PrincipleScores
        scenario={scenario}
        byPrinciple={context.scores.byPrinciple}
        reference={recommendedByPrinciple(scenario, props.recommendedPath)}
      />
      <ReadMore scenario={scenario} pageIds={FURTHER_PAGES} />
      <div class="actions">
        <button type="button" class="button" onClick={props.onReflection}>
          {t('toReflection')}
        </button>
      </div>
      {props.onRestart && <RestartControl onRestart={props.onRestart} />}
    </>
  );
}
