/**
 * The pack's closing parts: the content pages (compiled from content/pages/*.md), each with the screens that
 * offer it, and the reference list, each reference with every choice that cites it, linked back.
 */
import type { ContentPage, DecisionNode } from '../scenario/model.ts';
import { nodeAnchor, pageAnchor, referenceAnchor } from './anchors.ts';
import { citingChoiceHtml, citingChoices } from './citations.ts';
import { anchorLabel, escapeHtml, linkTo, nestHeadings } from './html.ts';
import type { PackContext } from './pack-context.ts';

/** The start page first, then the pages the screens offer in the order the pack meets them, then the rest. */
export function orderedPages({ scenario, order }: PackContext): ContentPage[] {
  const ids = [
    'start',
    ...order.all.flatMap((node) => node.pages ?? []),
    ...Object.keys(scenario.pages).sort(),
  ];
  return [...new Set(ids)].flatMap((id) => scenario.pages[id] ?? []);
}

export function pagesHtml(context: PackContext): string {
  const pages = orderedPages(context).map((page) => {
    const anchor = pageAnchor(page.id);
    const offeredBy = context.order.all.filter((node) => node.pages?.includes(page.id));
    const offered =
      offeredBy.length === 0
        ? ''
        : `<p class="read-more"><span class="facts-label">Offered as “read more” on</span> ${offeredBy.map((n) => linkTo(nodeAnchor(n), n.title)).join(', ')}</p>`;
    return [
      `<section class="page" id="${anchor}">`,
      `<h3><a href="#${anchor}">${escapeHtml(page.title)}</a></h3>`,
      anchorLabel(anchor),
      offered,
      `<div class="prose">${nestHeadings(page.html, 4)}</div>`,
      '</section>',
    ].join('\n');
  });
  return [
    '<section class="part" id="pages">',
    '<h2>Content pages</h2>',
    '<p>The longer pages: the start screen’s introduction, the pages offered as “read more”, the reflection, the debrief’s further reading and the certificate’s CPD note.</p>',
    ...pages,
    '</section>',
  ].join('\n');
}

export function referencesHtml(context: PackContext): string {
  const { scenario, order } = context;
  const decisions = order.all.filter((node): node is DecisionNode => node.kind === 'decision');
  const citing = citingChoices(decisions);
  const items = scenario.references.map((reference) => {
    const anchor = referenceAnchor(reference.id);
    const uses = citing.get(reference.id) ?? [];
    const cited =
      uses.length === 0
        ? '<p class="cited-by">Not cited by any choice (listed for the sources page).</p>'
        : `<p class="facts-label">Cited by ${uses.length} ${uses.length === 1 ? 'choice' : 'choices'}</p><ul class="cited-by">${uses.map((use) => `<li>${citingChoiceHtml(use)}</li>`).join('')}</ul>`;
    const url =
      reference.url === undefined
        ? ''
        : `<p class="url"><a href="${escapeHtml(reference.url)}">${escapeHtml(reference.url)}</a></p>`;
    return [
      `<li class="reference" id="${anchor}">`,
      `<p class="reference-title"><strong>${escapeHtml(reference.title)}</strong>. ${escapeHtml(reference.publisher)}.</p>`,
      anchorLabel(anchor),
      url,
      cited,
      '</li>',
    ].join('\n');
  });
  return [
    '<section class="part" id="references">',
    '<h2>References</h2>',
    '<p>Every source the feedback cites, with the choices that cite it. The web addresses are as the author gave them; the module itself never fetches them.</p>',
    `<ol class="references">${items.join('\n')}</ol>`,
    '</section>',
  ].join('\n');
}
