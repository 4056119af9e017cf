/**
 * Stops the kit's LRS (ADL LRS) by the pid its up.sh recorded, and starts it again with that up.sh, which
 * restarts only what is not running: the fault test's "LRS down mid-path". The CATAPULT player stays up and
 * answers the AU's requests with an error meanwhile, as a proxy in front of a dead LRS does.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Kit } from './cmi5-kit';

const run = promisify(execFile);

async function lrsAnswers(kit: Kit): Promise<boolean> {
  try {
    const response = await fetch(`${kit.lrsEndpoint}about`, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

export async function stopLrs(kit: Kit): Promise<void> {
  const stateDir = kit.stateDir ?? '';
  const pid = Number(readFileSync(path.join(stateDir, 'pids', 'lrs.pid'), 'utf8').trim());
  // The same guard as the kit's down.sh: only a process whose command line names the state dir is ours.
  const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  if (!commandLine.includes(`${stateDir}/`))
    throw new Error(`pid ${pid} is not the kit's LRS: ${commandLine}`);
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 100 && (await lrsAnswers(kit)); i++) await new Promise((r) => setTimeout(r, 100));
  if (await lrsAnswers(kit)) throw new Error('the LRS still answers after SIGTERM');
}

export async function restartLrs(kit: Kit): Promise<void> {
  await run(path.join(kit.kitDir ?? '', 'up.sh'), [], { timeout: 120_000 });
  if (!(await lrsAnswers(kit))) throw new Error('the LRS does not answer after up.sh');
}
