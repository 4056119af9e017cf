export type { MediaFile } from './build-scenario.ts';
export { ContentPageError, compileContentPage, compileMarkdown } from './compile-markdown.ts';
export { type LoadOptions, type LoadResult, loadScenario } from './load-scenario.ts';
export { formatProblem, type ProblemCode, type ScenarioProblem, type Severity } from './problem.ts';
