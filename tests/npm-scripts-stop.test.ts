// `npm start` and `npm run dev` stop when the npm process itself is sent SIGTERM or SIGINT, as a terminal, an
// editor's stop button or a process manager does: npm → sh → node, and nothing is left holding the port.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { zipFixtureFolder } from './fixtures/packages/fixture-packages';
import { killStartedNpm, portAnswers, startNpm } from './npm-process';

const STARTUP_TIMEOUT_MS = 40_000;
const STOP_TIMEOUT_MS = 10_000;
const root = path.join(import.meta.dirname, '..');
let zipDir = '';
let fixtureZip = '';

beforeAll(() => {
  zipDir = mkdtempSync(path.join(tmpdir(), 'npm-stop-'));
  fixtureZip = path.join(zipDir, 'fixture-scorm12.zip');
  writeFileSync(fixtureZip, zipFixtureFolder('scorm12-minimal'));
});

afterEach(killStartedNpm);

afterAll(() => {
  rmSync(zipDir, { recursive: true, force: true });
});

/** True once nothing listens on `port`; false if something still does after STOP_TIMEOUT_MS. */
async function portFreed(port: number): Promise<boolean> {
  const until = Date.now() + STOP_TIMEOUT_MS;
  while (Date.now() < until) {
    if (!(await portAnswers(port))) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

const SCRIPTS = [
  { name: 'npm start', args: () => ['start', '--', fixtureZip] },
  { name: 'npm run dev', args: () => ['run', 'dev'] },
] as const;

describe.each(SCRIPTS)('$name', ({ name, args }) => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'stops on %s sent to the npm process, leaving the port free',
    async (signal) => {
      const { npm, port, exited } = await startNpm(args(), { cwd: root, timeoutMs: STARTUP_TIMEOUT_MS });
      expect(await portAnswers(port)).toBe(true);
      const sentAt = performance.now();
      npm.kill(signal);
      await exited;
      expect(await portFreed(port)).toBe(true);
      console.log(
        `${name}, ${signal}: port free ${Math.round(performance.now() - sentAt)} ms after the signal`,
      );
    },
    STARTUP_TIMEOUT_MS + STOP_TIMEOUT_MS,
  );
});
