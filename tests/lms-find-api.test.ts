// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { findLmsApi, LAUNCH_STANDARD_ATTRIBUTE, launchPageStandards } from '../src/lms/find-lms-api';
import { install, lms12, lms2004, nestedFrame } from './lms-harness';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  document.body.innerHTML = '';
});

/** A stand-in window: `parent` defaults to itself, as at the top of a real frame tree. */
function fakeWindow(props: Record<string, unknown> = {}): Window {
  const win: Record<string, unknown> = { ...props };
  if (!('parent' in props)) win.parent = win;
  if (!('top' in props)) win.top = win;
  return win as unknown as Window;
}

/** A window of another origin: reading anything on it throws, as browsers do (SecurityError). */
function crossOriginWindow(parent: Window): Window {
  return new Proxy({} as Window, {
    get(_target, property) {
      if (property === 'parent') return parent;
      throw new DOMException(`Blocked a frame from accessing ${String(property)}`, 'SecurityError');
    },
  });
}

describe('finding the LMS API', () => {
  it('finds the SCORM 2004 API on the top window from an iframe three levels down', () => {
    const { inner, top } = nestedFrame(3);
    const api = lms2004();
    cleanups.push(install(top, 'API_1484_11', api));
    const found = findLmsApi(inner);
    expect(found).toEqual({ standard: 'scorm2004', api });
    if (found?.standard === 'scorm2004') expect(found.api.Initialize('')).toBe('true');
  });

  it('finds the SCORM 1.2 API the same way', () => {
    const { inner, top } = nestedFrame(2);
    const api = lms12();
    cleanups.push(install(top, 'API', api));
    expect(findLmsApi(inner)).toEqual({ standard: 'scorm12', api });
  });

  it('prefers 2004 where a window offers both, unless told to look for 1.2 only', () => {
    const { inner, top } = nestedFrame(1);
    const api12 = lms12();
    const api2004 = lms2004();
    cleanups.push(install(top, 'API', api12), install(top, 'API_1484_11', api2004));
    expect(findLmsApi(inner)?.api).toBe(api2004);
    expect(findLmsApi(inner, { standards: ['scorm12'] })?.api).toBe(api12);
  });

  it('takes the nearest window that has an API', () => {
    const { inner } = nestedFrame(2);
    const near = lms12();
    const middle = inner.parent;
    cleanups.push(install(middle, 'API', near), install(middle.parent, 'API_1484_11', lms2004()));
    expect(findLmsApi(inner)?.api).toBe(near);
  });

  it('looks in the window that opened a popup, and up from there', () => {
    const { inner: opener, top } = nestedFrame(2);
    const api = lms2004();
    cleanups.push(install(top, 'API_1484_11', api));
    const popup = fakeWindow({ opener });
    expect(findLmsApi(popup)?.api).toBe(api);
  });

  it("looks in the top window's opener when a frame inside the popup starts the search", () => {
    const { top: lmsTop } = nestedFrame(1);
    const api = lms12();
    cleanups.push(install(lmsTop, 'API', api));
    const popupTop = fakeWindow({ opener: lmsTop });
    const frameInPopup = fakeWindow({ parent: popupTop, top: popupTop, opener: null });
    expect(findLmsApi(frameInPopup)?.api).toBe(api);
  });

  it('climbs past a cross-origin frame without throwing', () => {
    const { top } = nestedFrame(1);
    const api = lms2004();
    cleanups.push(install(top, 'API_1484_11', api));
    const foreign = crossOriginWindow(top);
    const content = fakeWindow({ parent: foreign, top });
    expect(() => findLmsApi(content)).not.toThrow();
    expect(findLmsApi(content)?.api).toBe(api);
  });

  it('returns null when a cross-origin window blocks even its parent', () => {
    const blocked = new Proxy({} as Window, {
      get() {
        throw new DOMException('Blocked', 'SecurityError');
      },
    });
    expect(findLmsApi(fakeWindow({ parent: blocked, top: blocked }))).toBeNull();
  });

  it('returns null when no window has an API, ignoring an element that merely has id="API"', () => {
    const { inner, top } = nestedFrame(2);
    cleanups.push(install(top, 'API', top.document.createElement('div')));
    expect(findLmsApi(inner)).toBeNull();
  });

  it('gives up after 500 parent levels, as the ADL algorithm does', () => {
    const chain = (levels: number) => {
      const top = fakeWindow({ API_1484_11: lms2004() });
      let win = top;
      for (let i = 0; i < levels; i++) win = fakeWindow({ parent: win, top });
      return win;
    };
    expect(findLmsApi(chain(500))).not.toBeNull();
    expect(findLmsApi(chain(501))).toBeNull();
  });
});

describe('the standard a launch page names', () => {
  afterEach(() => document.documentElement.removeAttribute(LAUNCH_STANDARD_ATTRIBUTE));

  it.each([
    ['scorm12', ['scorm12']],
    ['scorm2004', ['scorm2004']],
    ['scorm2004-4th', undefined],
    ['', undefined],
  ])('reads data-scorm-standard="%s" as %j', (value, standards) => {
    document.documentElement.setAttribute(LAUNCH_STANDARD_ATTRIBUTE, value);
    expect(launchPageStandards(document)).toEqual(standards);
  });

  it('accepts 2004 then 1.2 when the page names none (dev server, a page from disk)', () => {
    expect(launchPageStandards(document)).toBeUndefined();
  });

  it('makes a 1.2 page take the 1.2 API even when the 2004 one is nearer', () => {
    const { inner, top } = nestedFrame(2);
    const api12 = lms12();
    cleanups.push(install(top, 'API', api12));
    cleanups.push(install(inner.parent, 'API_1484_11', lms2004()));
    expect(findLmsApi(inner)?.standard).toBe('scorm2004');
    expect(findLmsApi(inner, { standards: ['scorm12'] })).toEqual({ standard: 'scorm12', api: api12 });
  });
});
