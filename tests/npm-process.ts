// An npm script run as a person runs it from a terminal (`npm start`, `npm run dev`), for the tests that check what
// it prints, serves and how it stops: its own process group, so whatever a failed stop leaves can be ended after.
import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';

export interface StartedNpm {
  readonly npm: ChildProcess;
  readonly port: number;
  readonly exited: Promise<void>;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
}

const running: ChildProcess[] = [];

/**
 * Runs `npm <args>` in `cwd` on a free port (PORT=0) and resolves once it has printed its address and `ready`
 * (by default the address alone); rejects with what it printed if it exits or `timeoutMs` passes first.
 */
export function startNpm(
  args: readonly string[],
  options: { readonly cwd: string; readonly timeoutMs: number; readonly ready?: RegExp },
): Promise<StartedNpm> {
  const npm = spawn('npm', [...args], {
    cwd: options.cwd,
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.push(npm);
  const exited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`npm ${args.join(' ')} was not ready in ${options.timeoutMs} ms:\n${output}`)),
      options.timeoutMs,
    );
    const read = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const port = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output)?.[1];
      if (!port || (options.ready && !options.ready.test(output))) return;
      clearTimeout(timer);
      resolve({ npm, port: Number(port), exited, output: () => output });
    };
    npm.stdout?.on('data', read);
    npm.stderr?.on('data', read);
    npm.once('exit', (code) => reject(new Error(`npm ${args.join(' ')} exited (${code}):\n${output}`)));
  });
}

/** Ends, with SIGKILL to their process groups, the npm processes a test left running. */
export function killStartedNpm(): void {
  for (const npm of running.splice(0)) {
    try {
      if (npm.pid) process.kill(-npm.pid, 'SIGKILL');
    } catch {
      // Already gone, as it should be.
    }
  }
}

export function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
