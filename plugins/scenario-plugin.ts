import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { formatProblem, type ScenarioProblem } from '../src/scenario/load/problem.ts';
import type { Scenario } from '../src/scenario/model.ts';
import { loadAllScenarios, type ScenarioFile } from './load-scenario-file.ts';
import { learnerScenarios } from './pseudo-locale.ts';

export interface ScenarioPluginOptions {
  /** Folder of scenario YAML files, relative to the Vite root; default `scenarios`. */
  readonly dir?: string;
  /** File name (in `dir`) of the scenario the default export serves; default `boundaries.yaml`. */
  readonly main?: string;
  /** Markdown pages; default `content/pages` beside `dir`. */
  readonly pagesDir?: string;
}

export const SCENARIO_MODULE = 'virtual:scenario';
const RESOLVED_SCENARIO_MODULE = `\0${SCENARIO_MODULE}`;

interface Loaded {
  readonly main: Scenario;
  readonly scenarios: Readonly<Record<string, Scenario>>;
  readonly files: readonly ScenarioFile[];
  readonly warnings: readonly ScenarioProblem[];
}

/**
 * Serves the validated scenario as `virtual:scenario` (default export: the main scenario; named export
 * `scenarios`: every scenario by id). Any problem in any scenario or page stops the build with all of them
 * listed. Under `npm run dev` the live preview (preview/live/) loads it again when a YAML, page or
 * illustration changes and shows the same list in the page. Illustrations are copied to `media/` beside
 * index.html, where the model's `media/<file>.svg` points; the dev server serves them from where they are.
 */
export function scenarioPlugin(options: ScenarioPluginOptions = {}): Plugin {
  const dirName = options.dir ?? 'scenarios';
  const mainName = options.main ?? 'boundaries.yaml';
  let root = process.cwd();
  let command: 'build' | 'serve' = 'serve';
  let built: Loaded | undefined;
  let lastFiles: readonly ScenarioFile[] = [];

  const load = (): Loaded | string => {
    const files = loadAllScenarios(dirName, {
      cwd: root,
      ...(options.pagesDir ? { pagesDir: path.resolve(root, options.pagesDir) } : {}),
    });
    lastFiles = files;
    return collect(files, path.resolve(root, dirName, mainName), `${dirName}/${mainName}`, command);
  };

  return {
    name: 'scenario',
    configResolved(config) {
      root = config.root;
      command = config.command;
    },
    buildStart() {
      built = undefined;
      if (command !== 'build') return;
      const loaded = load();
      for (const file of lastFiles) for (const watched of file.watchFiles) this.addWatchFile(watched);
      if (typeof loaded === 'string') this.error(loaded);
      for (const warning of loaded.warnings) this.warn(formatProblem(warning));
      for (const file of loaded.files) {
        for (const media of file.media) {
          this.emitFile({ type: 'asset', fileName: media.to, source: readFileSync(media.from) });
        }
      }
      built = loaded;
    },
    resolveId(id) {
      return id === SCENARIO_MODULE ? RESOLVED_SCENARIO_MODULE : undefined;
    },
    load(id) {
      if (id !== RESOLVED_SCENARIO_MODULE) return undefined;
      const loaded = built ?? load();
      for (const file of lastFiles) for (const watched of file.watchFiles) this.addWatchFile(watched);
      if (typeof loaded === 'string') this.error(loaded);
      return [
        `export const scenarios = ${JSON.stringify(learnerScenarios(loaded.scenarios, this.environment.config.mode))};`,
        `export default scenarios[${JSON.stringify(loaded.main.id)}];`,
        '',
      ].join('\n');
    },
    configureServer(server) {
      // Dev only: the build copies illustrations into dist; here they are served from where authors keep them.
      server.middlewares.use((request, response, next) => {
        const url = request.url?.split('?')[0] ?? '';
        const media = lastFiles.flatMap((file) => file.media).find((m) => url === `/${m.to}`);
        if (!media) return next();
        response.setHeader('Content-Type', 'image/svg+xml');
        // An author may redraw it: the next launch shows the file as it is now.
        response.setHeader('Cache-Control', 'no-store');
        response.end(readFileSync(media.from));
      });
    },
  };
}

/** Every scenario's model, or one message listing every problem in every file. */
function collect(
  files: readonly ScenarioFile[],
  mainPath: string,
  mainShown: string,
  command: 'build' | 'serve',
): Loaded | string {
  const main = files.find((file) => file.path === mainPath);
  if (!main) {
    const found = files.map((file) => path.basename(file.path));
    return [
      `no scenario found in ${path.dirname(mainShown)}/ (expected ${mainShown}).`,
      found.length > 0 ? `Found: ${found.join(', ')}.` : 'The folder has no .yaml files.',
      'Write the scenario following scenarios/README.md; `npm run scenario:check` validates it.',
    ].join('\n');
  }
  const errors = files.flatMap((file) => (file.result.ok ? [] : file.result.errors));
  const scenarios: Record<string, Scenario> = {};
  for (const file of files) {
    if (!file.result.ok) continue;
    const { scenario } = file.result;
    if (Object.hasOwn(scenarios, scenario.id)) {
      errors.push({
        file: path.basename(file.path),
        line: 1,
        column: 1,
        code: 'duplicate-id',
        severity: 'error',
        message: `another scenario file already has the id "${scenario.id}"`,
        hint: 'give each scenario its own id: the LMS tells modules apart by it',
      });
    }
    scenarios[scenario.id] = scenario;
  }
  if (errors.length > 0) {
    return [
      `${errors.length} problem${errors.length === 1 ? '' : 's'} in the scenario files${command === 'build' ? ' (nothing was built)' : ''}:`,
      '',
      ...errors.map(formatProblem),
    ].join('\n');
  }
  if (!main.result.ok) return 'unreachable: the main scenario has errors';
  return {
    main: main.result.scenario,
    scenarios,
    files,
    warnings: files.flatMap((file) => file.result.warnings),
  };
}
