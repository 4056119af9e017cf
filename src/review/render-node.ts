/**
 * One screen of the scenario as a section of the pack: its title and anchor, where it is reached from, the
 * illustration, the narrative, and then by kind: a scene's way on; a decision's question and choices; an
 * ending's debrief and how many paths reach it.
 */
import type { ScenarioPath } from '../scenario/analyse-paths.ts';
import type { DecisionNode, EndingNode, Scenario, ScenarioNode, SceneNode } from '../scenario/model.ts';
import { nodeAnchor, pageAnchor } from './anchors.ts';
import { leadsToHtml, reachedFromHtml } from './branches.ts';
import type { StageId } from './flow.ts';
import { anchorLabel, escapeHtml, linkTo, nestHeadings, svgDataUrl } from './html.ts';
import type { PackContext } from './pack-context.ts';
import { choiceHtml, choicesTable } from './render-choice.ts';

/** "Stage 1: An invitation in the car park"; an unnumbered stage (a prologue) by its title alone. */
export function stageTitle(scenario: Scenario, stage: StageId): string {
  if (stage === undefined) return 'Screens outside the stages';
  const declared = scenario.stages.find((s) => s.id === stage);
  if (declared === undefined) return `Stage ${stage}`;
  return declared.number === undefined ? declared.title : `Stage ${declared.number}: ${declared.title}`;
}

const KIND_WORDS = { scene: 'Scene', decision: 'Decision', ending: 'Ending' } as const;
const OUTCOME_WORDS = { good: 'Good outcome', mixed: 'Mixed outcome', poor: 'Poor outcome' } as const;

export function nodeHtml(context: PackContext, node: ScenarioNode): string {
  const anchor = nodeAnchor(node);
  const tags = [
    `<span class="tag">${KIND_WORDS[node.kind]}</span>`,
    ...(node.kind === 'ending'
      ? [`<span class="tag tag--${node.outcome}">${OUTCOME_WORDS[node.outcome]}</span>`]
      : []),
    ...(context.onRecommended.has(node.id)
      ? ['<span class="tag tag--path">On the recommended path</span>']
      : []),
  ];
  return [
    `<section class="node node--${node.kind}" id="${anchor}">`,
    `<h3><a href="#${anchor}">${escapeHtml(node.title)}</a></h3>`,
    `<p class="tags">${tags.join(' ')}</p>`,
    anchorLabel(anchor),
    reachedFromHtml(context.scenario, context.arrivals.get(node.id) ?? []),
    illustrationHtml(context, node),
    `<div class="prose">${nestHeadings(node.body, 4)}</div>`,
    kindHtml(context, node),
    readMoreHtml(context, node),
    '</section>',
  ].join('\n');
}

function kindHtml(context: PackContext, node: ScenarioNode): string {
  if (node.kind === 'scene') return sceneHtml(context, node);
  if (node.kind === 'decision') return decisionHtml(context, node);
  return endingHtml(context, node);
}

function sceneHtml(context: PackContext, scene: SceneNode): string {
  // A div, not a p: the conditional branches are a list, which a paragraph cannot hold.
  return `<div class="leads-to"><span class="facts-label">Continues to</span> ${leadsToHtml(context.scenario, scene.next)}</div>`;
}

function decisionHtml(context: PackContext, decision: DecisionNode): string {
  const { scenario } = context;
  return [
    `<h4 class="prompt-heading">The question: ${escapeHtml(decision.prompt)}</h4>`,
    `<p class="summary"><span class="facts-label">Summary in the LMS's report</span> ${escapeHtml(decision.summary)}</p>`,
    choicesTable(scenario, decision),
    ...decision.choices.map((choice, i) => choiceHtml(scenario, decision, choice, i)),
  ].join('\n');
}

function endingHtml(context: PackContext, ending: EndingNode): string {
  const reaching = context.analysis.paths.filter((path) => path.ending === ending.id);
  return [
    `<h4>Debrief for this ending</h4>`,
    `<div class="prose">${nestHeadings(ending.debrief, 5)}</div>`,
    `<p class="ending-paths"><span class="facts-label">Paths that end here</span> ${pathsSummary(reaching)}</p>`,
  ].join('\n');
}

/** "12 paths: 2 pass, 10 fail; scores 14 to 30". */
function pathsSummary(paths: readonly ScenarioPath[]): string {
  if (paths.length === 0) return 'none (no path reaches this ending)';
  const pass = paths.filter((p) => p.passed).length;
  const totals = paths.map((p) => p.scores.total);
  const [low, high] = [Math.min(...totals), Math.max(...totals)];
  const range = low === high ? `score ${low}` : `scores ${low} to ${high}`;
  return `${paths.length} ${paths.length === 1 ? 'path' : 'paths'}: ${pass} pass, ${paths.length - pass} fail; ${range}`;
}

function illustrationHtml(context: PackContext, node: ScenarioNode): string {
  if (node.illustration === undefined) return '';
  const svg = context.illustrations[node.illustration];
  const alt = escapeHtml(node.illustrationAlt ?? '');
  if (svg === undefined)
    return `<p class="missing">Illustration ${escapeHtml(node.illustration)} not found.</p>`;
  return (
    `<figure class="illustration"><img src="${svgDataUrl(svg)}" alt="${alt}">` +
    `<figcaption>${escapeHtml(node.illustration)}: ${alt}</figcaption></figure>`
  );
}

function readMoreHtml(context: PackContext, node: ScenarioNode): string {
  const pages = (node.pages ?? []).flatMap((id) => {
    const page = context.scenario.pages[id];
    return page ? [linkTo(pageAnchor(page.id), page.title)] : [];
  });
  if (pages.length === 0) return '';
  return `<p class="read-more"><span class="facts-label">Read more offered</span> ${pages.join(', ')}</p>`;
}
