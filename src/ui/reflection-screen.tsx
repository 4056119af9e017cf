import { useRef, useState } from 'preact/hooks';
import type { Scenario } from '../scenario/model.ts';
import { CompiledHtml } from './compiled-html.tsx';
import { copyText } from './copy-text.ts';
import { ScreenHeading } from './screen-heading.tsx';
import { t } from './ui-text.ts';

interface ReflectionScreenProps {
  scenario: Scenario;
  reflection: string;
  onReflection: (text: string) => void;
  onDebrief: () => void;
  onCertificate: () => void;
}

/** Prompts from the `reflection` page, a labelled textarea the app saves, and a copy button for the learning log. */
export function ReflectionScreen({
  scenario,
  reflection,
  onReflection,
  onDebrief,
  onCertificate,
}: ReflectionScreenProps) {
  const field = useRef<HTMLTextAreaElement>(null);
  const [status, setStatus] = useState('');
  const page = scenario.pages.reflection;

  const copy = async () => {
    const textarea = field.current;
    if (!textarea) return;
    if (textarea.value.trim() === '') {
      setStatus(t('copyEmpty'));
      return;
    }
    setStatus((await copyText(textarea)) === 'copied' ? t('copied') : t('copySelected'));
  };

  return (
    <>
      <ScreenHeading>{page?.title ?? t('reflectionHeading')}</ScreenHeading>
      {page && <CompiledHtml html={page.html} />}
      <div class="field">
        <label for="reflection-text">{t('reflectionLabel')}</label>
        <p id="reflection-hint" class="caption">
          {t('reflectionHint')}
        </p>
        <textarea
          ref={field}
          id="reflection-text"
          rows={10}
          aria-describedby="reflection-hint"
          value={reflection}
          onInput={(e) => onReflection(e.currentTarget.value)}
        />
      </div>
      <div class="actions">
        <button type="button" class="button button--secondary" onClick={copy}>
          {t('copy')}
        </button>
      </div>
      <p role="status" class="caption">
        {status}
      </p>
      <div class="actions">
        <button type="button" class="button button--secondary" onClick={onDebrief}>
          {t('backToDebrief')}
        </button>
        <button type="button" class="button" onClick={onCertificate}>
          {t('toCertificate')}
        </button>
      </div>
    </>
  );
}
