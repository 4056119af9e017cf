/**
 * The IRIs of the cmi5 package: its course, its one AU, each decision as an activity, and the extensions we
 * define. The build writes the course and AU ids into cmi5.xml (plugins/cmi5-course-structure.ts) and the
 * browser builds decision ids and extension keys from the same functions, so both agree.
 *
 * They are URNs under `urn:gp-boundaries`, the namespace imsmanifest.xml already uses for our own elements
 * (`gpb:`): an IRI needs no domain behind it, and a URN claims no one's domain (xAPI 1.0.3 asks that an
 * activity id be under the creator's control). No version in them: a decision keeps its id across releases
 * (scenarios/released-ids.json), so an LRS can compare the same decision across versions.
 */

const NAMESPACE = 'urn:gp-boundaries';

/** The course: cmi5.xml `course/@id`. */
export function courseIri(moduleId: string): string {
  return `${NAMESPACE}:module:${segment(moduleId)}`;
}

/** The one AU: cmi5.xml `au/@id`, which a cmi5 LMS puts in every statement's context (publisher id). */
export function auIri(moduleId: string): string {
  return `${courseIri(moduleId)}:au`;
}

/** A decision of the scenario, the object of its "answered" statement. */
export function decisionIri(moduleId: string, decisionId: string): string {
  return `${courseIri(moduleId)}:decision:${segment(decisionId)}`;
}

/** result.extensions: the class of the choice made, `recommended`, `acceptable` or `poor`. */
export const CHOICE_CLASS_EXTENSION = `${NAMESPACE}:xapi:choice-class`;

/** result.extensions: the choice's points per principle, `{ "<principle id>": points }`. */
export const POINTS_BY_PRINCIPLE_EXTENSION = `${NAMESPACE}:xapi:points-by-principle`;

/** The State API document holding the learner's place (the suspend_data codec), per registration. */
export const PROGRESS_STATE_ID = `${NAMESPACE}:xapi:state:progress`;

// Ids are letters, digits, "_", "-" and "." already (module-identity.ts, the scenario loader); encoding keeps
// an IRI valid whatever slips through.
function segment(id: string): string {
  return encodeURIComponent(id);
}
