/**
 * The cmi5 measurement's browser part: the built cmi5 zip imported into ADL's CATAPULT player, the recommended
 * path played in Chromium unthrottled, and every request the AU made to the LRS counted
 * (tests/browser/cmi5-lrs-traffic.ts). Loaded through Vite (cmi5-traffic.ts): the frame driver reads the
 * interface's words from virtual:locale.
 */
import type { ScenarioPath } from '../../src/scenario/analyse-paths.ts';
import type { Scenario } from '../../src/scenario/model.ts';
import { type Kit, Player, serveLmsPage, statementsOf, verbOf } from '../../tests/browser/cmi5-kit.ts';
import { type Cmi5Traffic, cmi5Traffic, recordLrsRequests } from '../../tests/browser/cmi5-lrs-traffic.ts';
import { ModuleDriver } from '../../tests/browser/frame-driver.ts';
import { launchChromium } from '../launch-chromium.ts';

/** How long the LRS may take to hold the session's last statement once the page has gone. */
const SETTLE_MS = 20_000;

export async function playAndCount(
  kit: Kit,
  zipPath: string,
  scenario: Scenario,
  path: ScenarioPath,
): Promise<Cmi5Traffic> {
  const player = new Player(kit);
  await player.importCourse(zipPath);
  const chromium = await launchChromium();
  try {
    const lmsPage = await serveLmsPage(chromium.context, kit);
    const requests = recordLrsRequests(chromium.context, `${kit.playerUrl}/lrs/`);
    const launch = await player.launch('bench');
    const page = await chromium.context.newPage();
    await page.goto(lmsPage(launch.url));
    await new ModuleDriver(page, scenario).play(path);
    // The learner leaves: the AU sends what is left and terminated (keepalive).
    await page.goto('about:blank');
    const deadline = Date.now() + SETTLE_MS;
    while (!(await statementsOf(kit, launch.registration)).some((s) => verbOf(s) === 'terminated')) {
      if (Date.now() > deadline)
        throw new Error(`cmi5: no "terminated" in the LRS ${SETTLE_MS / 1000} s after leaving`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return cmi5Traffic(requests, path.choices.length);
  } finally {
    await chromium.close();
  }
}
