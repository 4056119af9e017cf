// Starts the Debian Chromium (not a test tool's own download, which cannot reach its server here), headless,
// with a fresh profile and no background networking (conventions.md). The browser tests, the bench and
// `npm run review` (which prints the review pack to PDF) all start it here, so they run the same browser.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** `$CHROMIUM_PATH`, else /usr/bin/chromium; throws (never skips) when neither exists. */
export function resolveChromiumPath(env: NodeJS.ProcessEnv = process.env, exists = existsSync): string {
  const candidates = [env.CHROMIUM_PATH, DEFAULT_CHROMIUM].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => exists(p));
  if (!found) {
    throw new Error(
      `No Chromium (looked at ${candidates.join(', ')}). ` +
        'Install one with `apt-get update && apt-get install -y chromium`, or set CHROMIUM_PATH.',
    );
  }
  return found;
}

export interface LaunchedChromium {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Playwright refuses `--user-data-dir` in `launch()` args, so the fresh temp profile goes through
 * `launchPersistentContext`, which passes it to Chromium as that flag.
 */
export async function launchChromium(): Promise<LaunchedChromium> {
  const executablePath = resolveChromiumPath();
  const userDataDir = await mkdtemp(join(tmpdir(), 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    args: [...CHROMIUM_FLAGS],
    headless: true,
    viewport: { width: 1440, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
