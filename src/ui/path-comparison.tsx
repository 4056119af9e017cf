import type { Answer, Scenario } from '../scenario/model.ts';
import { CompiledHtml } from './compiled-html.tsx';
import { pathRows } from './debrief-data.ts';
import { uiText } from './ui-text.ts';

interface PathComparisonProps {
  scenario: Scenario;
  path: readonly string[];
  answers: readonly Answer[];
  recommendedPath: readonly string[];
  graphSvg?: string | undefined;
}

/**
 * The learner's route against the recommended one, in words first. The optional graph is an image of the
 * same thing, so its text alternative is the two routes written out (WCAG 1.1.1).
 */
export function PathComparison({ scenario, path, answers, recommendedPath, graphSvg }: PathComparisonProps) {
  const titles = (ids: readonly string[]) => ids.map((id) => scenario.nodes[id]?.title ?? id).join(' → ');
  const rows = pathRows(scenario, answers);
  const routes = (
    <>
      <span class="route">
        <strong>{uiText.yourPath}</strong> {titles(path)}.
      </span>{' '}
      <span class="route">
        <strong>{uiText.recommendedPathLabel}</strong> {titles(recommendedPath)}.
      </span>
    </>
  );
  return (
    <section aria-labelledby="path-heading">
      <h2 id="path-heading">{uiText.pathHeading}</h2>
      {rows.length === 0 ? (
        <p>{uiText.noDecisions}</p>
      ) : (
        <ol class="path-list">
          {rows.map((r) => (
            <li key={r.decision.id} class={r.matched ? 'path-item path-item--match' : 'path-item'}>
              {uiText.atStage(r.decision.stage, r.decision.title)}{' '}
              {r.matched ? uiText.choseRecommended : uiText.youChoseLower} “{r.chosenLabel}”
              {!r.matched && (
                <>
                  ; <strong>{uiText.recommended}</strong> “{r.recommendedLabel}”
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      {graphSvg ? (
        <figure class="graph">
          {/* On a phone the map keeps a readable size and scrolls sideways inside its own box (a map needs
              two dimensions: WCAG 1.4.10's exception). A scrolling box must take keyboard focus to be
              scrolled without a mouse (WCAG 2.1.1), hence the focusable region. */}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll container must be focusable (WCAG 2.1.1). */}
          <section class="graph-scroll" aria-label={uiText.graphScrollLabel} tabIndex={0}>
            <div role="img" aria-labelledby="graph-caption">
              <CompiledHtml html={graphSvg} class="graph-svg" />
            </div>
          </section>
          <figcaption id="graph-caption">{routes}</figcaption>
        </figure>
      ) : (
        <p>{routes}</p>
      )}
    </section>
  );
}
