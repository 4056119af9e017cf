/**
 * Finds the LMS's API object the way SCORM content must: up the chain of parent frames, then through the
 * window that opened a popup. Follows the ADL discovery algorithm (scorm.com "SCORM API Discovery
 * Algorithms": climb `parent` while `parent != win`, give up after 500 tries, then try `opener`) with the
 * pipwerks additions: `top.opener` as well, and every window touched inside try/catch, because reading a
 * property of a cross-origin frame throws a SecurityError and one foreign frame in the chain must not stop
 * the search.
 */
import type { Scorm12Api, Scorm2004Api, ScormStandard } from './scorm-api.ts';

export type FoundLmsApi =
  | { readonly standard: 'scorm2004'; readonly api: Scorm2004Api }
  | { readonly standard: 'scorm12'; readonly api: Scorm12Api };

export interface FindLmsApiOptions {
  /**
   * Standards to accept, most preferred first. Default: 2004, then 1.2. A package built for one standard
   * should pass only that one, so an LMS that exposes both objects is spoken to in the language it launched.
   */
  readonly standards?: readonly ScormStandard[] | undefined;
}

/**
 * The attribute on the launch page's <html> naming the standard its package was built for
 * (plugins/package-scorm-zips.ts writes it into each zip): `scorm12` or `scorm2004`.
 */
export const LAUNCH_STANDARD_ATTRIBUTE = 'data-scorm-standard';

/**
 * The standards a launch page accepts: the one its package was built for, so a 1.2 package never talks to an
 * LMS's 2004 object or the reverse; undefined (2004, then 1.2) when the page names none or an unknown one,
 * as on the dev server or a page opened from disk.
 */
export function launchPageStandards(doc: Document): readonly ScormStandard[] | undefined {
  const value = doc.documentElement?.getAttribute(LAUNCH_STANDARD_ATTRIBUTE);
  return value === 'scorm12' || value === 'scorm2004' ? [value] : undefined;
}

/**
 * True when the launch page belongs to the cmi5 package (`data-scorm-standard="cmi5"`, written by
 * plugins/package-cmi5-zip.ts): the module then opens a cmi5 session from its launch URL
 * (src/lms/cmi5-open-session.ts) and looks for no SCORM API object.
 */
export function isCmi5LaunchPage(doc: Document): boolean {
  return doc.documentElement?.getAttribute(LAUNCH_STANDARD_ATTRIBUTE) === 'cmi5';
}

/** ADL's `maxTries`: deeper nesting than this is a loop or a broken frameset. */
const MAX_PARENT_LEVELS = 500;

const API_NAME: Readonly<Record<ScormStandard, string>> = { scorm2004: 'API_1484_11', scorm12: 'API' };
const INITIALIZE_NAME: Readonly<Record<ScormStandard, string>> = {
  scorm2004: 'Initialize',
  scorm12: 'LMSInitialize',
};

/** The nearest window's API; at the same window, the earlier standard in `standards` wins. */
export function findLmsApi(start: Window, options: FindLmsApiOptions = {}): FoundLmsApi | null {
  const standards = options.standards ?? ['scorm2004', 'scorm12'];
  const roots = [start, read(start, 'opener'), read(read(start, 'top'), 'opener')];
  const seen = new Set<unknown>();
  for (const root of roots) {
    if (root === null || seen.has(root)) continue;
    seen.add(root);
    const found = scanUp(root as Window, standards);
    if (found) return found;
  }
  return null;
}

function scanUp(start: Window, standards: readonly ScormStandard[]): FoundLmsApi | null {
  let win: Window = start;
  for (let level = 0; level <= MAX_PARENT_LEVELS; level++) {
    for (const standard of standards) {
      const found = apiOn(win, standard);
      if (found) return found;
    }
    const parent = read(win, 'parent');
    if (parent === null || parent === win) return null;
    win = parent as Window;
  }
  return null;
}

function apiOn(win: Window, standard: ScormStandard): FoundLmsApi | null {
  const api = read(win, API_NAME[standard]);
  // A bare `window.API` can also be a DOM element with id="API" (named access), so check it can be called.
  if (typeof read(api, INITIALIZE_NAME[standard]) !== 'function') return null;
  return standard === 'scorm2004'
    ? { standard, api: api as Scorm2004Api }
    : { standard, api: api as Scorm12Api };
}

/** A property of a window that may belong to another origin; null when absent or unreadable. */
function read(win: unknown, name: string): unknown {
  if (win === null || win === undefined) return null;
  try {
    const value = (win as Record<string, unknown>)[name];
    return value === undefined ? null : value;
  } catch {
    return null;
  }
}
