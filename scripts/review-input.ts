/**
 * Everything the review pack is made from, read from disk: the scenario loaded as the build loads it (with
 * its pages and illustrations), the module's identity from imsmanifest.xml, the path analysis and the
 * scenario's graph. `npm run review` and the tests of the pack both start here.
 */
import { readFileSync } from 'node:fs';
import { readScenarioFile } from '../plugins/load-scenario-file.ts';
import { readModuleIdentity } from '../plugins/module-identity.ts';
import type { ReviewPackInput } from '../src/review/render-review-pack.ts';
import { analysePaths } from '../src/scenario/analyse-paths.ts';
import { renderScenarioGraph } from '../src/scenario/graph-svg.ts';
import type { ScenarioProblem } from '../src/scenario/load/index.ts';

export type ReviewInputResult =
  | { readonly ok: true; readonly input: ReviewPackInput; readonly warnings: readonly ScenarioProblem[] }
  | {
      readonly ok: false;
      readonly errors: readonly ScenarioProblem[];
      readonly warnings: readonly ScenarioProblem[];
    };

/** Throws ModuleIdentityError when the manifest is wrong; scenario problems come back as the result. */
export function loadReviewInput(
  scenarioFile: string,
  manifestFile: string,
  generatedOn: string,
): ReviewInputResult {
  const file = readScenarioFile(scenarioFile);
  const { result } = file;
  if (!result.ok) return { ok: false, errors: result.errors, warnings: result.warnings };
  const { scenario } = result;
  const analysis = analysePaths(scenario);
  return {
    ok: true,
    warnings: result.warnings,
    input: {
      scenario,
      identity: readModuleIdentity(manifestFile),
      analysis,
      illustrations: Object.fromEntries(file.media.map((m) => [m.to, readFileSync(m.from, 'utf8')])),
      graphSvg: renderScenarioGraph(scenario, analysis),
      generatedOn,
    },
  };
}
