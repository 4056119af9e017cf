import type { Scenario } from '../scenario/model.ts';
import { CompiledHtml } from './compiled-html.tsx';
import { ScreenHeading } from './screen-heading.tsx';
import { t } from './ui-text.ts';

interface StartScreenProps {
  scenario: Scenario;
  /** The module's title, from imsmanifest.xml. */
  title: string;
  resuming: boolean;
  onStart: () => void;
}

/** Kept to plain markup and no hooks: it is the first thing a slow desktop has to paint. */
export function StartScreen({ scenario, title, resuming, onStart }: StartScreenProps) {
  const intro = scenario.pages.start;
  return (
    <>
      <ScreenHeading>{title}</ScreenHeading>
      <p class="lead">{t('aboutMinutes', { minutes: scenario.minutes })}</p>
      {intro && <CompiledHtml html={intro.html} />}
      <h2>{t('outcomesHeading')}</h2>
      <ul class="outcomes">
        {scenario.outcomes.map((o) => (
          <li key={o.id}>{o.text}</li>
        ))}
      </ul>
      <div class="actions">
        <button type="button" class="button" onClick={onStart}>
          {resuming ? t('resume') : t('start')}
        </button>
      </div>
    </>
  );
}
