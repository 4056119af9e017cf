import { describe, expect, it } from 'vitest';
import { CHROMIUM_FLAGS, resolveChromiumPath } from './browser/launch-chromium';

describe('resolveChromiumPath', () => {
  it('prefers $CHROMIUM_PATH, then /usr/bin/chromium', () => {
    expect(resolveChromiumPath({ CHROMIUM_PATH: '/opt/chrome' }, () => true)).toBe('/opt/chrome');
    expect(resolveChromiumPath({ CHROMIUM_PATH: '/opt/none' }, (p) => p === '/usr/bin/chromium')).toBe(
      '/usr/bin/chromium',
    );
  });

  it('fails, naming the apt-get command, when no Chromium exists', () => {
    expect(() => resolveChromiumPath({}, () => false)).toThrow('apt-get install -y chromium');
  });

  it('launches without background networking, so Chromium itself calls nowhere', () => {
    expect(CHROMIUM_FLAGS).toEqual(
      expect.arrayContaining([
        '--headless',
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
      ]),
    );
  });
});
