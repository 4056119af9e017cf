/**
 * Where each screen leads and where it is reached from, in words with links: "if the learner chose
 * “Accepted the request” at A message on Sunday evening → …", "otherwise → …". A reviewer can follow any
 * path through the pack by its links, as the learner would through the screens.
 */
import type { Branch, Condition, Scenario } from '../scenario/model.ts';
import { choiceAnchor, nodeAnchor } from './anchors.ts';
import type { Arrival } from './flow.ts';
import { choiceOf } from './flow.ts';
import { escapeHtml, joinProse, linkTo } from './html.ts';

const OUTCOME_WORDS = { good: 'good outcome', mixed: 'mixed outcome', poor: 'poor outcome' } as const;

/** A link to the screen `id`, titled as the learner sees it; an ending says how it turned out. */
export function screenLink(scenario: Scenario, id: string): string {
  const node = scenario.nodes[id];
  if (node === undefined) return escapeHtml(id);
  const link = linkTo(nodeAnchor(node), node.title);
  return node.kind === 'ending' ? `${link} (ending, ${OUTCOME_WORDS[node.outcome]})` : link;
}

function choiceLink(scenario: Scenario, key: string): string {
  const found = choiceOf(scenario, key);
  if (!found) return escapeHtml(key);
  const { decision, choice } = found;
  return linkTo(choiceAnchor(decision.id, choice.id), `“${choice.short}” at ${decision.title}`);
}

/** "the learner chose … and the score so far is at least 5". */
export function conditionText(scenario: Scenario, when: Condition): string {
  const parts = [
    ...(when.chose ?? []).map((key) => `chose ${choiceLink(scenario, key)}`),
    ...(when.notChose ?? []).map((key) => `did not choose ${choiceLink(scenario, key)}`),
  ];
  const learner = parts.length > 0 ? [`the learner ${joinProse(parts)}`] : [];
  const score = [
    ...(when.scoreAtLeast === undefined ? [] : [`the score so far is at least ${when.scoreAtLeast}`]),
    ...(when.scoreBelow === undefined ? [] : [`the score so far is below ${when.scoreBelow}`]),
  ];
  return joinProse([...learner, ...score]);
}

/** Where a scene or a choice leads: one line, or a list of conditions in the order they are tried. */
export function leadsToHtml(scenario: Scenario, branches: readonly Branch[]): string {
  const [only] = branches;
  if (branches.length === 1 && only && only.when === undefined) return screenLink(scenario, only.goto);
  const items = branches.map((branch) => {
    const test = branch.when ? `if ${conditionText(scenario, branch.when)}` : 'otherwise';
    return `<li>${test} → ${screenLink(scenario, branch.goto)}</li>`;
  });
  return `<ul class="branches">${items.join('')}</ul>`;
}

/** Every way into a screen: after a scene, or after a choice, with the branch's condition if it has one. */
export function reachedFromHtml(scenario: Scenario, into: readonly Arrival[]): string {
  if (into.length === 0) return '';
  const items = into.map(({ from, choice, branch }) => {
    const via = choice
      ? linkTo(choiceAnchor(from.id, choice.id), `“${choice.short}” at ${from.title}`)
      : `after ${linkTo(nodeAnchor(from), from.title)}`;
    const test = branch.when ? ` (if ${conditionText(scenario, branch.when)})` : '';
    return `<li>${via}${test}</li>`;
  });
  return `<div class="reached-from"><p class="facts-label">Reached from</p><ul>${items.join('')}</ul></div>`;
}
