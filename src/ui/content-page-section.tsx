import type { Scenario } from '../scenario/model.ts';
import { CompiledHtml } from './compiled-html.tsx';

/** A content page as a section with its own h2; nothing when the scenario has no such page. */
export function ContentPageSection({ scenario, pageId }: { scenario: Scenario; pageId: string }) {
  const page = scenario.pages[pageId];
  if (!page) return null;
  const headingId = `page-${page.id}`;
  return (
    <section class="page-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{page.title}</h2>
      <CompiledHtml html={page.html} />
    </section>
  );
}
