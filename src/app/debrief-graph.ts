/**
 * The debrief's map of the scenario: every path is analysed with xstate/graph and drawn as SVG, once the
 * scenario has ended.
 */
import { analysePaths } from '../scenario/analyse-paths.ts';
import { renderScenarioGraph } from '../scenario/graph-svg.ts';
import type { Scenario } from '../scenario/model.ts';

export interface DebriefGraph {
  readonly recommendedPath: readonly string[];
  readonly svg: string;
}

export function debriefGraph(
  scenario: Scenario,
  learnerPath: readonly string[],
  passMark: number,
): DebriefGraph {
  const analysis = analysePaths(scenario, { passMark });
  return {
    recommendedPath: analysis.recommended?.nodes ?? [],
    svg: renderScenarioGraph(scenario, analysis, { highlightPath: learnerPath }),
  };
}
