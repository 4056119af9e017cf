import { readFileSync } from 'node:fs';
import {
  DEFAULT_REPORTING,
  SCORM2004_FINISHED_EXITS,
  type Scorm2004FinishedExit,
  STATUS_REPORTINGS,
  type StatusReporting,
} from '../src/lms/status-reporting.ts';
import { type Fail, MODULE_NAMESPACE, normaliseSpace, readChoice, readLocale } from './manifest-settings.ts';
import { childrenNamed, readXml, type XmlElement, XmlSyntaxError } from './manifest-xml-reader.ts';

// The module's identity, read from the top-level imsmanifest.xml: the one place it is written.
export interface ModuleIdentity {
  /** manifest/@identifier; an XML NCName without spaces (it is also the start of every zip's name). */
  readonly id: string;
  /** organization/title */
  readonly title: string;
  /** gpb:description in the manifest's <metadata> */
  readonly description: string;
  /** gpb:provider in the manifest's <metadata>: who provides the module, named on the certificate */
  readonly provider: string;
  /** manifest/@version, MAJOR.MINOR.PATCH */
  readonly version: string;
  /** imsss:minNormalizedMeasure of the primary objective, 0–1 (0.7 = 70 %) */
  readonly passMark: number;
  /**
   * gpb:statusReporting in <metadata>: what a finished attempt reports as its status (src/lms/status-reporting.ts);
   * passed-failed when absent.
   */
  readonly statusReporting: StatusReporting;
  /**
   * gpb:scorm2004ExitWhenFinished in <metadata>: the cmi.exit a finished SCORM 2004 attempt sends; suspend when
   * absent (src/lms/scorm2004-session.ts says why).
   */
  readonly scorm2004ExitWhenFinished: Scorm2004FinishedExit;
  /** gpb:locale in <metadata>: the BCP 47 tag of the learner's language (content/locale/<tag>.yaml); en-GB when absent. */
  readonly locale: string;
}

export const IMSCP_NAMESPACE = 'http://www.imsglobal.org/xsd/imscp_v1p1';
export const IMSSS_NAMESPACE = 'http://www.imsglobal.org/xsd/imsss';
export { MODULE_NAMESPACE };

export class ModuleIdentityError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`${file}:${line}: ${problem}\n  Fix: ${fix}`);
    this.name = 'ModuleIdentityError';
  }
}

// xs:ID is an NCName. Oracle Learning also rejects spaces in identifiers, and the id names the zips, so it
// stays within letters, digits, "_", "-" and ".".
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
// imscp_rootv1p1p2.xsd (SCORM 1.2) limits manifest/@version to 20 characters.
const VERSION = /^\d+\.\d+\.\d+$/;
const VERSION_MAX_LENGTH = 20;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

export function readModuleIdentity(file: string): ModuleIdentity {
  return parseModuleIdentity(readFileSync(file, 'utf8'), file);
}

export function parseModuleIdentity(source: string, file: string): ModuleIdentity {
  const fail = (line: number, problem: string, fix: string): never => {
    throw new ModuleIdentityError(file, line, problem, fix);
  };
  let manifest: XmlElement;
  try {
    manifest = readXml(source);
  } catch (error) {
    if (error instanceof XmlSyntaxError)
      return fail(error.line, `malformed XML: ${error.problem}`, error.fix);
    throw error;
  }
  const only = (parent: XmlElement, namespace: string, localName: string, fix: string): XmlElement => {
    const found = childrenNamed(parent, namespace, localName);
    const [first, second] = found;
    if (!first) return fail(parent.line, `<${parent.name}> has no <${localName}>.`, fix);
    if (second) return fail(second.line, `<${parent.name}> has more than one <${localName}>.`, 'keep one.');
    return first;
  };

  if (manifest.namespace !== IMSCP_NAMESPACE || manifest.localName !== 'manifest')
    fail(
      manifest.line,
      `the root element is <${manifest.name}> in "${manifest.namespace}", not a SCORM 2004 <manifest>.`,
      `start with <manifest xmlns="${IMSCP_NAMESPACE}" identifier="…" version="…">.`,
    );

  const id = manifest.attributes.identifier;
  if (id === undefined)
    return fail(
      manifest.line,
      '<manifest> has no identifier.',
      'add identifier="gp_professional_boundaries".',
    );
  checkIdentifier(id, 'manifest identifier', manifest.line, fail);

  const version = manifest.attributes.version;
  if (version === undefined)
    return fail(manifest.line, '<manifest> has no version.', 'add version="1.0.0" (MAJOR.MINOR.PATCH).');
  if (!VERSION.test(version) || version.length > VERSION_MAX_LENGTH)
    fail(
      manifest.line,
      `version "${version}" is not MAJOR.MINOR.PATCH (at most ${VERSION_MAX_LENGTH} characters).`,
      'write it like version="1.0.0"; it names the zips.',
    );

  const metadata = only(
    manifest,
    IMSCP_NAMESPACE,
    'metadata',
    'add <metadata> with <schema>, <schemaversion>, <gpb:description> and <gpb:provider>.',
  );
  const descriptionElement = only(
    metadata,
    MODULE_NAMESPACE,
    'description',
    `add <gpb:description xmlns:gpb="${MODULE_NAMESPACE}">One sentence for GP trainees.</gpb:description>.`,
  );
  const description = normaliseSpace(descriptionElement.text);
  if (description === '')
    fail(
      descriptionElement.line,
      'the description is empty.',
      'write one sentence that tells a GP trainee what the module covers.',
    );

  const providerElement = only(
    metadata,
    MODULE_NAMESPACE,
    'provider',
    `add <gpb:provider xmlns:gpb="${MODULE_NAMESPACE}">Who provides the module</gpb:provider>.`,
  );
  const provider = normaliseSpace(providerElement.text);
  if (provider === '')
    fail(
      providerElement.line,
      'the provider is empty.',
      'name who provides the module, as the certificate should show it.',
    );

  const statusReporting = readChoice(
    metadata,
    'statusReporting',
    STATUS_REPORTINGS,
    DEFAULT_REPORTING.statusReporting,
    'what a finished attempt reports as its status',
    fail,
  );
  const scorm2004ExitWhenFinished = readChoice(
    metadata,
    'scorm2004ExitWhenFinished',
    SCORM2004_FINISHED_EXITS,
    DEFAULT_REPORTING.scorm2004ExitWhenFinished,
    'the exit a finished SCORM 2004 attempt sends',
    fail,
  );
  const locale = readLocale(metadata, fail);

  const organizations = only(
    manifest,
    IMSCP_NAMESPACE,
    'organizations',
    'add <organizations> with one <organization>.',
  );
  const organization = only(
    organizations,
    IMSCP_NAMESPACE,
    'organization',
    'add <organization identifier="…"><title>…</title><item …/></organization>.',
  );
  const organizationId = organization.attributes.identifier;
  if (organizationId === undefined)
    return fail(organization.line, '<organization> has no identifier.', `add identifier="${id}_org".`);
  checkIdentifier(organizationId, 'organization identifier', organization.line, fail);

  const titleElement = only(
    organization,
    IMSCP_NAMESPACE,
    'title',
    'add <title>The module title</title> first in <organization>.',
  );
  const title = normaliseSpace(titleElement.text);
  if (title === '')
    fail(titleElement.line, 'the organization title is empty.', 'write the module title in <title>.');

  const item = only(organization, IMSCP_NAMESPACE, 'item', 'add one <item> for the module.');
  const itemTitle = childrenNamed(item, IMSCP_NAMESPACE, 'title')[0];
  if (itemTitle && normaliseSpace(itemTitle.text) !== title)
    fail(
      itemTitle.line,
      `the item title "${normaliseSpace(itemTitle.text)}" differs from the organization title "${title}".`,
      'make them the same (the build writes one title); the organization title is the one read.',
    );

  const passMark = readPassMark(item, fail);
  return {
    id,
    title,
    description,
    provider,
    version,
    passMark,
    statusReporting,
    scorm2004ExitWhenFinished,
    locale,
  };
}

function checkIdentifier(value: string, what: string, line: number, fail: Fail): void {
  if (/\s/.test(value))
    fail(
      line,
      `the ${what} "${value}" contains spaces; Oracle Learning rejects identifiers with spaces.`,
      `write it with underscores, e.g. "${value.trim().replace(/\s+/g, '_')}".`,
    );
  if (!IDENTIFIER.test(value))
    fail(
      line,
      `the ${what} "${value}" is not a valid identifier.`,
      'start with a letter or "_" and use only letters, digits, "_", "-" and ".".',
    );
}

function readPassMark(item: XmlElement, fail: Fail): number {
  const path = ['sequencing', 'objectives', 'primaryObjective', 'minNormalizedMeasure'] as const;
  const fix =
    'give the item <imsss:sequencing><imsss:objectives><imsss:primaryObjective objectiveID="PRIMARY_OBJ" ' +
    'satisfiedByMeasure="true"><imsss:minNormalizedMeasure>0.7</imsss:minNormalizedMeasure>…';
  let element = item;
  for (const localName of path) {
    const next = childrenNamed(element, IMSSS_NAMESPACE, localName)[0];
    if (!next)
      return fail(
        element.line,
        `the pass mark is missing: <${element.name}> has no imsss:${localName}.`,
        fix,
      );
    if (localName === 'primaryObjective' && next.attributes.satisfiedByMeasure !== 'true')
      fail(
        next.line,
        'the primary objective does not say satisfiedByMeasure="true", so LMSs would ignore the pass mark.',
        'add satisfiedByMeasure="true" to <imsss:primaryObjective>.',
      );
    element = next;
  }
  const text = element.text.trim();
  if (!DECIMAL.test(text))
    return fail(
      element.line,
      `the pass mark "${text}" is not a number.`,
      'write the pass mark as a fraction: 0.7 for 70 %.',
    );
  const passMark = Number(text);
  if (passMark < 0 || passMark > 1)
    fail(
      element.line,
      `the pass mark ${text} means ${formatPercent(passMark)} %, outside 0–100 %.`,
      'write the pass mark as a fraction between 0 and 1: 0.7 for 70 %.',
    );
  return passMark;
}

/** 0.7 → "70"; rounds away floating-point noise (0.07 * 100 = 7.000000000000001). */
export function formatPercent(fraction: number): string {
  return String(Math.round(fraction * 1e6) / 1e4);
}

/** 0.7 → "0.7", never exponent notation (xs:decimal has none): at most 6 decimals. */
export function formatFraction(fraction: number): string {
  return String(Math.round(fraction * 1e6) / 1e6);
}
