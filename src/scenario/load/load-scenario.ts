import type { ContentPage, Scenario } from '../model.ts';
import { buildScenario, type MediaFile } from './build-scenario.ts';
import { checkClasses } from './check-classes.ts';
import { checkFiles } from './check-files.ts';
import { checkGraph } from './check-graph.ts';
import { checkDuplicateIds } from './check-ids.ts';
import { checkLinks } from './check-links.ts';
import { checkPassClasses } from './check-pass-classes.ts';
import { checkPassMark } from './check-pass-mark.ts';
import { checkPlaceholders } from './check-placeholders.ts';
import { checkStages } from './check-stages.ts';
import { checkStructure } from './check-structure.ts';
import { explorePaths } from './explore-paths.ts';
import { fillScenario } from './fill-scenario.ts';
import type { Issue } from './issue.ts';
import { type PlaceholderValues, placeholderCheckValues } from './placeholders.ts';
import { byPosition, type ScenarioProblem } from './problem.ts';
import type { RawScenario } from './raw-scenario.ts';
import { readDraft } from './read-draft.ts';
import { schemaIssues } from './schema-issues.ts';
import { parseYaml } from './yaml-source.ts';

export interface LoadOptions {
  /** How problems name the file, e.g. `scenarios/boundaries.yaml`. */
  readonly file: string;
  /** Every page in content/pages/, by id. */
  readonly pages: Readonly<Record<string, ContentPage>>;
  /** Whether a path as written in the scenario (relative to the scenario file) names an existing file. */
  readonly fileExists: (pathRelativeToScenarioFile: string) => boolean;
  /**
   * The module's own title and version (from imsmanifest.xml), for `{{title}}` and `{{version}}`; a
   * placeholder whose value is not given is an error. The scenario supplies the rest (placeholders.ts).
   */
  readonly values?: PlaceholderValues;
}

export type LoadResult =
  | {
      readonly ok: true;
      readonly scenario: Scenario;
      readonly warnings: readonly ScenarioProblem[];
      /** Illustrations to copy into the package. */
      readonly media: readonly MediaFile[];
    }
  | {
      readonly ok: false;
      readonly errors: readonly ScenarioProblem[];
      readonly warnings: readonly ScenarioProblem[];
    };

/** Problems in these places change the graph or its scores, so the path analysis would mislead. */
const GRAPH_KEYS = new Set<string | number>(['start', 'type', 'next', 'goto', 'when', 'choices', 'score']);
const GRAPH_CODES = new Set([
  'unknown-target',
  'unknown-choice',
  'dead-end',
  'branch-fallthrough',
  'loop-without-exit',
]);
/** Problems with the classes themselves, so checking the pass mark against them would mislead. */
const CLASS_CODES = new Set(['recommended-count', 'points-vs-class']);

/**
 * Validates a scenario's YAML and builds the `Scenario` model. Pure: the caller supplies the pages and a way
 * to test that illustration files exist. Every problem is reported at once, each at its YAML node.
 */
export function loadScenario(source: string, options: LoadOptions): LoadResult {
  let issues: Issue[];
  let parsed: ReturnType<typeof parseYaml> | undefined;
  try {
    parsed = parseYaml(source);
    issues = [...parsed.issues, ...checkData(source, parsed, options)];
  } catch (error) {
    // A bug in a check must still end in a readable message naming the file, not a stack trace mid-build.
    issues = [
      {
        path: [],
        code: 'internal-error',
        message: `the scenario checker failed: ${error instanceof Error ? error.message : String(error)}`,
        hint: 'this is a bug in the loader (src/scenario/load/); please report it with this file',
      },
    ];
  }
  const problems = issues.map((issue): ScenarioProblem => {
    const { line, column } = issue.at ?? parsed?.positionOf(issue.path, issue.part) ?? { line: 1, column: 1 };
    return {
      file: options.file,
      line,
      column,
      code: issue.code,
      severity: issue.severity ?? 'error',
      message: issue.message,
      hint: issue.hint,
    };
  });
  const unique = dedupe(problems).sort(byPosition);
  const errors = unique.filter((p) => p.severity === 'error');
  const warnings = unique.filter((p) => p.severity === 'warning');
  if (errors.length > 0 || parsed?.data === undefined) return { ok: false, errors, warnings };
  const { scenario, media } = buildScenario(parsed.data as RawScenario, options.pages);
  return { ok: true, scenario: fillScenario(scenario, options.values ?? {}), warnings, media };
}

/** The comment the VS Code YAML extension reads to validate and complete a file against the schema. */
const SCHEMA_COMMENT = /^# yaml-language-server: \$schema=\S*scenario\.schema\.json[^\S\n]*(\n|$)/;

function checkData(source: string, parsed: ReturnType<typeof parseYaml>, options: LoadOptions): Issue[] {
  const { data } = parsed;
  if (data === undefined) return [];
  if (data === null) {
    return [
      {
        path: [],
        code: 'empty-file',
        message: 'the scenario file is empty',
        hint: 'start from the example in scenarios/README.md',
      },
    ];
  }
  const issues = schemaIssues(data);
  if (!SCHEMA_COMMENT.test(source)) {
    issues.push({
      path: [],
      at: { line: 1, column: 1 },
      code: 'schema-comment',
      severity: 'warning',
      message: 'the first line does not name the JSON Schema',
      hint: 'start the file with # yaml-language-server: $schema=./scenario.schema.json so VS Code checks it as you type',
    });
  }
  issues.push(...checkPlaceholders(source, data, parsed.positionOf, placeholderCheckValues(options.values)));
  const draft = readDraft(data);
  issues.push(
    ...checkDuplicateIds(draft, (named) => parsed.positionOf(named.path).line),
    ...checkLinks(draft),
    ...checkStructure(draft),
    ...checkClasses(draft),
    ...checkStages(draft),
    ...checkFiles(draft, options.pages, options.fileExists),
  );
  const start = draft.start?.value;
  if (!draft.complete || start === undefined || issues.some((i) => i.code === 'unknown-target'))
    return issues;
  issues.push(...checkGraph(draft, start));
  const graphBroken = issues.some(
    (i) =>
      (i.severity ?? 'error') === 'error' &&
      (GRAPH_CODES.has(i.code) || i.path.some((s) => GRAPH_KEYS.has(s))),
  );
  if (graphBroken) return issues;
  // A misstated class or pass mark would make every path it touches look wrong; that problem says it all.
  const classesBroken = issues.some(
    (i) =>
      (i.severity ?? 'error') === 'error' &&
      (CLASS_CODES.has(i.code) || i.path.includes('class') || i.path[0] === 'passMark'),
  );
  const value = (data as { passMark?: unknown }).passMark;
  const passMark = typeof value === 'number' ? value : undefined;
  const exploration = explorePaths(draft, start);
  issues.push(...checkPassMark(draft, exploration, passMark));
  if (passMark !== undefined && !classesBroken) issues.push(...checkPassClasses(exploration, passMark));
  return issues;
}

function dedupe(problems: readonly ScenarioProblem[]): ScenarioProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}:${p.column}:${p.code}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
