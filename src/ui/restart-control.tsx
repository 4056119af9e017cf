import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from './ui-text.ts';

/**
 * "Start the scenario again", offered only when no LMS is recording (the app decides). Clearing the learner's
 * place takes a second, explicit step in the page, not window.confirm: a section below the button says what
 * is lost, with a button to confirm and one to keep the place. The focus moves to its question, so a screen
 * reader reads it, and a second press of Enter or the second click of a double click confirms nothing: the
 * first button stays where it was. Keeping the place closes the section and puts the focus back.
 */
export function RestartControl({ onRestart }: { onRestart: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const question = useRef<HTMLParagraphElement>(null);
  // A layout effect, so the focus moves in the same task that inserts the section: a key pressed as it
  // appears reaches the question, never the opener it replaced.
  useLayoutEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);

  return (
    <>
      <div class="actions">
        <button
          ref={opener}
          type="button"
          class="button button--secondary"
          aria-expanded={confirming}
          aria-controls={confirming ? 'restart-confirm' : undefined}
          // Pressed again while the question stands (the second click of a double click focuses this button),
          // it hands the focus back to the question rather than leave a screen reader on a button.
          onClick={() => (confirming ? question.current?.focus() : setConfirming(true))}
        >
          {t('restart')}
        </button>
      </div>
      {confirming && (
        <section
          id="restart-confirm"
          class="confirm"
          aria-labelledby="restart-question"
          aria-describedby="restart-warning"
        >
          <p id="restart-question" class="confirm-question" tabIndex={-1} ref={question}>
            {t('restartQuestion')}
          </p>
          <p id="restart-warning">{t('restartWarning')}</p>
          <div class="actions">
            <button type="button" class="button" onClick={onRestart}>
              {t('restartConfirm')}
            </button>
            <button
              type="button"
              class="button button--secondary"
              onClick={() => {
                setConfirming(false);
                opener.current?.focus();
              }}
            >
              {t('restartCancel')}
            </button>
          </div>
        </section>
      )}
    </>
  );
}
