/**
 * The statements the cmi5 session sends, as plain objects. Pure: ids and times come from the caller.
 *
 * - cmi5-defined (cmi5 §9.3): initialized, completed, passed, failed, terminated. Object: the AU's activity id
 *   from the launch; context: LMS.LaunchData's contextTemplate (its session id and publisher grouping) plus
 *   the registration and the cmi5 category, and the moveOn category on completed / passed / failed (§9.6.2).
 * - cmi5 "allowed" (§9.1): one "answered" statement per decision, with the same context template but no cmi5
 *   category. Its object is the decision (xapi-iris.ts), its result the choice made, its success, points and
 *   points by principle.
 */
import { formatIsoDuration } from './cmi-formats.ts';
import type { XapiAgent } from './cmi5-launch-params.ts';
import type { DecisionRecord } from './lms-port.ts';
import { CHOICE_CLASS_EXTENSION, decisionIri, POINTS_BY_PRINCIPLE_EXTENSION } from './xapi-iris.ts';

export type XapiStatement = Readonly<Record<string, unknown>> & { readonly id: string };
export type Cmi5DefinedVerb = 'initialized' | 'completed' | 'passed' | 'failed' | 'terminated';

const VERB_BASE = 'http://adlnet.gov/expapi/verbs/';
export const ANSWERED_VERB = `${VERB_BASE}answered`;
export const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
export const MOVE_ON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
export const MASTERY_SCORE_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
export const SESSION_ID_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const INTERACTION_TYPE = 'http://adlnet.gov/expapi/activities/cmi.interaction';

/** What every statement of one session shares. */
export interface Cmi5StatementFacts {
  readonly actor: XapiAgent;
  /** The AU's activity id from the launch URL: the object of cmi5-defined statements. */
  readonly activityId: string;
  readonly registration: string;
  /** LMS.LaunchData.contextTemplate, used as given (cmi5 §10.2.1). */
  readonly contextTemplate: Readonly<Record<string, unknown>>;
  /** LMS.LaunchData.masteryScore, null when the LMS sets none. */
  readonly masteryScore: number | null;
  /** imsmanifest.xml's identifier: the first part of each decision's activity id. */
  readonly moduleId: string;
  /** Language tag of the words in activity definitions (gpb:locale). */
  readonly language: string;
}

export interface Cmi5Score {
  /** 0–1, compared with the mastery score. */
  readonly scaled: number;
  /** Percent 0–100, as SCORM's score.raw. */
  readonly raw: number;
}

export interface Cmi5DefinedOptions {
  readonly id: string;
  readonly at: number;
  /** Time in this session so far: required on completed, passed, failed and terminated (§9.5.4.1). */
  readonly durationMs?: number;
  readonly score?: Cmi5Score;
}

export function cmi5DefinedStatement(
  facts: Cmi5StatementFacts,
  verb: Cmi5DefinedVerb,
  options: Cmi5DefinedOptions,
): XapiStatement {
  const moveOn = verb === 'completed' || verb === 'passed' || verb === 'failed';
  const result: Record<string, unknown> = {};
  if (verb === 'completed') result.completion = true;
  if (verb === 'passed' || verb === 'failed') {
    result.success = verb === 'passed';
    if (options.score) result.score = scoreOf(options.score, facts.masteryScore, verb === 'passed');
  }
  if (verb !== 'initialized') result.duration = formatIsoDuration(options.durationMs ?? 0);
  const masteryScore =
    (verb === 'passed' || verb === 'failed') && facts.masteryScore !== null
      ? { [MASTERY_SCORE_EXTENSION]: facts.masteryScore }
      : {};
  return {
    id: options.id,
    actor: facts.actor,
    verb: { id: `${VERB_BASE}${verb}`, display: { 'en-US': verb } },
    object: { objectType: 'Activity', id: facts.activityId },
    ...(verb === 'initialized' ? {} : { result }),
    context: contextOf(facts, moveOn ? [CMI5_CATEGORY, MOVE_ON_CATEGORY] : [CMI5_CATEGORY], masteryScore),
    timestamp: new Date(options.at).toISOString(),
  };
}

/**
 * passed needs scaled ≥ masteryScore and failed scaled < masteryScore (§9.3.4, §9.3.5); the module's own
 * verdict allows 1e-9 of floating-point slack (lms-records.ts) and scaled is sent to 6 decimals, so a score
 * that close to the mark is sent on the verdict's side of it.
 */
function scoreOf(score: Cmi5Score, masteryScore: number | null, passed: boolean) {
  let scaled = round(score.scaled, 6);
  if (masteryScore !== null && passed) scaled = Math.max(scaled, masteryScore);
  if (masteryScore !== null && !passed && scaled >= masteryScore)
    scaled = Math.min(score.scaled, masteryScore - 1e-6);
  return { scaled, raw: round(score.raw, 2), min: 0, max: 100 };
}

/** One decision as a cmi5 allowed statement; null for a record without its detail (nothing to say in words). */
export function decisionStatement(
  facts: Cmi5StatementFacts,
  decision: DecisionRecord,
  id: string,
): XapiStatement | null {
  const detail = decision.detail;
  if (!detail) return null;
  const words = (text: string) => ({ [facts.language]: text });
  return {
    id,
    actor: facts.actor,
    verb: { id: ANSWERED_VERB, display: { 'en-US': 'answered' } },
    object: {
      objectType: 'Activity',
      id: decisionIri(facts.moduleId, decision.interactionId),
      definition: {
        type: INTERACTION_TYPE,
        name: words(detail.title),
        description: words(decision.description),
        interactionType: 'choice',
        correctResponsesPattern: [decision.correctResponseId],
        choices: detail.choices.map((choice) => ({ id: choice.id, description: words(choice.text) })),
      },
    },
    result: {
      response: decision.responseId,
      // Recommended and acceptable choices are defensible (acceptable costs points, never the pass); poor is not.
      success: detail.choiceClass !== 'poor',
      score: { raw: detail.points, min: detail.minPoints, max: detail.maxPoints },
      duration: formatIsoDuration(decision.latencyMs),
      extensions: {
        [CHOICE_CLASS_EXTENSION]: detail.choiceClass,
        [POINTS_BY_PRINCIPLE_EXTENSION]: detail.pointsByPrinciple,
      },
    },
    context: contextOf(facts, [], {}, { parent: [{ objectType: 'Activity', id: facts.activityId }] }),
    timestamp: new Date(decision.timestamp).toISOString(),
  };
}

/**
 * A statement made in an earlier session of this registration and never acknowledged, moved into this
 * session: the same id, verb, object, result and time, this session's context. cmi5 lets a session send only
 * statements carrying its own session id (the player refuses others with 10.2.1.0-6).
 */
export function inSession(statement: XapiStatement, facts: Cmi5StatementFacts): XapiStatement {
  const old = (statement.context ?? {}) as Record<string, unknown>;
  const activities = (old.contextActivities ?? {}) as Record<string, unknown>;
  const categories = ((activities.category ?? []) as { id?: unknown }[])
    .map((activity) => activity.id)
    .filter((id): id is string => id === CMI5_CATEGORY || id === MOVE_ON_CATEGORY);
  const extensions = (old.extensions ?? {}) as Record<string, unknown>;
  const masteryScore =
    MASTERY_SCORE_EXTENSION in extensions && facts.masteryScore !== null
      ? { [MASTERY_SCORE_EXTENSION]: facts.masteryScore }
      : {};
  const parent = activities.parent ? { parent: [{ objectType: 'Activity', id: facts.activityId }] } : {};
  return { ...statement, context: contextOf(facts, categories, masteryScore, parent) };
}

/** The statement's cmi5-defined verb, or null for an allowed statement. */
export function cmi5VerbOf(statement: XapiStatement): Cmi5DefinedVerb | null {
  const verb = (statement.verb as { id?: unknown } | undefined)?.id;
  if (typeof verb !== 'string' || !verb.startsWith(VERB_BASE)) return null;
  const name = verb.slice(VERB_BASE.length);
  const defined: readonly string[] = ['initialized', 'completed', 'passed', 'failed', 'terminated'];
  const context = statement.context as { contextActivities?: { category?: { id?: unknown }[] } } | undefined;
  const isCmi5 = context?.contextActivities?.category?.some((c) => c.id === CMI5_CATEGORY) ?? false;
  return isCmi5 && defined.includes(name) ? (name as Cmi5DefinedVerb) : null;
}

/** The template (kept whole: the player checks it key by key), the registration, categories added last. */
function contextOf(
  facts: Cmi5StatementFacts,
  categories: readonly string[],
  extensions: Readonly<Record<string, unknown>>,
  moreActivities: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  const template = JSON.parse(JSON.stringify(facts.contextTemplate)) as Record<string, unknown>;
  const activities = (template.contextActivities ?? {}) as Record<string, unknown[]>;
  const category = [...(activities.category ?? []), ...categories.map((id) => ({ id }))];
  const parent = [...(activities.parent ?? []), ...((moreActivities.parent as unknown[]) ?? [])];
  return {
    ...template,
    registration: facts.registration,
    contextActivities: {
      ...activities,
      ...(parent.length > 0 ? { parent } : {}),
      ...(category.length > 0 ? { category } : {}),
    },
    extensions: { ...(template.extensions as Record<string, unknown> | undefined), ...extensions },
  };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
