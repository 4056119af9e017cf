/**
 * `npm run dev`: the preview LMS (page, call log, CMI table, trainer view) around the module served by Vite's
 * own dev server, one origin, on 127.0.0.1. Vite's server is the HTTP server; the preview LMS's routes go in
 * ahead of Vite's as middleware, and live-preview-plugin.ts follows the authored files.
 */

import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type Logger, type LogLevel, type Plugin, type ViteDevServer } from 'vite';
import { SCENARIO_MODULE } from '../../plugins/scenario-plugin.ts';
import { readModuleHistory } from '../../plugins/trainer-report-plugin.ts';
import { buildPreviewApp } from '../build-preview-app.ts';
import type { PreviewPackageInfo } from '../package-info.ts';
import { decodeSegments, type PreviewRoutes, previewRoutes, requestPath } from '../preview-routes.ts';
import { devPackages } from './dev-packages.ts';
import { LIVE_TRAINER_DATA_PATH } from './live-messages.ts';
import { livePreview } from './live-preview-plugin.ts';

export interface DevServerOptions {
  /** The project: vite.config.ts, index.html, src/, scenarios/, content/, imsmanifest.xml. Default: this repo. */
  readonly root?: string;
  /** 0: any free port. */
  readonly port: number;
  /** Vite's dependency cache; default its own (node_modules/.vite). */
  readonly cacheDir?: string;
  readonly logLevel?: LogLevel;
  /** Where Vite's messages go, problems included; default the terminal. */
  readonly customLogger?: Logger;
}

export interface RunningDevServer {
  readonly url: string;
  readonly port: number;
  readonly packages: readonly PreviewPackageInfo[];
  close(): Promise<void>;
}

/** The authored files have problems at startup: there is no good version to show yet. */
export class DevStartError extends Error {
  override name = 'DevStartError';
}

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function startDevServer(options: DevServerOptions): Promise<RunningDevServer> {
  const root = path.resolve(options.root ?? projectDir);
  const manifestPath = path.join(root, 'imsmanifest.xml');
  const live = livePreview();
  let packages: readonly PreviewPackageInfo[] = [];
  const currentPackages = (): readonly PreviewPackageInfo[] => {
    try {
      packages = devPackages(manifestPath);
    } catch {
      // A broken manifest: the live preview reports it; the page keeps the last one that read.
    }
    return packages;
  };
  // Set once the preview page's script is built, before the server listens.
  let routes: PreviewRoutes | undefined;
  const previewLms: Plugin = {
    name: 'preview-lms',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const segments =
          request.method === 'GET' || request.method === 'HEAD' ? decodeSegments(requestPath(request)) : null;
        if (segments?.join('/') === LIVE_TRAINER_DATA_PATH.slice(1)) {
          sendTrainerData(server, root, response).catch(next);
          return;
        }
        if (segments && routes?.(request, response, segments)) return;
        next();
      });
    },
  };

  const vite = await createServer({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    mode: 'development',
    clearScreen: false,
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    ...(options.logLevel ? { logLevel: options.logLevel } : {}),
    ...(options.customLogger ? { customLogger: options.customLogger } : {}),
    plugins: [live.plugin, previewLms],
    server: {
      host: '127.0.0.1',
      port: options.port,
      strictPort: true,
      // The project, and this repo for the frame's bridge (module-bridge.ts) when the project is a copy.
      fs: { allow: [root, projectDir] },
    },
  });
  try {
    const problems = await live.check();
    if (problems !== null) throw new DevStartError(problems);
    packages = devPackages(manifestPath);
    const app = await buildPreviewApp({ root });
    routes = previewRoutes({ packages: currentPackages, packageFile: () => undefined, app, live: true });
    await vite.listen();
  } catch (error) {
    await vite.close();
    throw error;
  }
  const address = vite.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    packages,
    close: () => vite.close(),
  };
}

/**
 * The trainer view's data as the files are now (preview/app/trainer-data.ts): the scenario through Vite's own
 * module graph, so it is the very object the module gets (placeholders filled, the last good version while a
 * problem stands), and the version history from scenarios/released-ids.json and imsmanifest.xml.
 */
async function sendTrainerData(server: ViteDevServer, root: string, response: ServerResponse): Promise<void> {
  const graph = server.environments.ssr.moduleGraph;
  const cached = graph.getModuleById(`\0${SCENARIO_MODULE}`);
  if (cached) graph.invalidateModule(cached);
  const { default: scenario } = (await server.ssrLoadModule(SCENARIO_MODULE)) as { default: unknown };
  const body = JSON.stringify({ scenario, history: readModuleHistory(root) });
  response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(body);
}
