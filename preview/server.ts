// The preview LMS's web server: the preview page at `/`, its script under `/app/`, each package's files under
// `/packages/<name>/`. One origin for all, as in an LMS, so the module in the iframe finds the API on its
// parent window. Node `http` only; listens on 127.0.0.1 only.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { AppAssets } from './build-preview-app.ts';
import { contentTypeFor, isCompressible } from './content-type.ts';
import type { PreviewPackage } from './open-package-zip.ts';
import { previewPageHtml } from './preview-page-html.ts';
import { isSafeRelativePath } from './safe-relative-path.ts';

export interface PreviewServerOptions {
  readonly packages: readonly PreviewPackage[];
  readonly app: AppAssets;
}

export interface RunningPreviewServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

// The page's own policy: nothing but this origin. Package files get none: foreign SCOs often inline scripts.
const PAGE_CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'";
const GZIP_MIN_BYTES = 1024;

export function createPreviewServer({ packages, app }: PreviewServerOptions): Server {
  const byName = new Map(packages.map((p) => [p.info.name, p]));
  const page = new TextEncoder().encode(previewPageHtml(packages.map((p) => p.info)));
  const gzipCache = new Map<string, Uint8Array>();

  return createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendText(response, 405, 'Only GET and HEAD.', { Allow: 'GET, HEAD' });
    }
    const rawPath = (request.url ?? '/').split(/[?#]/)[0] ?? '/';
    // Checked on the raw path, before any URL parser resolves "..", so traversal is refused, not rewritten.
    const segments = decodeSegments(rawPath);
    if (!segments) return sendText(response, 400, 'Bad path.');
    const [top, ...rest] = segments;

    if (segments.length === 0) {
      return sendBody(request, response, page, 'text/html; charset=utf-8', 'page', {
        'Content-Security-Policy': PAGE_CSP,
      });
    }
    if (top === 'api' && rest.join('/') === 'packages') {
      const body = new TextEncoder().encode(JSON.stringify(packages.map((p) => p.info)));
      return sendBody(request, response, body, 'application/json; charset=utf-8', null);
    }
    if (top === 'app' && rest.length === 1) {
      const asset = app.get(rest[0] ?? '');
      if (asset) return sendBody(request, response, asset.body, asset.contentType, `app/${rest[0]}`);
    }
    if (top === 'packages' && rest.length >= 2) {
      const [name = '', ...fileSegments] = rest;
      const file = fileSegments.join('/');
      const bytes = isSafeRelativePath(file) ? byName.get(name)?.files.get(file) : undefined;
      if (bytes) return sendBody(request, response, bytes, contentTypeFor(file), `packages/${name}/${file}`);
    }
    if (top === 'favicon.ico') return sendText(response, 204, '');
    return sendText(response, 404, 'Not found.');
  });

  function sendBody(
    request: IncomingMessage,
    response: ServerResponse,
    body: Uint8Array,
    contentType: string,
    cacheKey: string | null,
    headers: Record<string, string> = {},
  ): void {
    const gzip =
      cacheKey !== null &&
      body.byteLength >= GZIP_MIN_BYTES &&
      isCompressible(contentType) &&
      /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    let payload = body;
    if (gzip) {
      payload = gzipCache.get(cacheKey) ?? gzipSync(body);
      gzipCache.set(cacheKey, payload);
    }
    response.writeHead(200, {
      'Content-Type': contentType,
      'Content-Length': String(payload.byteLength),
      // The preview is for authors changing things: always the current build, never a cached one.
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      Vary: 'Accept-Encoding',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      ...headers,
    });
    response.end(request.method === 'HEAD' ? undefined : payload);
  }
}

/** URL path → decoded segments, or null when any segment is `.`/`..`, holds a slash or NUL, or is bad %-encoding. */
export function decodeSegments(rawPath: string): string[] | null {
  if (!rawPath.startsWith('/')) return null;
  const segments: string[] = [];
  for (const raw of rawPath.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return null;
    segments.push(segment);
  }
  if (segments.at(-1) === '') segments.pop();
  return segments.some((s) => s === '') ? null : segments;
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
