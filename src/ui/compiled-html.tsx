/**
 * The one door for HTML into the page. Only fields the build compiled from Markdown (raw HTML escaped, so an
 * author's `<script>` arrives as text) and the build's own SVG may pass through it; plain-text fields
 * (labels, prompts, titles) are rendered as Preact text and never come here.
 */
export function CompiledHtml({ html, class: className = 'prose' }: { html: string; class?: string }) {
  return <div class={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
