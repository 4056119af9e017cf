import { useRef, useState } from 'preact/hooks';
import type { Scenario } from '../scenario/model.ts';
import { CompiledHtml } from './compiled-html.tsx';
import { copyText } from './copy-text.ts';
import { ScreenHeading } from './screen-heading.tsx';
import { uiText } from './ui-text.ts';

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
      setStatus(uiText.copyEmpty);
      return;
    }
    setStatus((await copyText(textarea)) === 'copied' ? uiText.copied : uiText.copySelected);
  };

  return (
    <>
      <ScreenHeading>{page?.title ?? uiText.reflectionHeading}</ScreenHeading>
      {page && <CompiledHtml html={page.html} />}
      <div class="field">
        <label for="reflection-text">{uiText.reflectionLabel}</label>
        <p id="reflection-hint" class="caption">
          {uiText.reflectionHint}
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
          {uiText.copy}
        </button>
      </div>
      <p role="status" class="caption">
        {status}
      </p>
      <div class="actions">
        <button type="button" class="button button--secondary" onClick={onDebrief}>
          {uiText.backToDebrief}
        </button>
        <button type="button" class="button" onClick={onCertificate}>
          {uiText.toCertificate}
        </button>
      </div>
    </>
  );
}
