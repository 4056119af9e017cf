import { useState } from 'preact/hooks';
import type { Scenario } from '../scenario/model.ts';
import { ContentPageSection } from './content-page-section.tsx';
import { scorePercent } from './debrief-data.ts';
import { formatDuration } from './format-duration.ts';
import { formatLongDate } from './format-long-date.ts';
import { RestartControl } from './restart-control.tsx';
import { resultText } from './score-result.tsx';
import { ScreenHeading } from './screen-heading.tsx';
import { t } from './ui-text.ts';

interface CertificateScreenProps {
  scenario: Scenario;
  /** The module's title, from imsmanifest.xml. */
  title: string;
  /** Who provides the module, from imsmanifest.xml. */
  provider: string;
  learnerName: string | null;
  total: number;
  maxScore: number;
  passed: boolean | null;
  timeSpentSeconds: number;
  completedAt: number | null;
  onReflection: () => void;
  /** Standalone only (the app leaves it out while an LMS records). */
  onRestart?: (() => void) | undefined;
}

/**
 * The certificate is the `.certificate` article; the print stylesheet hides everything else and fits it to
 * one A4 page. The name field sits outside it, so a printout shows the typed name, not an input box.
 */
export function CertificateScreen(props: CertificateScreenProps) {
  const { scenario } = props;
  const [typedName, setTypedName] = useState('');
  const name = props.learnerName ?? typedName.trim();
  return (
    <>
      <article class="certificate">
        <ScreenHeading>{t('certificateHeading')}</ScreenHeading>
        <p>{t('certifies')}</p>
        <p class="certificate-name">
          {name || (
            // A line to write on when printed without a name.
            <span class="name-blank">
              <span class="visually-hidden">{t('nameBlank')}</span>
            </span>
          )}
        </p>
        <p>{t('completed')}</p>
        <p class="certificate-title">{props.title}</p>
        <p class="caption">{t('version', { version: scenario.version })}</p>
        <dl class="facts">
          <dt>{t('dateLabel')}</dt>
          <dd>{props.completedAt === null ? '—' : formatLongDate(props.completedAt)}</dd>
          <dt>{t('scoreLabel')}</dt>
          <dd>
            {t('totalScore', {
              total: props.total,
              max: props.maxScore,
              percent: scorePercent(props.total, props.maxScore),
            })}
          </dd>
          <dt>{t('resultLabel')}</dt>
          <dd>{resultText(props.passed)}</dd>
          <dt>{t('timeLabel')}</dt>
          <dd>{formatDuration(props.timeSpentSeconds)}</dd>
          <dt>{t('nominalTimeLabel')}</dt>
          <dd>{t('nominalTime', { duration: formatDuration(scenario.minutes * 60) })}</dd>
          <dt>{t('providerLabel')}</dt>
          <dd>{props.provider}</dd>
        </dl>
        <h2>{t('outcomesCertHeading')}</h2>
        <ul class="outcomes">
          {scenario.outcomes.map((o) => (
            <li key={o.id}>{o.text}</li>
          ))}
        </ul>
        <p>
          <strong>{t('cpdStatement')}</strong>
        </p>
        <p>{t('evidenceStatement')}</p>
      </article>
      <div class="no-print">
        {props.learnerName === null && (
          <div class="field">
            <label for="certificate-name">{t('nameLabel')}</label>
            <input
              id="certificate-name"
              type="text"
              autocomplete="name"
              value={typedName}
              onInput={(e) => setTypedName(e.currentTarget.value)}
            />
          </div>
        )}
        <div class="actions">
          <button type="button" class="button" onClick={() => window.print()}>
            {t('print')}
          </button>
        </div>
        <ContentPageSection scenario={scenario} pageId="about_cpd" />
        <div class="actions">
          <button type="button" class="button button--secondary" onClick={props.onReflection}>
            {t('backToReflection')}
          </button>
        </div>
        {props.onRestart && <RestartControl onRestart={props.onRestart} />}
      </div>
    </>
  );
}
