// The preview LMS's own routes, shared by `npm start` (preview/server.ts: packages unzipped from SCORM zips)
// and `npm run dev` (preview/live/dev-server.ts: the module straight from Vite's dev server): the page at `/`,
// its script under `/app/`, the package list at `/api/packages`, each zip's files under `/packages/<name>/`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { AppAssets } from './build-preview-app.ts';
import { contentTypeFor, isCompressible } from './content-type.ts';
import type { PreviewPackageInfo } from './package-info.ts';
import { previewPageHtml } from './preview-page-html.ts';
import { isSafeRelativePath } from './safe-relative-path.ts';

export interface PreviewSite {
  /** The packages the page offers; asked on each request, so the dev server follows imsmanifest.xml. */
  packages(): readonly PreviewPackageInfo[];
  /** A file of a package by its path inside the zip; the dev server has none (Vite serves the module). */
  packageFile(name: string, file: string): Uint8Array | undefined;
  readonly app: AppAssets;
  /** The page relaunches the module when the dev server says the authored files changed. */
  readonly live?: boolean;
}

/** Answers one GET or HEAD already split into segments; false when no route matches. */
export type PreviewRoutes = (
  request: IncomingMessage,
  response: ServerResponse,
  segments: readonly string[],
) => boolean;

// The page's own policy: nothing but this origin. Package files get none: foreign SCOs often inline scripts.
const PAGE_CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'";
const GZIP_MIN_BYTES = 1024;

export function previewRoutes(site: PreviewSite): PreviewRoutes {
  // Keyed by route; an entry counts only for the very body it was made from (the page may change).
  const gzipCache = new Map<string, { readonly body: Uint8Array; readonly gzip: Uint8Array }>();
  let page: { readonly infos: readonly PreviewPackageInfo[]; readonly body: Uint8Array } | undefined;

  const pageBody = (): Uint8Array => {
    const infos = site.packages();
    if (page?.infos !== infos) {
      const html = previewPageHtml(infos, { live: site.live === true });
      page = { infos, body: new TextEncoder().encode(html) };
    }
    return page.body;
  };

  const sendBody = (
    request: IncomingMessage,
    response: ServerResponse,
    body: Uint8Array,
    contentType: string,
    cacheKey: string | null,
    headers: Record<string, string> = {},
  ): true => {
    const gzip =
      cacheKey !== null &&
      body.byteLength >= GZIP_MIN_BYTES &&
      isCompressible(contentType) &&
      /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    let payload = body;
    if (gzip) {
      const cached = gzipCache.get(cacheKey);
      payload = cached?.body === body ? cached.gzip : gzipSync(body);
      gzipCache.set(cacheKey, { body, gzip: payload });
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
    return true;
  };

  return (request, response, segments) => {
    const [top, ...rest] = segments;
    if (segments.length === 0) {
      return sendBody(request, response, pageBody(), 'text/html; charset=utf-8', 'page', {
        'Content-Security-Policy': PAGE_CSP,
      });
    }
    if (top === 'api' && rest.join('/') === 'packages') {
      const body = new TextEncoder().encode(JSON.stringify(site.packages()));
      return sendBody(request, response, body, 'application/json; charset=utf-8', null);
    }
    if (top === 'app' && rest.length === 1) {
      const asset = site.app.get(rest[0] ?? '');
      if (asset) return sendBody(request, response, asset.body, asset.contentType, `app/${rest[0]}`);
    }
    if (top === 'packages' && rest.length >= 2) {
      const [name = '', ...fileSegments] = rest;
      const file = fileSegments.join('/');
      const bytes = isSafeRelativePath(file) ? site.packageFile(name, file) : undefined;
      if (bytes) return sendBody(request, response, bytes, contentTypeFor(file), `packages/${name}/${file}`);
    }
    if (top === 'favicon.ico') {
      response.writeHead(204, { 'Cache-Control': 'no-store' });
      response.end();
      return true;
    }
    return false;
  };
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

/** The request's path without query or fragment. */
export function requestPath(request: IncomingMessage): string {
  return (request.url ?? '/').split(/[?#]/)[0] ?? '/';
}
