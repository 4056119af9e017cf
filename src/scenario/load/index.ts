export type { MediaFile } from './build-scenario';
export { ContentPageError, compileContentPage, compileMarkdown } from './compile-markdown';
export { type LoadOptions, type LoadResult, loadScenario } from './load-scenario';
export { formatProblem, type ProblemCode, type ScenarioProblem, type Severity } from './problem';
