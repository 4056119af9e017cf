/**
 * Opens the cmi5 package's session from its launch URL (cmi5 §8): reads the launch parameters, POSTs the fetch
 * URL once for the auth token, reads LMS.LaunchData and the learner preferences (before any statement: the
 * CATAPULT player refuses one sent earlier with 403 11.0.0.0-3) and the learner's saved place. Then the
 * session's verbs need no more waiting (cmi5-session.ts).
 *
 * Never throws and never rejects. Launch parameters that are missing altogether mean no LMS launched the page:
 * it runs standalone, as the SCORM packages do with no API. Parameters that are there but unusable (malformed,
 * an actor that is not JSON, a fetch URL already used, an LRS that answers HTML) give the same standalone run
 * with the "the learning platform did not accept this session" notice, and the reason in the console.
 */
import { type Cmi5LaunchParams, readCmi5LaunchParams } from './cmi5-launch-params.ts';
import { type ProgressState, readProgressDocument } from './cmi5-progress-state.ts';
import { Cmi5Session } from './cmi5-session.ts';
import type { XapiStatement } from './cmi5-statements.ts';
import { consoleLogger, type LmsLogger } from './lms-logger.ts';
import type { LmsSession } from './lms-port.ts';
import { refusedLaunchSession } from './open-lms-session.ts';
import { StandaloneSession, storageOf } from './standalone-session.ts';
import type { ReportingSettings } from './status-reporting.ts';
import { describeFailure, type FetchLike, type XapiResult, xapiRequest } from './xapi-http.ts';
import { PROGRESS_STATE_ID } from './xapi-iris.ts';
import { type OutboxEntry, type Timers, XapiOutbox } from './xapi-outbox.ts';

export interface OpenCmi5SessionOptions {
  readonly win: Window;
  /** imsmanifest.xml's identifier: decision activity ids and the standalone storage key. */
  readonly moduleId: string;
  /** Language tag of the module's words (gpb:locale), for activity names and descriptions. */
  readonly language: string;
  readonly reporting?: ReportingSettings | undefined;
  readonly fetch?: FetchLike;
  readonly now?: () => number;
  readonly uuid?: () => string;
  readonly log?: LmsLogger;
  readonly timers?: Timers;
  /** Waits before the second and third try of a launch read that got no answer or a 5xx. */
  readonly launchRetryMs?: readonly number[];
}

const LAUNCH_MODES = ['Normal', 'Browse', 'Review'] as const;

export async function openCmi5Session(options: OpenCmi5SessionOptions): Promise<LmsSession> {
  const log = options.log ?? consoleLogger;
  const standalone = (refused: boolean) =>
    refused
      ? refusedLaunchSession(options.win, options.moduleId)
      : new StandaloneSession({ moduleId: options.moduleId, storage: storageOf(options.win) });
  try {
    const read = readCmi5LaunchParams(options.win.location.search);
    if (read.kind === 'absent') return standalone(false);
    if (read.kind === 'invalid') {
      log.warn(`cmi5: ${read.reason}; running standalone`);
      return standalone(true);
    }
    const opened = await readLaunch(read.params, options);
    if (typeof opened === 'string') {
      log.warn(`cmi5: ${opened}; running standalone`);
      return standalone(true);
    }
    return opened;
  } catch (error) {
    log.warn(
      `cmi5: the launch failed (${error instanceof Error ? error.message : String(error)}); running standalone`,
    );
    return standalone(true);
  }
}

/** The session, or why the launch cannot be used. */
async function readLaunch(
  params: Cmi5LaunchParams,
  options: OpenCmi5SessionOptions,
): Promise<Cmi5Session | string> {
  const http = { fetch: options.fetch };
  const fetched = await xapiRequest({ method: 'POST', url: params.fetchUrl }, true, http);
  if (!fetched.ok) return describeFailure('the fetch URL', fetched.failure);
  const token = (fetched.json as Record<string, unknown> | null)?.['auth-token'];
  if (typeof token !== 'string' || token === '') return fetchRefusal(fetched.json);
  const auth = `Basic ${token}`;

  const get = (resource: string, query: Record<string, string>) =>
    withRetries(
      () =>
        xapiRequest(
          { method: 'GET', url: `${params.endpoint}${resource}?${new URLSearchParams(query)}`, auth },
          true,
          http,
        ),
      options.launchRetryMs ?? [1000, 2000],
    );
  const stateQuery = (stateId: string) => ({
    stateId,
    activityId: params.activityId,
    agent: params.actorJson,
    registration: params.registration,
  });

  const launchData = await get('activities/state', stateQuery('LMS.LaunchData'));
  if (!launchData.ok) return describeFailure('LMS.LaunchData', launchData.failure);
  const data = launchData.json as Record<string, unknown> | null;
  const template = data?.contextTemplate;
  const launchMode = LAUNCH_MODES.find((mode) => mode === data?.launchMode);
  if (typeof template !== 'object' || template === null || !launchMode)
    return 'LMS.LaunchData has no contextTemplate or launchMode (cmi5 §10.2.1)';
  const sessionId = (template as { extensions?: Record<string, unknown> }).extensions?.[
    'https://w3id.org/xapi/cmi5/context/extensions/sessionid'
  ];
  if (typeof sessionId !== 'string') return 'LMS.LaunchData.contextTemplate has no session id (cmi5 §10.2.1)';

  // Read before any statement, as cmi5 §11 requires; the module has nothing to set from it (its language and
  // audio come from imsmanifest.xml). 404 is normal: no preferences stored for this learner.
  const preferences = await get('agents/profile', {
    profileId: 'cmi5LearnerPreferences',
    agent: params.actorJson,
  });
  if (!preferences.ok && preferences.failure.status !== 404)
    return describeFailure('cmi5LearnerPreferences', preferences.failure);

  const saved = await get('activities/state', stateQuery(PROGRESS_STATE_ID));
  if (!saved.ok && saved.failure.status !== 404) return describeFailure('the saved place', saved.failure);
  const fromLrs = saved.ok ? readProgressDocument(saved.json) : null;

  // Review and browse send nothing that changes the result, so what an earlier page left unsent waits, under
  // its own key, for the next normal launch.
  const reviewing = launchMode !== 'Normal';
  const storageKey = `cmi5-outbox:${params.registration}${reviewing ? ':review' : ''}`;
  const storage = storageOf(options.win);
  const left = reviewing ? { entries: [], state: null } : XapiOutbox.load(storage, storageKey);
  const log = options.log ?? consoleLogger;
  const statements = (list: readonly XapiStatement[]) =>
    xapiRequest(
      {
        method: 'POST',
        url: `${params.endpoint}statements`,
        auth,
        body: list.length === 1 ? list[0] : list,
        keepalive: true,
      },
      true,
      http,
    );
  const outbox = new XapiOutbox(
    {
      transport: {
        postStatements: statements,
        putState: (document) =>
          xapiRequest(
            {
              method: 'PUT',
              url: `${params.endpoint}activities/state?${new URLSearchParams(stateQuery(PROGRESS_STATE_ID))}`,
              auth,
              body: document,
              keepalive: true,
            },
            false,
            http,
          ),
      },
      storage,
      storageKey,
      sessionId,
      log,
      ...(options.timers ? { timers: options.timers } : {}),
    },
    { entries: [], state: null },
  );
  const progress = later(fromLrs, left.state);
  return new Cmi5Session({
    facts: {
      actor: params.actor,
      activityId: params.activityId,
      registration: params.registration,
      contextTemplate: template as Record<string, unknown>,
      masteryScore: typeof data?.masteryScore === 'number' ? data.masteryScore : null,
      moduleId: options.moduleId,
      language: options.language,
    },
    launchMode,
    progress,
    leftovers: left.entries satisfies readonly OutboxEntry[],
    outbox,
    sessionId,
    reporting: options.reporting,
    now: options.now ?? Date.now,
    uuid: options.uuid ?? (() => crypto.randomUUID()),
    log,
  });
}

/** The fetch URL's refusal in words (cmi5 §8.2.3: error-code 1 means the URL was already used). */
function fetchRefusal(json: unknown): string {
  const answer = (json ?? {}) as Record<string, unknown>;
  if (String(answer['error-code']) === '1')
    return 'the fetch URL was already used (cmi5 allows one use; open the module again from the LMS)';
  const text = typeof answer['error-text'] === 'string' ? `: ${answer['error-text']}` : '';
  return `the fetch URL gave no auth-token${text}`;
}

/** The place written last; a copy the browser never got to send can be newer than the LRS's. */
function later(a: ProgressState | null, b: ProgressState | null): ProgressState | null {
  if (!a) return b;
  if (!b) return a;
  return b.at > a.at ? b : a;
}

/** Tries again after no answer or a 5xx: an LRS that is restarting answers a moment later. */
async function withRetries(run: () => Promise<XapiResult>, waits: readonly number[]): Promise<XapiResult> {
  let result = await run();
  for (const wait of waits) {
    if (result.ok || (result.failure.kind === 'http' && result.failure.status < 500)) return result;
    await new Promise((resolve) => setTimeout(resolve, wait));
    result = await run();
  }
  return result;
}
