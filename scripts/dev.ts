// `npm run dev`: the author's live preview. The module in the preview LMS (call log, CMI table, trainer view),
// served by Vite's dev server on 127.0.0.1 until Ctrl-C; saving a scenario, page, illustration or
// imsmanifest.xml shows the change in the open browser, the learner resuming where they were.
//   npm run dev                 serve this project
//   PORT=5300 npm run dev       on that port (default: the first free one from 5290)

import { findFreePort } from '../preview/find-free-port.ts';
import { DevStartError, startDevServer } from '../preview/live/dev-server.ts';
import { STANDARD_LABEL } from '../preview/package-info.ts';
import { runUntilStopped } from './run-until-stopped.ts';

const FIRST_PORT = 5290;
const USAGE = `Usage: npm run dev
Serves the module in the local preview LMS on 127.0.0.1 and shows each saved change to scenarios/, content/
or imsmanifest.xml in the open browser; a problem in them shows in the page and here.
  PORT=5300    listen on that port (default: the first free one from ${FIRST_PORT})`;

class UsageError extends Error {}

async function main(argv: readonly string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return;
  }
  if (argv.length > 0) throw new UsageError(`Unknown argument ${argv.join(' ')}.\n${USAGE}`);
  const port = process.env.PORT ? Number(process.env.PORT) : await findFreePort(FIRST_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`PORT must be a port number, not "${process.env.PORT}".`);
  const server = await startDevServer({ port });

  console.log(`Live preview: ${server.url}`);
  for (const info of server.packages) {
    console.log(
      `  ${STANDARD_LABEL[info.standard].padEnd(24)} ${server.url}?package=${encodeURIComponent(info.name)}`,
    );
  }
  console.log('Watching scenarios/, content/ and imsmanifest.xml. Press Ctrl-C to stop.');
  runUntilStopped(() => server.close());
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof DevStartError) {
    console.error(
      `npm run dev: nothing to show yet.\n\n${error.message}\n\nFix these, then run npm run dev again.`,
    );
  } else if (error instanceof UsageError || (error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`npm run dev: ${(error as Error).message}`);
  } else console.error(error);
  process.exit(1);
});
