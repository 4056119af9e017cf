/**
 * String building for the review pack. Plain text from the model (titles, labels, prompts, rationales) is
 * escaped here; prose fields are already HTML the loader compiled from Markdown with raw HTML off, so they
 * go in as they are.
 */
import { escapeXml } from '../scenario/escape-xml.ts';

/** Plain text made safe for HTML text and double-quoted attributes. */
export const escapeHtml = escapeXml;

/** A link to an anchor of the pack. */
export function linkTo(anchor: string, text: string): string {
  return `<a href="#${anchor}">${escapeHtml(text)}</a>`;
}

/** The anchor, shown so a reviewer can quote it in a comment on the printed pack. */
export function anchorLabel(anchor: string): string {
  return `<p class="anchor-label">#${anchor}</p>`;
}

/**
 * An SVG as a `data:` URL for an `<img>`: the pack makes no request, and an image's SVG never runs script
 * nor clashes with the pack's ids. Percent-encoding keeps it text (no base64, so no Node Buffer here).
 */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/**
 * Compiled HTML whose headings move down so its highest one becomes `<h{top}>`: a content page's own `## `
 * headings sit under the page's title in the pack's outline (and the PDF's bookmarks) instead of beside it.
 */
export function nestHeadings(html: string, top: number): string {
  const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
  if (levels.length === 0) return html;
  const shift = top - Math.min(...levels);
  return html.replace(/<(\/?)h([1-6])([\s>])/g, (_, slash: string, level: string, after: string) => {
    return `<${slash}h${Math.min(6, Math.max(1, Number(level) + shift))}${after}`;
  });
}

/** `items` joined as English prose: "a", "a and b", "a, b and c". */
export function joinProse(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
