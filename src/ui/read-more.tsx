import type { Scenario } from '../scenario/model.ts';
import { CompiledHtml } from './compiled-html.tsx';
import { t } from './ui-text.ts';

/** "Read more" pages as native disclosures: keyboard and screen reader behaviour come free with `<details>`. */
export function ReadMore({ scenario, pageIds }: { scenario: Scenario; pageIds: readonly string[] }) {
  const pages = pageIds.flatMap((id) => scenario.pages[id] ?? []);
  if (pages.length === 0) return null;
  return (
    <section class="read-more" aria-labelledby="read-more-heading">
      <h2 id="read-more-heading">{t('readMore')}</h2>
      {pages.map((p) => (
        <details key={p.id}>
          <summary>{p.title}</summary>
          <CompiledHtml html={p.html} />
        </details>
      ))}
    </section>
  );
}
