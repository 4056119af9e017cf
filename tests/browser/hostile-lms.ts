// An LMS that misbehaves on purpose, for running the built zips against: a host page on 127.0.0.1 that loads
// scorm-again, wraps its API in an object of our own that refuses, throws, stalls or lies as a case asks, and
// launches a package, unzipped as an LMS would on upload, in an iframe (#sco-frame, as the preview LMS does,
// so tests/browser/frame-driver.ts can play it). The host keeps what an LMS would have stored: the data as of
// the last Commit or Terminate that succeeded.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { BrowserContext, Page } from 'playwright-core';
import type { ScormStandardKey } from '../../plugins/scorm-standards';
import type { BuiltPackages } from './build-packages';
import { type ServedDirectory, serveDirectory } from './serve-directory';

const require = createRequire(import.meta.url);
const HOST_PAGE = 'host.html';
const SCORM_AGAIN = 'scorm-again.min.js';

export type ApiStandard = 'scorm12' | 'scorm2004';

export interface HostileLmsOptions {
  readonly standard: ApiStandard;
  /** The launch page, relative to the host page. */
  readonly moduleUrl: string;
  /** What the LMS holds before the launch, by dotted element name. */
  readonly data?: Readonly<Record<string, string>>;
  /** What GetValue answers for these elements, instead of the API's own value (error 0). */
  readonly gets?: Readonly<Record<string, string>>;
  /** GetValue answers "" for every element. */
  readonly emptyGets?: boolean;
  /** SetValue of cmi.interactions.* answers "false" (2004: 351, 1.2: 101) until `letInteractionsThrough`. */
  readonly refuseInteractions?: boolean;
  /** Commit answers "false" with 101 (stores nothing), throws, or stores after a 2 s busy-wait. */
  readonly commit?: 'false' | 'throw' | 'slow';
  /** Terminate answers "false" with 101 and stores nothing. */
  readonly terminate?: 'false';
  /** The LMS calls Initialize itself before the module loads, so the module's own is "already initialised". */
  readonly initializedByLms?: boolean;
  /** A second object on the same window, of the other standard, that records any call made to it. */
  readonly otherApi?: 'accepts' | 'refuses-initialize';
}

export interface HostileLmsRecord {
  /** Calls that reached the module's own API: the method, then the element for Get/SetValue. */
  readonly calls: readonly string[];
  /** Calls that reached the other standard's object. */
  readonly otherCalls: readonly string[];
  /** The data as of the last Commit or Terminate the LMS stored; null before the first. */
  readonly stored: Readonly<Record<string, string>> | null;
  /** What the API holds now, stored or not. */
  readonly live: Readonly<Record<string, string>>;
  /** Terminate (LMSFinish) calls, whatever they returned. */
  readonly terminates: number;
}

export interface HostileHost {
  readonly server: ServedDirectory;
  /** The launch page of a built zip, relative to the host page. */
  moduleUrl(standard: ScormStandardKey): string;
  /** Opens the host page afresh in `page`, installs the LMS and launches the package in #sco-frame. */
  launch(page: Page, options: HostileLmsOptions): Promise<void>;
  record(page: Page): Promise<HostileLmsRecord>;
  /** From now on the LMS takes interaction writes. */
  letInteractionsThrough(page: Page): Promise<void>;
  /** Removes the module's frame, as an LMS closing its player does: the module's pagehide runs at once. */
  closeModule(page: Page): Promise<void>;
  remove(): Promise<void>;
}

/**
 * A page in a window of its own. Chromium gives only the front tab of a window its full frame rate (others
 * about 1 frame a second, though "visible"), and the module waits for frames (its click guard, its commits
 * after paint): pages that play side by side each need a window.
 */
export function openWindow(context: BrowserContext): Promise<Page> {
  // One at a time: the new window is known only as the context's next page.
  const opening = windowsOpened.then(async () => {
    const opener = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(opener);
    try {
      const opened = context.waitForEvent('page');
      await cdp.send('Target.createTarget', { url: 'about:blank', newWindow: true });
      return await opened;
    } finally {
      await cdp.detach();
    }
  });
  windowsOpened = opening.catch(() => undefined);
  return opening;
}

let windowsOpened: Promise<unknown> = Promise.resolve();

/** Unzips `standards` of the built packages beside a host page and serves them. */
export async function startHostileHost(
  built: BuiltPackages,
  standards: readonly ScormStandardKey[],
): Promise<HostileHost> {
  const root = mkdtempSync(path.join(tmpdir(), 'hostile-lms-'));
  for (const standard of standards) {
    for (const [name, bytes] of Object.entries(unzipSync(readFileSync(built.zip(standard))))) {
      if (name.endsWith('/')) continue;
      const file = path.join(root, standard, name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, bytes);
    }
  }
  const scormAgain = path.join(path.dirname(require.resolve('scorm-again')), SCORM_AGAIN);
  writeFileSync(path.join(root, SCORM_AGAIN), readFileSync(scormAgain));
  writeFileSync(
    path.join(root, HOST_PAGE),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile LMS</title><script src="${SCORM_AGAIN}"></script></head><body></body></html>`,
  );
  const server = await serveDirectory(root, { maxRequests: 5000 });
  return {
    server,
    moduleUrl: (standard) => `${standard}/index.html`,
    async launch(page, options) {
      await page.goto(`${server.url}${HOST_PAGE}`);
      // A transpiler that keeps function names (tsx, esbuild) wraps them in __name(), which the page lacks.
      await page.evaluate('window.__name = window.__name || ((fn) => fn)');
      await page.evaluate(installHostileLms, options);
    },
    record: (page) =>
      page.evaluate(() => {
        const hostile = (window as unknown as { hostileLms: { record(): HostileLmsRecord } }).hostileLms;
        return hostile.record();
      }),
    letInteractionsThrough: (page) =>
      page.evaluate(() => {
        (
          window as unknown as { hostileLms: { letInteractionsThrough(): void } }
        ).hostileLms.letInteractionsThrough();
      }),
    closeModule: (page) =>
      page.evaluate(() => {
        document.getElementById('sco-frame')?.remove();
      }),
    async remove() {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * Runs in the host page (serialised by Playwright, so it uses nothing from outside itself): scorm-again's
 * API behind a misbehaving wrapper on `window.API` or `window.API_1484_11`, then the module's frame.
 */
function installHostileLms(options: HostileLmsOptions): void {
  type Method = (...args: string[]) => string;
  interface ScormAgain {
    loadFromFlattenedJSON(data: Record<string, string>): void;
    renderCommitCMI(terminate: boolean): unknown;
    getFlattenedCMI(): Record<string, unknown>;
    [method: string]: unknown;
  }
  const win = window as unknown as Record<string, unknown>;
  const is12 = options.standard === 'scorm12';
  const names = is12
    ? {
        own: 'API',
        other: 'API_1484_11',
        initialize: 'LMSInitialize',
        terminate: 'LMSFinish',
        getValue: 'LMSGetValue',
        setValue: 'LMSSetValue',
        commit: 'LMSCommit',
        lastError: 'LMSGetLastError',
        errorString: 'LMSGetErrorString',
        diagnostic: 'LMSGetDiagnostic',
      }
    : {
        own: 'API_1484_11',
        other: 'API',
        initialize: 'Initialize',
        terminate: 'Terminate',
        getValue: 'GetValue',
        setValue: 'SetValue',
        commit: 'Commit',
        lastError: 'GetLastError',
        errorString: 'GetErrorString',
        diagnostic: 'GetDiagnostic',
      };
  const otherNames = is12
    ? [
        'Initialize',
        'Terminate',
        'GetValue',
        'SetValue',
        'Commit',
        'GetLastError',
        'GetErrorString',
        'GetDiagnostic',
      ]
    : [
        'LMSInitialize',
        'LMSFinish',
        'LMSGetValue',
        'LMSSetValue',
        'LMSCommit',
        'LMSGetLastError',
        'LMSGetErrorString',
        'LMSGetDiagnostic',
      ];
  const Runtime = (is12 ? win.Scorm12API : win.Scorm2004API) as new (settings: object) => ScormAgain;
  const real = new Runtime({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
  real.loadFromFlattenedJSON({ ...(options.data ?? {}) });
  const call = (method: string, ...args: string[]): string =>
    String((real[method] as Method).apply(real, args));

  const flatten = (value: unknown, prefix: string, into: Record<string, string>): Record<string, string> => {
    if (value === null || value === undefined) return into;
    if (typeof value !== 'object') {
      into[prefix] = String(value);
      return into;
    }
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
    return into;
  };
  const calls: string[] = [];
  const otherCalls: string[] = [];
  let stored: Record<string, string> | null = null;
  let terminates = 0;
  let refusing = options.refuseInteractions === true;
  /** The error our wrapper reports for a refusal of its own; null: scorm-again's. */
  let ownError: string | null = null;
  const store = (terminating: boolean) => {
    stored = flatten(real.renderCommitCMI(terminating), '', {});
  };
  const refuse = (code: string) => {
    ownError = code;
    return 'false';
  };

  const api: Record<string, Method> = {
    [names.initialize]: (parameter = '') => {
      calls.push(names.initialize);
      ownError = null;
      const result = call(names.initialize, parameter);
      if (result === 'true') store(false);
      return result;
    },
    [names.terminate]: (parameter = '') => {
      calls.push(names.terminate);
      terminates += 1;
      ownError = null;
      if (options.terminate === 'false') return refuse('101');
      const result = call(names.terminate, parameter);
      if (result === 'true') store(true);
      return result;
    },
    [names.getValue]: (element = '') => {
      calls.push(`${names.getValue} ${element}`);
      ownError = null;
      const value = call(names.getValue, element);
      if (options.emptyGets) return '';
      if (options.gets && Object.hasOwn(options.gets, element)) {
        ownError = '0';
        return options.gets[element] ?? '';
      }
      return value;
    },
    [names.setValue]: (element = '', value = '') => {
      calls.push(`${names.setValue} ${element}`);
      ownError = null;
      if (refusing && element.startsWith('cmi.interactions.')) return refuse(is12 ? '101' : '351');
      return call(names.setValue, element, value);
    },
    [names.commit]: (parameter = '') => {
      calls.push(names.commit);
      ownError = null;
      if (options.commit === 'false') return refuse('101');
      if (options.commit === 'throw') throw new Error('the LMS server did not answer');
      if (options.commit === 'slow') {
        const until = performance.now() + 2000;
        while (performance.now() < until) {
          // A synchronous request to a slow LMS server: the page can do nothing else meanwhile.
        }
      }
      const result = call(names.commit, parameter);
      if (result === 'true') store(false);
      return result;
    },
    [names.lastError]: () => ownError ?? call(names.lastError),
    [names.errorString]: (code = '') => call(names.errorString, code),
    [names.diagnostic]: (code = '') => call(names.diagnostic, code),
  };

  if (options.initializedByLms) call(names.initialize, '');
  win[names.own] = api;
  if (options.otherApi) {
    const other: Record<string, Method> = {};
    for (const name of otherNames) {
      other[name] = (...args: string[]) => {
        otherCalls.push([name, ...args.slice(0, 1)].join(' '));
        if (/Initialize$/.test(name)) return options.otherApi === 'accepts' ? 'true' : 'false';
        if (/GetLastError$/.test(name)) return options.otherApi === 'accepts' ? '0' : '101';
        if (/GetValue$|ErrorString$|Diagnostic$/.test(name)) return '';
        return 'true';
      };
    }
    win[names.other] = other;
  }
  win.hostileLms = {
    record: () => ({
      calls: [...calls],
      otherCalls: [...otherCalls],
      stored,
      live: flatten(real.getFlattenedCMI(), '', {}),
      terminates,
    }),
    letInteractionsThrough: () => {
      refusing = false;
    },
  };

  const frame = document.createElement('iframe');
  frame.id = 'sco-frame';
  frame.title = 'Module';
  frame.style.width = '1000px';
  frame.style.height = '800px';
  frame.src = options.moduleUrl;
  document.body.append(frame);
}
