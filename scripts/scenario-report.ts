/**
 * What `npm run scenario:check` prints for a scenario that loads: counts, score range, the time estimate with
 * its breakdown, the recommended path, pass/fail by the number of poor choices on a path, the scoring
 * rationale of every choice, and every path. Lines fit a terminal of `width` columns.
 */
import type { PathAnalysis } from '../src/scenario/analyse-paths.ts';
import {
  estimateMinutes,
  MINUTES_PER_DECISION,
  REFLECTION_WRITING_MINUTES,
  type TimeEstimate,
  WORDS_PER_MINUTE,
} from '../src/scenario/estimate-minutes.ts';
import type { DecisionNode, Scenario } from '../src/scenario/model.ts';
import { choiceIdsOn, tallyByPoorChoices } from '../src/scenario/poor-choice-tally.ts';
import { textTable, wrapText } from './text-table.ts';

const LABEL = 14;

export function scenarioReport(scenario: Scenario, analysis: PathAnalysis, width = 120): string[] {
  const { counts } = analysis;
  const needed = Math.round(scenario.passMark * analysis.maxScore * 100) / 100;
  const principles = Object.entries(analysis.maxByPrinciple)
    .map(([id, points]) => `${id} ${points}`)
    .join(', ');
  const field = (label: string, text: string) => hanging(`  ${label.padEnd(LABEL - 2)}`, text, width);
  return [
    `  ${scenario.id} v${scenario.version}`,
    ...field(
      'nodes',
      `${counts.nodes} (${counts.scenes} scenes, ${counts.decisions} decisions, ${counts.endings} endings)`,
    ),
    ...field(
      'paths',
      `${counts.paths}: ${counts.passing} pass, ${counts.failing} fail (pass mark ${scenario.passMark} = ${needed} of ${analysis.maxScore})`,
    ),
    ...field('score', `${analysis.minScore} to ${analysis.maxScore}; best per principle: ${principles}`),
    ...field('endings', analysis.reachableEndings.join(', ')),
    ...timeLines(estimateMinutes(scenario)),
    ...field('recommended', describeRecommended(scenario, analysis)),
    '  pass and fail by the number of poor choices on the path:',
    ...byPoorChoices(scenario, analysis),
    '  scoring rationale (points by principle, total, and why the choice has its class):',
    ...rationaleTable(scenario, width),
    '  every path (total, pass/fail, choices, ending):',
    ...analysis.paths.flatMap((walk) =>
      hanging(
        `${String(walk.scores.total).padStart(6)} ${walk.passed ? 'pass' : 'fail'}  `,
        `${choiceIdsOn(scenario, walk).join(' > ')} → ${walk.ending}`,
        width,
      ),
    ),
  ];
}

/** The estimate and how it adds up. */
export function timeLines(estimate: TimeEstimate): string[] {
  const minutes = (value: number) => `${value.toFixed(1).padStart(5)} min`;
  const pad = ' '.repeat(LABEL + 2);
  return [
    `  ${'time'.padEnd(LABEL - 2)}${estimate.minutes} min to plan for (${estimate.exactMinutes.toFixed(1)}, rounded up to the next 5)`,
    `${pad}reading    ${minutes(estimate.readingMinutes)}  ${thousands(estimate.readingWords)} words on the recommended path, ${WORDS_PER_MINUTE} a minute`,
    `${pad}decisions  ${minutes(estimate.decisionMinutes)}  ${estimate.decisions} on that path, ${MINUTES_PER_DECISION} minute each`,
    `${pad}reflection ${minutes(estimate.reflectionMinutes)}  ${thousands(estimate.reflectionWords)} words of the reflection page, plus ${REFLECTION_WRITING_MINUTES} minutes of writing`,
  ];
}

/** How many paths pass and fail among those with 0, 1, 2, … poor choices. */
export function byPoorChoices(scenario: Scenario, analysis: PathAnalysis): string[] {
  const rows = tallyByPoorChoices(scenario, analysis).map(({ poor, pass, fail }) => ({
    cells: [String(poor), String(pass + fail), String(pass), String(fail)],
  }));
  const right = { align: 'right' } as const;
  return textTable(
    [
      { header: 'poor choices', ...right },
      { header: 'paths', ...right },
      { header: 'pass', ...right },
      { header: 'fail', ...right },
    ],
    rows,
    { indent: LABEL },
  );
}

/** Every choice of every decision: class, points by principle, total and rationale. */
export function rationaleTable(scenario: Scenario, width: number): string[] {
  const decisions = Object.values(scenario.nodes).filter(
    (node): node is DecisionNode => node.kind === 'decision',
  );
  const principles = scenario.principles.map((p) => p.id);
  const rows = decisions.flatMap((decision) =>
    decision.choices.map((choice, i) => ({
      cells: [
        i === 0 ? decision.id : '',
        choice.id,
        choice.class,
        ...principles.map((id) => String(choice.score[id] ?? 0)),
        String(choice.total),
      ],
      text: choice.rationale,
    })),
  );
  const right = { align: 'right' } as const;
  return textTable(
    [
      { header: 'decision' },
      { header: 'choice' },
      { header: 'class' },
      ...principles.map((id) => ({ header: id, ...right })),
      { header: 'total', ...right },
    ],
    rows,
    { width, indent: 4, wrapped: 'rationale', underColumn: 2 },
  );
}

function describeRecommended(scenario: Scenario, analysis: PathAnalysis): string {
  const best = analysis.recommended;
  if (!best) return 'none (no path takes the recommended choice at every decision)';
  const choices = choiceIdsOn(scenario, best);
  let answered = 0;
  const steps = best.nodes.map((id) =>
    scenario.nodes[id]?.kind === 'decision' ? `${id} [${choices[answered++] ?? ''}]` : id,
  );
  return `${best.scores.total}, ${best.passed ? 'passes' : 'FAILS'}: ${steps.join(' → ')}`;
}

/** `lead` then `text` wrapped to `width`, continuation lines indented to line up after `lead`. */
function hanging(lead: string, text: string, width: number): string[] {
  const pad = ' '.repeat(lead.length);
  return wrapText(text, width - lead.length).map((line, i) => `${i === 0 ? lead : pad}${line}`);
}

function thousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
