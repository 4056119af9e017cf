import type { Page } from 'playwright-core';
import { CPU_SLOWDOWN, NETWORK_PROFILE } from './bench-profile.ts';

/**
 * CPU slowdown and slow-4G network for everything the page loads, same-origin frames included (they share
 * its renderer and its network emulation). Set before navigating, so the first request is throttled too.
 */
export async function throttlePage(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  // Deprecated in favour of emulateNetworkConditionsByRule, but still honoured, and the form Lighthouse and
  // DevTools presets use: one latency per request plus a shared bandwidth cap in each direction.
  await cdp.send('Network.emulateNetworkConditions', { ...NETWORK_PROFILE, connectionType: 'cellular4g' });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
}
