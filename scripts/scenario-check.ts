/**
 * `npm run scenario:check [file…]`: validates every scenarios/*.yaml (or the files named), prints what a learner can do in it (paths,
 * score range, the recommended path, pass/fail counts) and draws its graph to dist/scenario-graphs/<id>.svg.
 * Exits 1 on any error, each printed as file:line:col so editors and CI logs link to it.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadScenarioFile } from '../plugins/load-scenario-file.ts';
import { analysePaths, type PathAnalysis, type ScenarioPath } from '../src/scenario/analyse-paths.ts';
import { renderScenarioGraph } from '../src/scenario/graph-svg.ts';
import { formatProblem } from '../src/scenario/load/index.ts';
import type { Scenario } from '../src/scenario/model.ts';

const SCENARIOS = 'scenarios';
const GRAPHS = path.join('dist', 'scenario-graphs');

/** The choice id made at each decision on `walk`, in order (ids may contain dots, so no splitting). */
function choiceIds(scenario: Scenario, walk: ScenarioPath): string[] {
  const decisions = walk.nodes.filter((id) => scenario.nodes[id]?.kind === 'decision');
  return walk.choices.map((key, i) => key.slice((decisions[i] ?? '').length + 1));
}

function describeRecommended(scenario: Scenario, analysis: PathAnalysis): string {
  const best = analysis.recommended;
  if (!best) return 'none (no path takes the recommended choice at every decision)';
  const choices = choiceIds(scenario, best);
  let answered = 0;
  const steps = best.nodes.map((id) =>
    scenario.nodes[id]?.kind === 'decision' ? `${id} [${choices[answered++] ?? ''}]` : id,
  );
  return `${steps.join(' → ')}  (${best.scores.total}, ${best.passed ? 'passes' : 'FAILS'})`;
}

function report(scenario: Scenario, analysis: PathAnalysis): string[] {
  const { counts } = analysis;
  const needed = Math.round(scenario.passMark * analysis.maxScore * 100) / 100;
  const principles = Object.entries(analysis.maxByPrinciple)
    .map(([id, points]) => `${id} ${points}`)
    .join(', ');
  return [
    `  ${scenario.id} v${scenario.version}: ${scenario.title}`,
    `  nodes       ${counts.nodes} (${counts.scenes} scenes, ${counts.decisions} decisions, ${counts.endings} endings)`,
    `  paths       ${counts.paths}: ${counts.passing} pass, ${counts.failing} fail (pass mark ${scenario.passMark} = ${needed} of ${analysis.maxScore})`,
    `  score       ${analysis.minScore} to ${analysis.maxScore}; best per principle: ${principles}`,
    `  endings     ${analysis.reachableEndings.join(', ')}`,
    `  recommended ${describeRecommended(scenario, analysis)}`,
    `  every path (total, pass/fail, choices, ending):`,
    ...analysis.paths.map((walk) => {
      const total = String(walk.scores.total).padStart(6);
      return `${total} ${walk.passed ? 'pass' : 'fail'}  ${choiceIds(scenario, walk).join(' > ')} → ${walk.ending}`;
    }),
  ];
}

function check(file: string): boolean {
  const result = loadScenarioFile(file);
  for (const warning of result.warnings) console.log(formatProblem(warning));
  if (!result.ok) {
    for (const error of result.errors) console.error(formatProblem(error));
    console.error(`✗ ${file}: ${result.errors.length} error(s)`);
    return false;
  }
  const { scenario } = result;
  const analysis = analysePaths(scenario);
  console.log(`✓ ${file}`);
  for (const line of report(scenario, analysis)) console.log(line);
  for (const id of analysis.unreachableEndings) console.log(`  warning: no path reaches ending ${id}`);
  for (const walk of analysis.unfinished) {
    console.error(`  error: a path stops before any ending (${walk.reason}): ${walk.nodes.join(' → ')}`);
  }
  mkdirSync(GRAPHS, { recursive: true });
  const graph = path.join(GRAPHS, `${scenario.id}.svg`);
  writeFileSync(graph, renderScenarioGraph(scenario, analysis));
  console.log(`  graph       ${graph}`);
  return analysis.unfinished.length === 0;
}

const named = process.argv.slice(2);
const files = named.length
  ? named
  : readdirSync(SCENARIOS)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => path.join(SCENARIOS, name));
if (files.length === 0) {
  console.error(`no scenarios in ${SCENARIOS}/`);
  process.exitCode = 1;
}
const results = files.map(check);
if (results.includes(false)) process.exitCode = 1;
