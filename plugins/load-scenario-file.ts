import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ContentPageError, compileContentPage } from '../src/scenario/load/compile-markdown.ts';
import { type LoadResult, loadScenario } from '../src/scenario/load/load-scenario.ts';
import {
  lineAndColumn,
  type PlaceholderValues,
  placeholderCheckValues,
  placeholderProblems,
} from '../src/scenario/load/placeholders.ts';
import type { ScenarioProblem } from '../src/scenario/load/problem.ts';
import type { ContentPage } from '../src/scenario/model.ts';
import { ModuleIdentityError, readModuleIdentity } from './module-identity.ts';

export interface ScenarioFileOptions {
  /** Markdown pages; default `content/pages` beside the scenario's folder. */
  readonly pagesDir?: string;
  /** Problems name files relative to this; default the working directory. */
  readonly cwd?: string;
  /**
   * The manifest whose title and version fill `{{title}}` and `{{version}}`; default `imsmanifest.xml` in the
   * folder above the scenario's. Without one, those two placeholders are errors where they are used.
   */
  readonly manifest?: string;
}

/** One scenario file, loaded, with what a build needs beyond the model. */
export interface ScenarioFile {
  /** Absolute path of the YAML. */
  readonly path: string;
  readonly result: LoadResult;
  /** Absolute paths whose change should reload the scenario: the YAML, every page, every illustration. */
  readonly watchFiles: readonly string[];
  /** Illustrations to copy: absolute source path → package-relative `media/<file>.svg`. */
  readonly media: readonly { readonly from: string; readonly to: string }[];
}

/** Reads a scenario and every page in content/pages/, and validates them together. */
export function readScenarioFile(file: string, options: ScenarioFileOptions = {}): ScenarioFile {
  const absolute = path.resolve(options.cwd ?? process.cwd(), file);
  const shown = (p: string) =>
    path
      .relative(options.cwd ?? process.cwd(), p)
      .split(path.sep)
      .join('/');
  const dir = path.dirname(absolute);
  const pagesDir = path.resolve(options.pagesDir ?? path.join(dir, '..', 'content', 'pages'));
  if (!existsSync(absolute)) {
    const errors = [problemAt(shown(absolute), 'missing-file', 'scenario file not found', 'check the path')];
    return { path: absolute, result: { ok: false, errors, warnings: [] }, watchFiles: [], media: [] };
  }

  const manifest = options.manifest ?? path.join(dir, '..', 'imsmanifest.xml');
  const values = moduleValues(manifest);
  const { pages, pageErrors, pageFiles } = readPages(pagesDir, shown, values);
  const result = loadScenario(readFileSync(absolute, 'utf8'), {
    file: shown(absolute),
    pages,
    fileExists: (relative) => isFile(path.resolve(dir, relative)),
    values,
  });
  const media = result.ok
    ? result.media.map((m) => ({ from: path.resolve(dir, m.source), to: m.target }))
    : [];
  const watchFiles = [
    absolute,
    ...pageFiles,
    ...media.map((m) => m.from),
    ...(existsSync(manifest) ? [manifest] : []),
  ];
  if (pageErrors.length === 0) return { path: absolute, result, watchFiles, media };
  const errors = [...pageErrors, ...(result.ok ? [] : result.errors)];
  return { path: absolute, result: { ok: false, errors, warnings: result.warnings }, watchFiles, media };
}

/** `readScenarioFile` for callers that only want the model or the problems. */
export function loadScenarioFile(file: string, options: ScenarioFileOptions = {}): LoadResult {
  return readScenarioFile(file, options).result;
}

/** Every `*.yaml` / `*.yml` in `dir`, in file-name order. */
export function loadAllScenarios(dir = 'scenarios', options: ScenarioFileOptions = {}): ScenarioFile[] {
  const absolute = path.resolve(options.cwd ?? process.cwd(), dir);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => readScenarioFile(path.join(absolute, name), options));
}

/** Title and version from the manifest, if there is one that reads; its own problems are the build's to report. */
function moduleValues(manifest: string): PlaceholderValues {
  if (!existsSync(manifest)) return {};
  try {
    const { title, version } = readModuleIdentity(manifest);
    return { title, version };
  } catch (error) {
    if (error instanceof ModuleIdentityError) return {};
    throw error;
  }
}

function readPages(
  dir: string,
  shown: (p: string) => string,
  values: PlaceholderValues,
): { pages: Record<string, ContentPage>; pageErrors: ScenarioProblem[]; pageFiles: string[] } {
  const pages: Record<string, ContentPage> = {};
  const pageErrors: ScenarioProblem[] = [];
  const pageFiles: string[] = [];
  const names = existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.md'))
        .sort()
    : [];
  for (const name of names) {
    const file = path.join(dir, name);
    const id = name.slice(0, -'.md'.length);
    pageFiles.push(file);
    const text = readFileSync(file, 'utf8');
    for (const problem of placeholderProblems(text, placeholderCheckValues(values))) {
      const { line, column } = lineAndColumn(text, problem.index);
      pageErrors.push({
        ...problemAt(shown(file), problem.code, problem.message, problem.hint),
        line,
        column,
      });
    }
    try {
      pages[id] = compileContentPage(id, text);
    } catch (error) {
      if (!(error instanceof ContentPageError)) throw error;
      const code = error.message.includes('valid page id') ? 'invalid-id' : 'page-without-title';
      pageErrors.push(problemAt(shown(file), code, error.message, error.hint));
      // Still defined, so nodes that name it are not also reported as naming an unknown page.
      pages[id] = { id, title: id, html: '' };
    }
  }
  return { pages, pageErrors, pageFiles };
}

function problemAt(
  file: string,
  code: ScenarioProblem['code'],
  message: string,
  hint: string,
): ScenarioProblem {
  return { file, line: 1, column: 1, code, severity: 'error', message, hint };
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
