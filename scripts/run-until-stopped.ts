/**
 * Keeps a server running until it is told to stop: SIGINT (Ctrl-C), SIGTERM, or the process that started it
 * going away without a word (npm killed outright). npm 11 passes SIGINT and SIGTERM only to its own child, the
 * `sh -c` running the script, and dash neither passes them on nor execs the command itself: without `exec`
 * in the package.json script, SIGTERM killed the shell and left the server holding the port, and SIGINT left
 * all three waiting. Hence `exec node --import tsx …` (node is npm's child; no tsx CLI process in between)
 * and, for a parent that dies unannounced, the check of the parent pid here.
 */

const PARENT_CHECK_MS = 250;

export function runUntilStopped(stop: () => Promise<void>): void {
  const parent = process.ppid;
  let stopping = false;
  const end = (): void => {
    if (stopping) return;
    stopping = true;
    clearInterval(watch);
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  const watch = setInterval(() => {
    if (process.ppid !== parent) end();
  }, PARENT_CHECK_MS);
  // The check alone never keeps the process alive; the server does.
  watch.unref();
  process.once('SIGINT', end);
  process.once('SIGTERM', end);
}
