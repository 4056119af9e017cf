// Nothing the module or the preview loads may come from the internet (conventions.md "Network"): every
// request that leaves 127.0.0.1 is recorded, and the test asserts the record is empty.
//
// It listens rather than intercepts: Playwright's routing sends every request through this Node process and
// turns Chromium's HTTP cache off, which made `npm run dev`'s 97 module requests take twice as long in the
// test as in an author's browser. A leak still fails the test that made it.
import type { BrowserContext, Request } from 'playwright-core';

const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

export interface RequestGuard {
  /** URLs of requests that left 127.0.0.1; `expect(guard.leaks).toEqual([])` at the end of each test. */
  readonly leaks: readonly string[];
}

export function recordNonLocalRequests(context: BrowserContext): RequestGuard {
  const leaks: string[] = [];
  context.on('request', (request: Request) => {
    const url = new URL(request.url());
    if (!LOCAL_SCHEMES.has(url.protocol) && url.hostname !== '127.0.0.1') leaks.push(url.href);
  });
  return { leaks };
}
