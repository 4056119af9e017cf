import type { Scenario } from '../scenario/model.ts';
import { t } from './ui-text.ts';

interface PrincipleScoresProps {
  scenario: Scenario;
  byPrinciple: Readonly<Record<string, number>>;
  reference: Readonly<Record<string, number>>;
}

/**
 * Each principle as text and as a bar whose length, not its colour, carries the value (WCAG 1.4.1). The bar
 * is hidden from assistive technology because the text beside it says the same; on a wide screen it sits
 * beside the text, on a narrow one below it.
 */
export function PrincipleScores({ scenario, byPrinciple, reference }: PrincipleScoresProps) {
  return (
    <section aria-labelledby="principles-heading">
      <h2 id="principles-heading">{t('principlesHeading')}</h2>
      <ul class="principle-scores">
        {scenario.principles.map((p) => {
          const points = byPrinciple[p.id] ?? 0;
          const yardstick = Math.max(reference[p.id] ?? 0, points, 1);
          const width = `${Math.round((Math.max(0, points) / yardstick) * 100)}%`;
          return (
            <li key={p.id}>
              <span>
                <span class="principle-label">{t('principleLabel', { principle: p.label })}</span>{' '}
                {t('principleScore', { points, reference: reference[p.id] ?? 0 })}
              </span>
              <span class="bar" aria-hidden="true">
                <span class="bar-fill" style={{ width }} />
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
