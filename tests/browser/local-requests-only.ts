// Nothing the module or the preview loads may come from the internet (conventions.md "Network"): every
// request that leaves 127.0.0.1 is aborted and recorded, and the test asserts the record is empty.
import type { BrowserContext } from 'playwright-core';

const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

export interface RequestGuard {
  /** URLs of aborted requests; `expect(guard.leaks).toEqual([])` at the end of each test. */
  readonly leaks: readonly string[];
}

export async function allowOnlyLocalRequests(context: BrowserContext): Promise<RequestGuard> {
  const leaks: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (LOCAL_SCHEMES.has(url.protocol) || url.hostname === '127.0.0.1') return route.continue();
    leaks.push(url.href);
    return route.abort('blockedbyclient');
  });
  return { leaks };
}
