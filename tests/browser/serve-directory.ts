// A plain static web server for one folder, as a learner gets by opening a package from any web server with
// no LMS around it. 127.0.0.1 on a free port (conventions.md "Network"); bounded in requests and time.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { contentTypeFor } from '../../preview/content-type';
import { isSafeRelativePath } from '../../preview/safe-relative-path';

export interface ServedDirectory {
  /** Origin with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  readonly url: string;
  /** Paths asked for, in order. */
  readonly requested: readonly string[];
  close(): Promise<void>;
}

export interface ServeOptions {
  /** The server answers 503 after this many requests: a runaway page cannot keep a test busy. */
  readonly maxRequests?: number;
}

const REQUEST_TIMEOUT_MS = 5000;

export async function serveDirectory(root: string, options: ServeOptions = {}): Promise<ServedDirectory> {
  const maxRequests = options.maxRequests ?? 500;
  const requested: string[] = [];
  const server: Server = createServer(async (request, response) => {
    const rawPath = (request.url ?? '/').split(/[?#]/)[0] ?? '/';
    requested.push(rawPath);
    if (requested.length > maxRequests) {
      response.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Too many requests.');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const relative = decodedPath(rawPath === '/' ? '/index.html' : rawPath).slice(1);
    if (!isSafeRelativePath(relative)) {
      response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad path.');
      return;
    }
    try {
      const body = await readFile(path.join(root, relative));
      response.writeHead(200, { 'Content-Type': contentTypeFor(relative), 'Cache-Control': 'no-store' });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found.');
    }
  });
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = REQUEST_TIMEOUT_MS;
  server.keepAliveTimeout = 1000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requested,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The URL path decoded, or '' (refused as unsafe) when its escapes are malformed. */
function decodedPath(rawPath: string): string {
  try {
    return decodeURIComponent(rawPath);
  } catch {
    return '';
  }
}
