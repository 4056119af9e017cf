/**
 * The review pack for clinical sign-off: the whole scenario as one self-contained HTML document, read top to
 * bottom and printed to A4 (`npm run review`, scripts/review.ts). Pure string building, no DOM: the model in,
 * the HTML out. The page needs no script, and its Content-Security-Policy lets it load nothing but its own
 * inline style and `data:` images, so opening it makes no request.
 */
import { stageAnchor } from './anchors.ts';
import { anchorLabel, escapeHtml, svgDataUrl } from './html.ts';
import { type PackContext, packContext, type ReviewPackInput } from './pack-context.ts';
import { pagesHtml, referencesHtml } from './render-back-matter.ts';
import { contentsHtml, coverHtml, howToReadHtml, outcomesHtml, timeHtml } from './render-front-matter.ts';
import { nodeHtml, stageTitle } from './render-node.ts';
import { scoringHtml } from './render-scoring.ts';
import { REVIEW_STYLES } from './review-styles.ts';

export type { PackIdentity, ReviewPackInput } from './pack-context.ts';

const CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

/** The document's title: also the PDF's title and what its footer repeats. */
export function packTitle(input: Pick<ReviewPackInput, 'identity'>): string {
  return `${input.identity.title}, version ${input.identity.version}: review pack`;
}

export function renderReviewPack(input: ReviewPackInput): string {
  const context = packContext(input);
  return [
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(packTitle(input))}</title>`,
    `<style>${REVIEW_STYLES}</style>`,
    '</head>',
    '<body>',
    coverHtml(context),
    contentsHtml(context),
    howToReadHtml(),
    outcomesHtml(context),
    timeHtml(context),
    scoringHtml(context),
    mapHtml(context),
    ...context.order.stages.map((group) => stageHtml(context, group)),
    endingsHtml(context),
    pagesHtml(context),
    referencesHtml(context),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function stageHtml(context: PackContext, group: PackContext['order']['stages'][number]): string {
  const anchor = stageAnchor(group.stage);
  return [
    `<section class="stage" id="${anchor}">`,
    `<h2>${escapeHtml(stageTitle(context.scenario, group.stage))}</h2>`,
    anchorLabel(anchor),
    ...group.nodes.map((node) => nodeHtml(context, node)),
    '</section>',
  ].join('\n');
}

function endingsHtml(context: PackContext): string {
  return [
    '<section class="endings" id="endings">',
    '<h2>Endings</h2>',
    `<p>The ${context.order.endings.length} endings, each with the debrief the learner reads after it; the recommended path’s ending first.</p>`,
    ...context.order.endings.map((node) => nodeHtml(context, node)),
    '</section>',
  ].join('\n');
}

function mapHtml(context: PackContext): string {
  if (context.graphSvg === undefined) return '';
  return [
    '<section class="part map" id="map">',
    '<h2>Scenario map</h2>',
    '<figure>',
    `<img src="${svgDataUrl(context.graphSvg)}" alt="The scenario's screens and the choices between them, from the start to every ending; the recommended path is drawn in blue.">`,
    '<figcaption>Every screen and where each choice leads; the same drawing <code>npm run scenario:check</code> writes.</figcaption>',
    '</figure>',
    '</section>',
  ].join('\n');
}
