// `npm start` and `npm run dev` stop when the npm process itself is sent SIGTERM or SIGINT, as a terminal, an
// editor's stop button or a process manager does: npm → sh → node, and nothing is left holding the port.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { zipFixtureFolder } from './fixtures/packages/fixture-packages';

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

const started: ChildProcess[] = [];

afterEach(() => {
  for (const npm of started.splice(0)) {
    try {
      if (npm.pid) process.kill(-npm.pid, 'SIGKILL');
    } catch {
      // Already gone, as it should be.
    }
  }
});

afterAll(() => {
  rmSync(zipDir, { recursive: true, force: true });
});

interface Started {
  readonly npm: ChildProcess;
  readonly port: number;
  readonly exited: Promise<void>;
}

/** Runs `npm <args>` on a free port and resolves once it prints its address. */
function startNpm(args: readonly string[]): Promise<Started> {
  const npm = spawn('npm', [...args], {
    cwd: root,
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A process group of its own, so whatever a failed stop leaves behind can be ended after the test.
    detached: true,
  });
  started.push(npm);
  const exited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`npm ${args.join(' ')} printed no address:\n${output}`)),
      STARTUP_TIMEOUT_MS,
    );
    const read = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const port = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output)?.[1];
      if (!port) return;
      clearTimeout(timer);
      resolve({ npm, port: Number(port), exited });
    };
    npm.stdout?.on('data', read);
    npm.stderr?.on('data', read);
    npm.once('exit', (code) => reject(new Error(`npm ${args.join(' ')} exited (${code}):\n${output}`)));
  });
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

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
      const { npm, port, exited } = await startNpm(args());
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
