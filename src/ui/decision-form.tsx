import { useRef, useState } from 'preact/hooks';
import type { DecisionNode } from '../scenario/model.ts';
import { t } from './ui-text.ts';

interface DecisionFormProps {
  decision: DecisionNode;
  onConfirm: (choiceId: string) => void;
}

/**
 * A native radio group in a fieldset (WCAG 1.3.1; arrow keys move between radios without any script).
 * Nothing is preselected, so a learner never confirms an answer they did not pick. The error pattern follows
 * the GOV.UK/NHS design systems: message inside the fieldset, linked by aria-describedby, focus to the group.
 */
export function DecisionForm({ decision, onConfirm }: DecisionFormProps) {
  const [selected, setSelected] = useState<string | null>(null);
  const [showError, setShowError] = useState(false);
  const fieldset = useRef<HTMLFieldSetElement>(null);
  const name = `choice-${decision.id}`;
  const errorId = `${name}-error`;

  const submit = (event: Event) => {
    event.preventDefault();
    if (selected === null) {
      setShowError(true);
      fieldset.current?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
      return;
    }
    onConfirm(selected);
  };

  return (
    <form class="decision" onSubmit={submit} noValidate>
      <fieldset
        ref={fieldset}
        class={showError ? 'choices choices--error' : 'choices'}
        aria-describedby={showError ? errorId : undefined}
      >
        <legend>{decision.prompt}</legend>
        {showError && (
          <p id={errorId} class="error-message">
            <span class="visually-hidden">{t('errorPrefix')} </span>
            {t('noChoiceError')}
          </p>
        )}
        {decision.choices.map((c) => {
          const id = `${name}-${c.id}`;
          return (
            <div class="choice" key={c.id}>
              <input
                type="radio"
                id={id}
                name={name}
                value={c.id}
                checked={selected === c.id}
                onChange={() => {
                  setSelected(c.id);
                  setShowError(false);
                }}
              />
              <label for={id}>{c.label}</label>
            </div>
          );
        })}
      </fieldset>
      <div class="actions">
        <button type="submit" class="button">
          {t('confirmChoice')}
        </button>
      </div>
    </form>
  );
}
