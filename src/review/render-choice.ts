/**
 * A decision's choices: a table to compare them at a glance (class, points by principle, total), then each
 * choice in full, as the learner reads it and as the author justified it: label, class, points, rationale,
 * consequence, feedback, the guidance cited and where it leads.
 */
import type { Choice, ChoiceClass, DecisionNode, Scenario } from '../scenario/model.ts';
import { choiceAnchor } from './anchors.ts';
import { leadsToHtml } from './branches.ts';
import { citationHtml } from './citations.ts';
import { anchorLabel, escapeHtml, linkTo } from './html.ts';

const CLASS_WORDS: Record<ChoiceClass, { readonly mark: string; readonly word: string }> = {
  recommended: { mark: '✓', word: 'Recommended' },
  acceptable: { mark: '–', word: 'Acceptable' },
  poor: { mark: '✗', word: 'Poor' },
};

/** The class in words with a mark of its own shape, so it never rests on colour alone (print in grey too). */
export function classBadge(choiceClass: ChoiceClass): string {
  const { mark, word } = CLASS_WORDS[choiceClass];
  return `<span class="class-badge class-badge--${choiceClass}"><span aria-hidden="true">${mark}</span> ${word}</span>`;
}

/** "Choice A", "Choice B", … in the order the learner sees them. */
export function choiceLetter(index: number): string {
  return `Choice ${String.fromCharCode(65 + (index % 26))}${index >= 26 ? Math.floor(index / 26) : ''}`;
}

export function choicesTable(scenario: Scenario, decision: DecisionNode): string {
  const principles = scenario.principles;
  const head = principles
    .map(
      (p) =>
        `<th scope="col" class="number"><abbr title="${escapeHtml(p.label)}">${escapeHtml(p.id)}</abbr></th>`,
    )
    .join('');
  const rows = decision.choices.map((choice, i) => {
    const points = principles.map((p) => `<td class="number">${choice.score[p.id] ?? 0}</td>`).join('');
    const name = linkTo(choiceAnchor(decision.id, choice.id), `${choiceLetter(i)}: ${choice.short}`);
    return `<tr><th scope="row">${name}</th><td>${classBadge(choice.class)}</td>${points}<td class="number"><strong>${choice.total}</strong></td></tr>`;
  });
  return (
    '<table class="glance"><caption>The choices at a glance: points by principle</caption>' +
    `<thead><tr><th scope="col">Choice</th><th scope="col">Class</th>${head}<th scope="col" class="number">Total</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

export function choiceHtml(
  scenario: Scenario,
  decision: DecisionNode,
  choice: Choice,
  index: number,
): string {
  const anchor = choiceAnchor(decision.id, choice.id);
  const points = scenario.principles
    .map((p) => `<li>${escapeHtml(p.label)}: <strong>${choice.score[p.id] ?? 0}</strong></li>`)
    .join('');
  const best = decision.choices.find((c) => c.id === decision.recommended)?.total;
  const outOf = best === undefined || choice.id === decision.recommended ? '' : ` (recommended: ${best})`;
  const guidance = choice.feedback.guidance.map((c) => `<li>${citationHtml(c, scenario.references)}</li>`);
  const facts: [string, string][] = [
    [
      'Points by principle',
      `<ul class="points">${points}</ul><p>Total <strong>${choice.total}</strong>${outOf}</p>`,
    ],
    [`Why it is ${choice.class}`, `<p>${escapeHtml(choice.rationale)}</p>`],
    ['What happens (consequence)', choice.feedback.consequence],
    ['Feedback: why', choice.feedback.why],
    ['Guidance cited', guidance.length > 0 ? `<ul>${guidance.join('')}</ul>` : '<p>None.</p>'],
    ['Leads to', leadsToHtml(scenario, choice.next)],
  ];
  return [
    `<article class="choice choice--${choice.class}" id="${anchor}">`,
    `<h4>${choiceLetter(index)} ${classBadge(choice.class)} <span class="choice-short">${escapeHtml(choice.short)}</span></h4>`,
    anchorLabel(anchor),
    `<blockquote class="choice-label"><p>${escapeHtml(choice.label)}</p></blockquote>`,
    '<dl class="facts">',
    ...facts.map(([term, detail]) => `<dt>${escapeHtml(term)}</dt><dd>${detail}</dd>`),
    '</dl>',
    '</article>',
  ].join('\n');
}
