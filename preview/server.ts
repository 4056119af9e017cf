// The preview LMS's web server for `npm start`: the routes of preview-routes.ts over the packages unzipped in
// memory. One origin for all, as in an LMS, so the module in the iframe finds the API on its parent window.
// Node `http` only; listens on 127.0.0.1 only.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppAssets } from './build-preview-app.ts';
import type { PreviewPackage } from './open-package-zip.ts';
import { decodeSegments, previewRoutes, requestPath } from './preview-routes.ts';

export { decodeSegments } from './preview-routes.ts';

export interface PreviewServerOptions {
  readonly packages: readonly PreviewPackage[];
  readonly app: AppAssets;
}

export interface RunningPreviewServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export function createPreviewServer({ packages, app }: PreviewServerOptions): Server {
  const byName = new Map(packages.map((p) => [p.info.name, p]));
  const infos = packages.map((p) => p.info);
  const routes = previewRoutes({
    packages: () => infos,
    packageFile: (name, file) => byName.get(name)?.files.get(file),
    app,
  });

  return createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendText(response, 405, 'Only GET and HEAD.', { Allow: 'GET, HEAD' });
    }
    // Checked on the raw path, before any URL parser resolves "..", so traversal is refused, not rewritten.
    const segments = decodeSegments(requestPath(request));
    if (!segments) return sendText(response, 400, 'Bad path.');
    if (!routes(request, response, segments)) sendText(response, 404, 'Not found.');
  });
}

function sendText(
  response: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  });
  response.end(text);
}

/** Listens on 127.0.0.1 only; port 0 lets the system pick a free one. */
export function startPreviewServer(
  options: PreviewServerOptions,
  port: number,
): Promise<RunningPreviewServer> {
  const server = createPreviewServer(options);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const actual = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${actual}/`,
        port: actual,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
