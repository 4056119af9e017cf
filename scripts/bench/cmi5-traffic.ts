/**
 * What the cmi5 package sends its LRS per decision and per session: the built cmi5 zip imported into ADL's
 * CATAPULT player (the LRS kit, ../shared/lrs, whose variables up.sh prints), the best path played in Chromium
 * unthrottled, and every request the AU made to the LRS counted (tests/browser/cmi5-lrs-traffic.ts). Bytes and
 * counts do not depend on speed, so one run is enough. Without the kit it says so and measures nothing.
 */
import { analysePaths } from '../../src/scenario/analyse-paths.ts';
import type { Scenario } from '../../src/scenario/model.ts';
import { kitFromEnv, Player, serveLmsPage, statementsOf, verbOf } from '../../tests/browser/cmi5-kit.ts';
import {
  type Cmi5Traffic,
  cmi5Traffic,
  describeCmi5Traffic,
  recordLrsRequests,
} from '../../tests/browser/cmi5-lrs-traffic.ts';
import { ModuleDriver } from '../../tests/browser/frame-driver.ts';
import { launchChromium } from '../launch-chromium.ts';

export type Cmi5TrafficResult =
  | ({ readonly measured: true; readonly path: string } & Cmi5Traffic)
  | { readonly measured: false; readonly why: string };

/** How long the LRS may take to hold the session's last statement once the page has gone. */
const SETTLE_MS = 20_000;

/** The lines `npm run bench` prints. */
export function cmi5TrafficLines(result: Cmi5TrafficResult | null): string {
  if (!result) return 'cmi5 package: not measured (no cmi5 zip built)';
  if (!result.measured) return `cmi5 package: not measured: ${result.why}`;
  return [
    `cmi5 package, what the AU sent its LRS on the recommended path (${result.decisions} decisions):`,
    describeCmi5Traffic(result).replace(/^/gm, '  '),
  ].join('\n');
}

export async function measureCmi5Traffic(zipPath: string, scenario: Scenario): Promise<Cmi5TrafficResult> {
  const kit = kitFromEnv();
  if ('missing' in kit)
    return {
      measured: false,
      why: `no LRS kit (${kit.missing.join(', ')} not set; see README, The cmi5 package)`,
    };
  const best = analysePaths(scenario).recommended;
  if (!best) return { measured: false, why: 'the scenario has no recommended path' };
  const player = new Player(kit);
  await player.importCourse(zipPath);
  const chromium = await launchChromium();
  try {
    const lmsPage = await serveLmsPage(chromium.context, kit);
    const requests = recordLrsRequests(chromium.context, `${kit.playerUrl}/lrs/`);
    const launch = await player.launch('bench');
    const page = await chromium.context.newPage();
    await page.goto(lmsPage(launch.url));
    await new ModuleDriver(page, scenario).play(best);
    // The learner leaves: the AU sends what is left and terminated (keepalive).
    await page.goto('about:blank');
    const deadline = Date.now() + SETTLE_MS;
    while (!(await statementsOf(kit, launch.registration)).some((s) => verbOf(s) === 'terminated')) {
      if (Date.now() > deadline)
        throw new Error(`cmi5: no "terminated" in the LRS ${SETTLE_MS / 1000} s after leaving`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return { measured: true, path: best.choices.join(' → '), ...cmi5Traffic(requests, best.choices.length) };
  } finally {
    await chromium.close();
  }
}
