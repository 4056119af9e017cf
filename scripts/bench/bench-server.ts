/**
 * The bench's web server on 127.0.0.1 (a free port the OS picks): the package under `/pkg/`, the floor page
 * under `/floor/`, the LMS page at `/lms.html?sco=…`, scorm-again for it, and `POST /commit`, the URL the
 * LMS's synchronous Commit posts to. Everything textual is sent gzipped, as an LMS's web server would.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { contentTypeFor, isCompressible } from '../../preview/content-type.ts';
import { FIRST_CHOICE_SELECTOR, LIMITS } from './bench-profile.ts';
import { API_1484_11_METHODS, lmsPageHtml, SCORM_AGAIN_URL } from './lms-page-html.ts';

export const PACKAGE_PREFIX = '/pkg/';
/** The same package sent without Content-Encoding, as an LMS whose web server does not compress. */
export const UNCOMPRESSED_PREFIX = '/plain/';
export const FLOOR_PREFIX = '/floor/';
export const FLOOR_URL = `${FLOOR_PREFIX}index.html`;
const COMMIT_URL = '/commit';

interface Body {
  readonly type: string;
  readonly bytes: Buffer;
  readonly gzipped: boolean;
}

/**
 * How the LMS page launches the SCO: with the API object and nothing stored (`lms`), with the CMI set by
 * `setResumeCmi` (`resume`), or as a bare host page with no API (`standalone`: the SCO finds no LMS).
 */
export type LaunchKind = 'lms' | 'resume' | 'standalone';

export interface BenchServer {
  readonly origin: string;
  /** `/lms.html` launching `sco` (a path on this server). */
  lmsUrl(sco: string, kind?: LaunchKind): string;
  /** The CMI a `resume` launch finds stored (scorm-again's JSON form, `entry` = resume among it). */
  setResumeCmi(cmi: Readonly<Record<string, string>>): void;
  setFloorHtml(html: string): void;
  /** POSTs to /commit since the server started. */
  commitCount(): number;
  close(): Promise<void>;
}

export async function startBenchServer(packageDir: string, scormAgainFile: string): Promise<BenchServer> {
  const files = new Map<string, Body>();
  for (const file of listFiles(packageDir)) {
    const relative = path.relative(packageDir, file).split(path.sep).join('/');
    const raw = readFileSync(file);
    files.set(`${PACKAGE_PREFIX}${relative}`, bodyOf(relative, raw));
    files.set(`${UNCOMPRESSED_PREFIX}${relative}`, {
      type: contentTypeFor(relative),
      bytes: raw,
      gzipped: false,
    });
  }
  files.set(SCORM_AGAIN_URL, bodyOf(scormAgainFile, readFileSync(scormAgainFile)));
  let commits = 0;
  let resumeCmi: Readonly<Record<string, string>> | null = null;

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method === 'POST' && url.pathname === COMMIT_URL) {
      // Read the whole body before answering, as an LMS that stores it would.
      request.resume();
      request.on('end', () => {
        commits += 1;
        send(response, bodyOf('commit.json', Buffer.from('{"result":true,"errorCode":0}')));
      });
      return;
    }
    if (url.pathname === '/lms.html') {
      const sco = url.searchParams.get('sco') ?? '';
      const kind = url.searchParams.get('launch') ?? 'lms';
      if (!files.has(sco)) return notFound(response);
      const html = lmsPageHtml({
        sco,
        selector: FIRST_CHOICE_SELECTOR,
        commitUrl: COMMIT_URL,
        timeoutMs: LIMITS.firstChoiceMs,
        apiMethods: API_1484_11_METHODS,
        withApi: kind !== 'standalone',
        storedCmi: kind === 'resume' ? resumeCmi : null,
      });
      return send(response, bodyOf('lms.html', Buffer.from(html)));
    }
    const body = files.get(url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname);
    if (!body || (request.method !== 'GET' && request.method !== 'HEAD')) return notFound(response);
    send(response, body, request);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    lmsUrl: (sco, kind = 'lms') => `${origin}/lms.html?sco=${encodeURIComponent(sco)}&launch=${kind}`,
    setResumeCmi: (cmi) => {
      resumeCmi = cmi;
    },
    setFloorHtml: (html) => files.set(FLOOR_URL, bodyOf(FLOOR_URL, Buffer.from(html))),
    commitCount: () => commits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function bodyOf(name: string, raw: Buffer): Body {
  const type = contentTypeFor(name);
  // Level 9, as a build would precompress; images and fonts are compressed already.
  return isCompressible(type)
    ? { type, bytes: gzipSync(raw, { level: 9 }), gzipped: true }
    : { type, bytes: raw, gzipped: false };
}

function send(response: ServerResponse, body: Body, request?: IncomingMessage): void {
  response.writeHead(200, {
    'Content-Type': body.type,
    'Content-Length': body.bytes.length,
    ...(body.gzipped ? { 'Content-Encoding': 'gzip' } : {}),
    // Every run uses a fresh profile, so caching cannot help; say so, so no heuristic caching either.
    'Cache-Control': 'no-store',
  });
  response.end(request?.method === 'HEAD' ? undefined : body.bytes);
}

function notFound(response: ServerResponse): void {
  response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end('not found');
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full);
    return entry.isFile() ? [full] : [];
  });
}
