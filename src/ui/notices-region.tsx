import type { Notice } from './module-app.tsx';
import { t } from './ui-text.ts';

/**
 * Both live regions are always in the page, empty or not: a region added together with its text is often
 * not announced (ARIA 1.2 live regions). Errors go to the assertive `alert`, the rest to `status`.
 */
export function NoticesRegion({ notices, reviewing }: { notices: readonly Notice[]; reviewing: boolean }) {
  const errors = notices.filter((n) => n.kind === 'error');
  const others = notices.filter((n) => n.kind !== 'error');
  return (
    <div class="notices">
      <div role="status">
        {reviewing && <p class="notice notice--review">{t('reviewBanner')}</p>}
        {others.map((n) => (
          <p key={n.id} class={`notice notice--${n.kind}`}>
            {n.text}
          </p>
        ))}
      </div>
      <div role="alert">
        {errors.map((n) => (
          <p key={n.id} class="notice notice--error">
            {n.text}
          </p>
        ))}
      </div>
    </div>
  );
}
