/**
 * The pack's opening pages: the cover with the module's identity and a sign-off block, how to read the
 * pack, the contents, the learning outcomes and principles, and the time a learner should plan for.
 */
import {
  estimateMinutes,
  MINUTES_PER_DECISION,
  REFLECTION_WRITING_MINUTES,
  WORDS_PER_MINUTE,
} from '../scenario/estimate-minutes.ts';
import { nodeAnchor, pageAnchor, stageAnchor } from './anchors.ts';
import { escapeHtml, linkTo } from './html.ts';
import type { PackContext } from './pack-context.ts';
import { orderedPages } from './render-back-matter.ts';
import { stageTitle } from './render-node.ts';

export function coverHtml(context: PackContext): string {
  const { identity, scenario } = context;
  const rows: [string, string][] = [
    ['Module', `${identity.title} (${identity.id})`],
    ['Version', identity.version],
    ['Scenario', `${scenario.id}, version ${scenario.version}`],
    ['Provider', identity.provider],
    ['Pack made', context.generatedOn],
  ];
  return [
    '<header class="cover" id="cover">',
    '<p class="kicker">Review pack for clinical sign-off</p>',
    `<h1>${escapeHtml(identity.title)}</h1>`,
    `<p class="lead">${escapeHtml(identity.description)}</p>`,
    `<table class="identity"><tbody>${rows.map(([k, v]) => `<tr><th scope="row">${k}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</tbody></table>`,
    '<table class="sign-off"><caption>Clinical sign-off</caption>',
    '<thead><tr><th scope="col">Reviewer</th><th scope="col">Role</th><th scope="col">Decision</th><th scope="col">Signature</th><th scope="col">Date</th></tr></thead>',
    '<tbody><tr><td></td><td></td><td></td><td></td><td></td></tr><tr><td></td><td></td><td></td><td></td><td></td></tr></tbody></table>',
    '</header>',
  ].join('\n');
}

export function howToReadHtml(): string {
  return `<section class="part" id="how-to-read">
<h2>How to read this pack</h2>
<p>This pack holds every word a learner can meet in the module, in the order the story runs: stage by stage,
each stage starting with the screens of the recommended path, then the screens other choices lead to, then
every ending with its debrief, the content pages and the references.</p>
<p>Each choice has a class the author gave it:</p>
<ul>
<li><strong>Recommended</strong>: what the guidance and the defence organisations advise; one per decision.</li>
<li><strong>Acceptable</strong>: defensible, a near miss; it costs points but never the pass.</li>
<li><strong>Poor</strong>: goes against the guidance or the advice in a way that can harm the patient or the
doctor; a path through one fails.</li>
</ul>
<p>Every screen, choice, page and reference has a reference in grey under its heading, such as
<code>#decision-…</code>. Quote it in review comments; in the HTML file it is also the link to that place.</p>
</section>`;
}

export function contentsHtml(context: PackContext): string {
  const { scenario, order } = context;
  const nodeList = (nodes: readonly { id: string; kind: 'scene' | 'decision' | 'ending'; title: string }[]) =>
    `<ol>${nodes.map((n) => `<li>${linkTo(nodeAnchor(n), n.title)}${n.kind === 'decision' ? ' <span class="tag">Decision</span>' : ''}</li>`).join('')}</ol>`;
  const stages = order.stages.map(
    (group) =>
      `<li>${linkTo(stageAnchor(group.stage), stageTitle(context.scenario, group.stage))}${nodeList(group.nodes)}</li>`,
  );
  const pages = orderedPages(context).map((page) => `<li>${linkTo(pageAnchor(page.id), page.title)}</li>`);
  return [
    '<nav class="part contents" id="contents" aria-labelledby="contents-heading">',
    '<h2 id="contents-heading">Contents</h2>',
    '<ol class="toc">',
    `<li>${linkTo('how-to-read', 'How to read this pack')}</li>`,
    `<li>${linkTo('outcomes', 'Learning outcomes and principles')}</li>`,
    `<li>${linkTo('time', 'Time to complete')}</li>`,
    `<li>${linkTo('scoring', 'Scoring and pass mark')}</li>`,
    ...(context.graphSvg === undefined ? [] : [`<li>${linkTo('map', 'Scenario map')}</li>`]),
    ...stages,
    `<li>${linkTo('endings', 'Endings')}${nodeList(order.endings)}</li>`,
    `<li>${linkTo('pages', 'Content pages')}<ol>${pages.join('')}</ol></li>`,
    `<li>${linkTo('references', `References (${scenario.references.length})`)}</li>`,
    '</ol>',
    '</nav>',
  ].join('\n');
}

export function outcomesHtml(context: PackContext): string {
  const { scenario } = context;
  const outcomes = scenario.outcomes.map(
    (o) =>
      `<li id="outcome-${o.id}">${escapeHtml(o.text)} <span class="anchor-inline">#outcome-${o.id}</span></li>`,
  );
  const principles = scenario.principles.map(
    (p) =>
      `<dt>${escapeHtml(p.label)} <span class="anchor-inline">${escapeHtml(p.id)}</span></dt><dd>${escapeHtml(p.description)}</dd>`,
  );
  return [
    '<section class="part part--flow" id="outcomes">',
    '<h2>Learning outcomes and principles</h2>',
    '<p>By the end the learner will be able to:</p>',
    `<ol class="outcomes">${outcomes.join('')}</ol>`,
    '<h3>The principles every choice is scored against</h3>',
    `<dl class="principles">${principles.join('')}</dl>`,
    '</section>',
  ].join('\n');
}

export function timeHtml(context: PackContext): string {
  const estimate = estimateMinutes(context.scenario);
  const minutes = (value: number) => `${value.toFixed(1)} min`;
  const thousands = (value: number) => value.toLocaleString('en-GB');
  const rows: [string, string, string][] = [
    [
      'Reading',
      minutes(estimate.readingMinutes),
      `${thousands(estimate.readingWords)} words on the recommended path at ${WORDS_PER_MINUTE} words a minute`,
    ],
    [
      'Decisions',
      minutes(estimate.decisionMinutes),
      `${estimate.decisions} decisions on that path, ${MINUTES_PER_DECISION} minute each`,
    ],
    [
      'Reflection',
      minutes(estimate.reflectionMinutes),
      `${thousands(estimate.reflectionWords)} words of the reflection page, plus ${REFLECTION_WRITING_MINUTES} minutes of writing`,
    ],
  ];
  return [
    '<section class="part" id="time">',
    '<h2>Time to complete</h2>',
    `<p>A learner should plan for <strong>${estimate.minutes} minutes</strong> (${estimate.exactMinutes.toFixed(1)} minutes, rounded up to the next 5). The module works this out from the text; nobody types it.</p>`,
    '<table class="time"><thead><tr><th scope="col">Part</th><th scope="col" class="number">Time</th><th scope="col">How it is counted</th></tr></thead>',
    `<tbody>${rows.map(([part, time, how]) => `<tr><th scope="row">${part}</th><td class="number">${time}</td><td>${escapeHtml(how)}</td></tr>`).join('')}</tbody></table>`,
    '</section>',
  ].join('\n');
}
