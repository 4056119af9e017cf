import MarkdownIt from 'markdown-it';
import type { ContentPage } from '../model.ts';
import { ID_PATTERN } from '../model.ts';

/**
 * Typographic quotes for everything a learner reads: double “…”, single ‘…’, and ’ for an apostrophe.
 * markdown-it's typographer applies them (with its `replacements`: -- to –, ... to …) to Markdown prose, and
 * `smartenText` applies the same rules to the plain-text fields.
 */
const QUOTES = '“”‘’';

/**
 * Authors write Markdown; learners' browsers get HTML compiled at build time. `html: false` makes markdown-it
 * escape any raw HTML an author types (`<script>`, `onerror=`), so it shows as text and never runs;
 * markdown-it's own link check already refuses `javascript:` and `data:` URLs.
 */
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: true, quotes: QUOTES });

/**
 * Only the typographer: with every other rule off, the inline parser reads the whole text as one text run,
 * so nothing is taken for Markdown or HTML (`*`, `<b>` and `&amp;` stay as typed) and nothing is escaped.
 */
const typographer = new MarkdownIt('zero', { typographer: true, quotes: QUOTES }).enable([
  'replacements',
  'smartquotes',
]);

// A SCORM package must work offline inside the LMS frame: no remote images, and links open a new window so
// the learner never navigates the course frame away (which would end the attempt in many LMSs).
markdown.disable('image');
const renderLink = markdown.renderer.rules.link_open;
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  const token = tokens[index];
  token?.attrSet('target', '_blank');
  token?.attrSet('rel', 'noopener noreferrer');
  return renderLink
    ? renderLink(tokens, index, options, env, self)
    : self.renderToken(tokens, index, options);
};

export function compileMarkdown(text: string): string {
  return markdown.render(text);
}

/**
 * A plain-text field (a title, a prompt, a label) with the same typography as the Markdown prose: "it's"
 * becomes “it’s”. Still plain text: the UI escapes it.
 */
export function smartenText(text: string): string {
  return typographer
    .parseInline(text, {})
    .flatMap((token) => token.children ?? [])
    .map((token) => token.content)
    .join('');
}

export class ContentPageError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'ContentPageError';
  }
}

/**
 * A page in `content/pages/`: its title is the first `# ` heading (as plain text), its HTML everything else.
 * Throws `ContentPageError` when the id is not a valid id or there is no `# ` heading.
 */
export function compileContentPage(id: string, text: string): ContentPage {
  if (!ID_PATTERN.test(id)) {
    throw new ContentPageError(
      `"${id}" is not a valid page id`,
      'name the file with letters, digits, _ and . only, e.g. social_media.md: pages are named by their file name',
    );
  }
  const tokens = markdown.parse(text, {});
  const start = tokens.findIndex((token) => token.type === 'heading_open' && token.tag === 'h1');
  const end = tokens.findIndex((token, i) => i > start && token.type === 'heading_close');
  const title =
    tokens[start + 1]?.children
      ?.map((child) => child.content)
      .join('')
      .trim() ?? '';
  if (start === -1 || end === -1 || title === '') {
    throw new ContentPageError(
      `page "${id}" has no title`,
      'start the page with a heading line: # Title of the page',
    );
  }
  const rest = [...tokens.slice(0, start), ...tokens.slice(end + 1)];
  return { id, title, html: markdown.renderer.render(rest, markdown.options, {}) };
}
