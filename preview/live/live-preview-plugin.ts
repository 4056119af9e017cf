/**
 * `npm run dev` only (apply: serve): follows the files authors edit and keeps the preview on the last version
 * that loads cleanly.
 *
 * - A change under `watched` (scenarios/, content/, imsmanifest.xml) invalidates every `virtual:` module (the
 *   scenario, the module's identity, and any added later) and loads each again at once, so a problem is found
 *   when the file is saved, not when the learner next clicks.
 * - Clean: the frame's bridge (module-bridge.ts) is told, and the preview LMS relaunches the module, which
 *   resumes where the learner was. Vite's own reload is held back: it would reload the frame under a live API.
 * - A problem: the text the build prints (file:line:column, message, hint) goes to the terminal and to the
 *   page; the module keeps running, and a relaunch meanwhile is still served the last good version.
 * - The launch page gets the bridge, and `data-scorm-standard` from its `?scorm-standard=` (the standard the
 *   preview LMS launches it under), as each built zip's launch page has it written in.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DevEnvironment, normalizePath, type Plugin, type ViteDevServer } from 'vite';
import { LAUNCH_STANDARD_ATTRIBUTE } from '../../src/lms/find-lms-api.ts';
import { LIVE_EVENTS, type LiveChange, type LiveProblem } from './live-messages.ts';

export interface LivePreviewOptions {
  /** Folders and files, relative to the Vite root, whose change reloads the preview. */
  readonly watched?: readonly string[];
  /** Of those, the ones the preview LMS page reads itself (its package list), so it reloads as well. */
  readonly lmsFiles?: readonly string[];
  /** `virtual:` modules to check before any page has asked for them (the startup check). */
  readonly modules?: readonly string[];
}

export interface LivePreview {
  readonly plugin: Plugin;
  /** Loads every virtual module afresh; the problems' text, or null when all load. */
  check(): Promise<string | null>;
}

export const LAUNCH_STANDARD_PARAM = 'scorm-standard';
const VIRTUAL_PREFIX = '\0virtual:';
/** Editors save in more than one step (write, rename): one check for the lot. */
const SETTLE_MS = 40;
export const BRIDGE_SCRIPT = fileURLToPath(new URL('./module-bridge.ts', import.meta.url));

export function livePreview(options: LivePreviewOptions = {}): LivePreview {
  const watched = options.watched ?? ['scenarios', 'content', 'imsmanifest.xml'];
  const lmsFiles = options.lmsFiles ?? ['imsmanifest.xml'];
  const startupModules = options.modules ?? ['virtual:scenario', 'virtual:module-identity', 'virtual:locale'];
  let root = process.cwd();
  let server: ViteDevServer | undefined;
  /** The last code of each virtual module that loaded cleanly. */
  const lastGood = new Map<string, string>();
  /** Virtual modules served their last good code because they fail now. */
  const heldBack = new Set<string>();
  let problem: string | null = null;
  let lmsChanged = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<string | null> | undefined;
  let again = false;

  const isWatched = (file: string): boolean => {
    const relative = path.relative(root, file).split(path.sep).join('/');
    return watched.some((w) => relative === w || relative.startsWith(`${w}/`));
  };
  const isLmsFile = (file: string): boolean =>
    lmsFiles.some((f) => path.resolve(root, f) === path.resolve(file));

  const client = (): DevEnvironment => {
    if (!server) throw new Error('live preview: no dev server yet');
    return server.environments.client;
  };

  const loadAll = async (): Promise<string | null> => {
    const environment = client();
    const ids = new Set(startupModules.map((m) => `\0${m}`));
    for (const id of environment.moduleGraph.idToModuleMap.keys())
      if (id.startsWith(VIRTUAL_PREFIX)) ids.add(id);
    heldBack.clear();
    for (const id of ids) {
      const module = environment.moduleGraph.getModuleById(id);
      if (module) environment.moduleGraph.invalidateModule(module);
    }
    const problems: string[] = [];
    for (const id of ids) {
      try {
        await environment.transformRequest(id.slice(1));
      } catch (error) {
        problems.push((error as Error).message);
        if (lastGood.has(id)) heldBack.add(id);
        const module = environment.moduleGraph.getModuleById(id);
        if (module) environment.moduleGraph.invalidateModule(module);
      }
    }
    return problems.length > 0 ? problems.join('\n\n') : null;
  };

  const check = async (): Promise<string | null> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let text: string | null;
      do {
        again = false;
        text = await loadAll();
      } while (again);
      report(text);
      return text;
    })();
    try {
      return await running;
    } finally {
      running = undefined;
    }
  };

  const report = (text: string | null): void => {
    const hot = client().hot;
    const logger = server?.config.logger;
    if (text !== null) {
      logger?.error(`${text}\n(The preview keeps the last good version until this is fixed.)`, {
        timestamp: true,
      });
      problem = text;
      hot.send(LIVE_EVENTS.problem, { text } satisfies LiveProblem);
      return;
    }
    if (problem !== null)
      logger?.info('Fixed: the preview shows the files as they are now.', { timestamp: true });
    problem = null;
    hot.send(LIVE_EVENTS.problem, { text: null } satisfies LiveProblem);
    hot.send(LIVE_EVENTS.changed, { reloadLms: lmsChanged } satisfies LiveChange);
    lmsChanged = false;
  };

  const plugin: Plugin = {
    name: 'live-preview',
    apply: 'serve',
    enforce: 'pre',
    configResolved(config) {
      root = config.root;
    },
    configureServer(devServer) {
      server = devServer;
      devServer.environments.client.hot.on(LIVE_EVENTS.ask, (_data, asker) => {
        asker.send(LIVE_EVENTS.problem, { text: problem } satisfies LiveProblem);
      });
    },
    load(id) {
      if (heldBack.has(id)) return lastGood.get(id);
      return undefined;
    },
    transform(code, id) {
      if (id.startsWith(VIRTUAL_PREFIX) && !heldBack.has(id)) lastGood.set(id, code);
      return undefined;
    },
    hotUpdate({ file }) {
      if (!isWatched(file)) return undefined;
      if (this.environment.name === 'client') {
        if (isLmsFile(file)) lmsChanged = true;
        clearTimeout(timer);
        timer = setTimeout(() => {
          check().catch((error: unknown) => server?.config.logger.error(String(error)));
        }, SETTLE_MS);
      }
      return [];
    },
    transformIndexHtml(html, context) {
      const query = new URL(context.originalUrl ?? context.path, 'http://launch.invalid').searchParams;
      const standard = query.get(LAUNCH_STANDARD_PARAM);
      const named =
        standard === 'scorm12' || standard === 'scorm2004'
          ? html.replace(/<html\b/, `<html ${LAUNCH_STANDARD_ATTRIBUTE}="${standard}"`)
          : html;
      const src = `/@fs/${normalizePath(BRIDGE_SCRIPT).replace(/^\//, '')}`;
      return { html: named, tags: [{ tag: 'script', attrs: { type: 'module', src }, injectTo: 'head' }] };
    },
  };

  return { plugin, check };
}
