/**
 * What the cmi5 package sends its LRS per decision and per session, measured in ADL's CATAPULT player when the
 * LRS kit is up (../shared/lrs; its variables, which up.sh prints, exported): cmi5-traffic-play.ts plays the
 * recommended path once (bytes and counts do not depend on speed). Without the kit, or without a cmi5 zip, it
 * says so and starts nothing.
 */
import { analysePaths } from '../../src/scenario/analyse-paths.ts';
import type { Scenario } from '../../src/scenario/model.ts';
import { kitFromEnv } from '../../tests/browser/cmi5-kit.ts';
import { type Cmi5Traffic, describeCmi5Traffic } from '../../tests/browser/cmi5-lrs-traffic.ts';
import type * as Play from './cmi5-traffic-play.ts';
import { importWithVite } from './import-with-vite.ts';

export type Cmi5TrafficResult =
  | ({ readonly measured: true; readonly path: string } & Cmi5Traffic)
  | { readonly measured: false; readonly why: string };

export async function measureCmi5Traffic(
  root: string,
  zipPath: string | undefined,
  scenario: Scenario,
): Promise<Cmi5TrafficResult> {
  if (!zipPath) return { measured: false, why: 'no cmi5 zip built' };
  const kit = kitFromEnv();
  if ('missing' in kit)
    return {
      measured: false,
      why: `no LRS kit (${kit.missing.join(', ')} not set; see README, The cmi5 package)`,
    };
  const best = analysePaths(scenario).recommended;
  if (!best) return { measured: false, why: 'the scenario has no recommended path' };
  const play = await importWithVite<typeof Play>(root, 'scripts/bench/cmi5-traffic-play.ts');
  try {
    const traffic = await play.module.playAndCount(kit, zipPath, scenario, best);
    return { measured: true, path: best.choices.join(' → '), ...traffic };
  } finally {
    await play.close();
  }
}

/** The lines `npm run bench` prints. */
export function cmi5TrafficLines(result: Cmi5TrafficResult): string {
  if (!result.measured) return `cmi5 package: not measured: ${result.why}`;
  return [
    `cmi5 package, what the AU sent its LRS on the recommended path (${result.decisions} decisions):`,
    describeCmi5Traffic(result).replace(/^/gm, '  '),
  ].join('\n');
}
