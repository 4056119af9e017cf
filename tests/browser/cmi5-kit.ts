/**
 * The LRS kit (../shared/lrs: ADL LRS + ADL's CATAPULT cmi5 player, started by .ci/run) as the cmi5 tests use
 * it: the player's API to import the package and make launch URLs, the LRS read back by registration, and an
 * "LMS page" on the player's origin that frames the AU the way an LMS does (so the frame driver plays it, and
 * its browser storage is first-party, as under a real LMS).
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';

export interface Kit {
  readonly lrsEndpoint: string;
  readonly lrsUser: string;
  readonly lrsPass: string;
  readonly playerUrl: string;
  readonly playerKey: string;
  readonly playerSecret: string;
  /** The kit's folder (.ci/run exports it): its up.sh restarts a service the fault test stopped. */
  readonly kitDir: string | undefined;
  readonly stateDir: string | undefined;
}

const REQUIRED = [
  'LRS_ENDPOINT',
  'LRS_USER',
  'LRS_PASS',
  'PLAYER_URL',
  'PLAYER_KEY',
  'PLAYER_SECRET',
] as const;

/** The kit from up.sh's variables, or the names of those missing. */
export function kitFromEnv(env: NodeJS.ProcessEnv = process.env): Kit | { readonly missing: string[] } {
  const missing = REQUIRED.filter((name) => !env[name]);
  if (missing.length > 0) return { missing };
  const value = (name: (typeof REQUIRED)[number]) => env[name] as string;
  return {
    lrsEndpoint: value('LRS_ENDPOINT').replace(/\/?$/, '/'),
    lrsUser: value('LRS_USER'),
    lrsPass: value('LRS_PASS'),
    playerUrl: value('PLAYER_URL').replace(/\/$/, ''),
    playerKey: value('PLAYER_KEY'),
    playerSecret: value('PLAYER_SECRET'),
    kitDir: env.LRS_KIT_DIR,
    stateDir: env.STATE_DIR,
  };
}

/** Says loudly, once per suite, that a suite did not run and why: CI must never skip it unnoticed. */
export function warnKitMissing(suite: string, missing: readonly string[]): void {
  const line = '!'.repeat(100);
  console.warn(
    [
      line,
      `!!! ${suite} DID NOT RUN: no LRS configured (${missing.join(', ')} not set).`,
      '!!! Start the kit and export its variables first (.ci/run does this itself):',
      '!!!   KIT=$(.ci/lrs-kit-dir ../shared/lrs); set -a; eval "$("$KIT/up.sh")"; LRS_KIT_DIR=$KIT; set +a',
      line,
    ].join('\n'),
  );
}

const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

export interface Launch {
  readonly url: string;
  readonly registration: string;
  readonly activityId: string;
  readonly actor: Record<string, unknown>;
}

export class Player {
  private token = '';
  private courseId = 0;

  constructor(private readonly kit: Kit) {}

  /** A tenant of its own, and the package imported into it as an LMS administrator would upload it. */
  async importCourse(zipPath: string): Promise<Record<string, unknown>> {
    const admin = basic(this.kit.playerKey, this.kit.playerSecret);
    const tenant = (await this.post('/tenant', admin, { code: `cmi5-tests-${Date.now()}` })) as {
      id: number;
    };
    this.token = (
      (await this.post('/auth', admin, { tenantId: tenant.id, audience: 'cmi5-tests' })) as { token: string }
    ).token;
    const course = (await this.post(
      '/course',
      `Bearer ${this.token}`,
      readFileSync(zipPath),
      'application/zip',
    )) as {
      id: number;
    };
    this.courseId = course.id;
    return course as unknown as Record<string, unknown>;
  }

  /** A launch URL of the one AU; a new registration unless `registration` continues one. */
  async launch(
    learner: string,
    options: { registration?: string; launchMode?: 'Normal' | 'Review' | 'Browse' } = {},
  ): Promise<Launch> {
    const actor = {
      objectType: 'Agent',
      name: `Dr ${learner}`,
      account: { homePage: 'https://lms.invalid', name: learner },
    };
    const { url } = (await this.post(`/course/${this.courseId}/launch-url/0`, `Bearer ${this.token}`, {
      actor,
      returnUrl: `${this.kit.playerUrl}/done`,
      ...(options.registration ? { reg: options.registration } : {}),
      ...(options.launchMode ? { launchMode: options.launchMode } : {}),
    })) as { url: string };
    const query = new URL(url).searchParams;
    return {
      url,
      registration: query.get('registration') ?? '',
      activityId: query.get('activityId') ?? '',
      actor,
    };
  }

  private async post(path: string, auth: string, body: unknown, type = 'application/json'): Promise<unknown> {
    const response = await fetch(`${this.kit.playerUrl}/api/v1${path}`, {
      method: 'POST',
      headers: { Authorization: auth, 'Content-Type': type },
      body: type === 'application/json' ? JSON.stringify(body) : new Blob([body as Uint8Array<ArrayBuffer>]),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`player ${path}: ${response.status} ${text}`);
    return JSON.parse(text);
  }
}

export type Statement = Record<string, unknown> & {
  id: string;
  verb: { id: string };
  result?: Record<string, unknown>;
  context?: { extensions?: Record<string, unknown> };
};

/** Every statement the LRS holds for a registration, oldest first (following `more` links). */
export async function statementsOf(kit: Kit, registration: string): Promise<Statement[]> {
  const headers = { Authorization: basic(kit.lrsUser, kit.lrsPass), 'X-Experience-API-Version': '1.0.3' };
  const all: Statement[] = [];
  let url = `${kit.lrsEndpoint}statements?${new URLSearchParams({ registration, ascending: 'true', limit: '100' })}`;
  for (let page = 0; page < 20 && url; page++) {
    const response = await fetch(url, { headers });
    if (!response.ok) throw new Error(`LRS statements: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { statements: Statement[]; more?: string };
    all.push(...body.statements);
    url = body.more ? new URL(body.more, kit.lrsEndpoint).href : '';
  }
  return all;
}

export const verbOf = (statement: Statement) => statement.verb.id.split('/').pop() ?? '';

/** Writes a State API document straight into the LRS, as a session that saved it there would have. */
export async function putState(kit: Kit, launch: Launch, stateId: string, document: unknown): Promise<void> {
  const query = new URLSearchParams({
    stateId,
    activityId: launch.activityId,
    agent: JSON.stringify(launch.actor),
    registration: launch.registration,
  });
  const response = await fetch(`${kit.lrsEndpoint}activities/state?${query}`, {
    method: 'PUT',
    headers: {
      Authorization: basic(kit.lrsUser, kit.lrsPass),
      'X-Experience-API-Version': '1.0.3',
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(document),
  });
  if (!response.ok) throw new Error(`LRS state: ${response.status} ${await response.text()}`);
}

/** The LMS page: `${playerUrl}/test-lms/<n>` frames `launchUrl` as #sco-frame (tests/browser/frame-driver.ts). */
export async function serveLmsPage(
  context: BrowserContext,
  kit: Kit,
): Promise<(launchUrl: string) => string> {
  const pages = new Map<string, string>();
  await context.route(`${kit.playerUrl}/test-lms/**`, (route) => {
    const launchUrl = pages.get(new URL(route.request().url()).pathname) ?? 'about:blank';
    const src = launchUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    void route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><title>LMS</title><iframe id="sco-frame" title="Module" src="${src}" style="width:100%;height:95vh;border:0"></iframe></html>`,
    });
  });
  return (launchUrl) => {
    const path = `/test-lms/${pages.size + 1}`;
    pages.set(path, launchUrl);
    return `${kit.playerUrl}${path}`;
  };
}
