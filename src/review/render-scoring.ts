/**
 * The scoring rationale, for a reviewer deciding whether the pass mark is fair: what a path scores, what
 * passing takes, how pass and fail fall by the number of poor choices on a path, which endings the paths
 * reach, and the recommended path step by step. The figures are the path analysis `npm run scenario:check`
 * prints (analyse-paths.ts, poor-choice-tally.ts).
 */
import type { ScenarioPath } from '../scenario/analyse-paths.ts';
import { choiceIdsOn, tallyByPoorChoices } from '../scenario/poor-choice-tally.ts';
import { choiceAnchor, nodeAnchor } from './anchors.ts';
import { escapeHtml, linkTo } from './html.ts';
import type { PackContext } from './pack-context.ts';

export function scoringHtml(context: PackContext): string {
  const { scenario, analysis } = context;
  const needed = Math.round(scenario.passMark * analysis.maxScore * 100) / 100;
  const { counts } = analysis;
  return [
    '<section class="part part--flow" id="scoring">',
    '<h2>Scoring and pass mark</h2>',
    `<p>Each choice earns points against the principles; a learner's score is the sum over the choices on their path. The best path scores <strong>${analysis.maxScore}</strong>, the worst ${analysis.minScore}. The pass mark is <strong>${percent(scenario.passMark)} %</strong> of the best, so a learner needs <strong>${needed} points</strong> to pass.</p>`,
    `<p>There are <strong>${counts.paths} paths</strong> from the start to an ending, through ${counts.decisions} decisions: ${counts.passing} pass and ${counts.failing} fail.</p>`,
    principleTable(context),
    '<h3>Pass and fail by the number of poor choices on a path</h3>',
    poorChoiceTable(context),
    `<p>${poorChoiceVerdict(context)}</p>`,
    '<h3>Where the paths end</h3>',
    endingTable(context),
    '<h3>The recommended path</h3>',
    recommendedHtml(context),
    '</section>',
  ].join('\n');
}

function principleTable({ scenario, analysis }: PackContext): string {
  const recommended = analysis.recommended?.scores.byPrinciple ?? {};
  const rows = scenario.principles.map(
    (p) =>
      `<tr><th scope="row">${escapeHtml(p.label)}</th><td class="number">${recommended[p.id] ?? 0}</td><td class="number">${analysis.maxByPrinciple[p.id] ?? 0}</td></tr>`,
  );
  return (
    '<table><caption>Points by principle</caption><thead><tr><th scope="col">Principle</th>' +
    '<th scope="col" class="number">On the recommended path</th><th scope="col" class="number">Best on any path</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

function poorChoiceTable({ scenario, analysis }: PackContext): string {
  const rows = tallyByPoorChoices(scenario, analysis).map(
    ({ poor, pass, fail }) =>
      `<tr><td class="number">${poor}</td><td class="number">${pass + fail}</td><td class="number">${pass}</td><td class="number">${fail}</td></tr>`,
  );
  return (
    '<table class="tally"><thead><tr><th scope="col" class="number">Poor choices on the path</th>' +
    '<th scope="col" class="number">Paths</th><th scope="col" class="number">Pass</th><th scope="col" class="number">Fail</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

/** The rule the classes and the pass mark agree on, stated only as far as the figures bear it out. */
function poorChoiceVerdict({ scenario, analysis }: PackContext): string {
  const rows = tallyByPoorChoices(scenario, analysis);
  const sound = rows.filter((r) => r.poor === 0);
  const poor = rows.filter((r) => r.poor > 0);
  const soundPass = sound.every((r) => r.fail === 0);
  const poorFail = poor.every((r) => r.pass === 0);
  if (soundPass && poorFail)
    return 'Every path of recommended and acceptable choices passes, and every path through a poor choice fails.';
  const parts = [
    soundPass
      ? 'every path of recommended and acceptable choices passes'
      : 'some paths of recommended and acceptable choices fail',
    poorFail ? 'every path through a poor choice fails' : 'some paths through a poor choice pass',
  ];
  return `Check the pass mark: ${parts.join(', but ')}.`;
}

function endingTable({ scenario, analysis, order }: PackContext): string {
  const rows = order.endings.map((ending) => {
    const paths = analysis.paths.filter((p) => p.ending === ending.id);
    const pass = paths.filter((p) => p.passed).length;
    return `<tr><th scope="row">${linkTo(nodeAnchor(ending), ending.title)}</th><td>${ending.outcome}</td><td class="number">${paths.length}</td><td class="number">${pass}</td><td class="number">${paths.length - pass}</td></tr>`;
  });
  const unreached = analysis.unreachableEndings.length;
  return (
    '<table><thead><tr><th scope="col">Ending</th><th scope="col">Outcome</th><th scope="col" class="number">Paths</th>' +
    '<th scope="col" class="number">Pass</th><th scope="col" class="number">Fail</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>` +
    (unreached > 0
      ? `<p class="missing">${unreached} ending(s) no path reaches in ${escapeHtml(scenario.id)}.</p>`
      : '')
  );
}

function recommendedHtml({ scenario, analysis }: PackContext): string {
  const best: ScenarioPath | undefined = analysis.recommended;
  if (!best) return '<p class="missing">No path takes the recommended choice at every decision.</p>';
  const choices = choiceIdsOn(scenario, best);
  let answered = 0;
  const steps = best.nodes.map((id) => {
    const node = scenario.nodes[id];
    if (node === undefined) return `<li>${escapeHtml(id)}</li>`;
    const screen = linkTo(nodeAnchor(node), node.title);
    if (node.kind !== 'decision') return `<li>${screen}</li>`;
    const choice = node.choices.find((c) => c.id === choices[answered]);
    answered += 1;
    if (!choice) return `<li>${screen}</li>`;
    return `<li>${screen}: ${linkTo(choiceAnchor(node.id, choice.id), choice.short)} (${choice.total} points)</li>`;
  });
  return `<ol class="recommended-path">${steps.join('')}</ol><p>It scores <strong>${best.scores.total}</strong> and ${best.passed ? 'passes' : '<strong>fails</strong>'}.</p>`;
}

/** 0.75 → "75", without floating-point noise (0.07 × 100 = 7.000000000000001). */
function percent(fraction: number): string {
  return String(Math.round(fraction * 1e6) / 1e4);
}
