/**
 * `npm run scenario:check [file…]`: validates every scenarios/*.yaml (or the files named), prints what a learner
 * can do in it (scenario-report.ts: paths, score range, time estimate, the recommended path, pass/fail by
 * poor choices, the scoring rationale of every choice) and draws its graph to dist/scenario-graphs/<id>.svg.
 * Exits 1 on any error, each printed as file:line:col so editors and CI logs link to it.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadScenarioFile } from '../plugins/load-scenario-file.ts';
import { analysePaths } from '../src/scenario/analyse-paths.ts';
import { renderScenarioGraph } from '../src/scenario/graph-svg.ts';
import { formatProblem } from '../src/scenario/load/index.ts';
import { scenarioReport } from './scenario-report.ts';

const SCENARIOS = 'scenarios';
const GRAPHS = path.join('dist', 'scenario-graphs');
/** Readable in a 120-column terminal, whatever this one is. */
const WIDTH = 120;

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
  for (const line of scenarioReport(scenario, analysis, WIDTH)) console.log(line);
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
