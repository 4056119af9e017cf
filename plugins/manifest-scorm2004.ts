import { manifestIdentifiers } from './manifest-identifiers.ts';
import { scoResources, singleItemOrganizations } from './manifest-parts.ts';
import { comment, element, writeXmlDocument } from './manifest-xml-writer.ts';
import { formatFraction, type ModuleIdentity } from './module-identity.ts';

export type Scorm2004Edition = '3rd' | '4th';

// SCORM 2004 CAM: the same namespaces and schema files in the 3rd and 4th Edition; only schemaversion and
// the schema files' content differ. Same header as ADL's own 4th Edition test packages.
// No description is written: 3rd Edition's imscp_v1p1.xsd wildcards are ##other *strict*, so an element in
// our own namespace would need a schema of its own, and the LOM schemas are not in the package we read.
export const SCORM2004_SCHEMA_LOCATION = [
  'http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd',
  'http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd',
  'http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd',
  'http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd',
  'http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd',
].join(' ');

export function writeScorm2004ThirdEditionManifest(
  identity: ModuleIdentity,
  files: readonly string[],
): string {
  return writeScorm2004Manifest('3rd', identity, files);
}

export function writeScorm2004FourthEditionManifest(
  identity: ModuleIdentity,
  files: readonly string[],
): string {
  return writeScorm2004Manifest('4th', identity, files);
}

function writeScorm2004Manifest(
  edition: Scorm2004Edition,
  identity: ModuleIdentity,
  files: readonly string[],
): string {
  const ids = manifestIdentifiers(identity.id);
  return writeXmlDocument(
    element(
      'manifest',
      {
        identifier: identity.id,
        version: identity.version,
        xmlns: 'http://www.imsglobal.org/xsd/imscp_v1p1',
        'xmlns:adlcp': 'http://www.adlnet.org/xsd/adlcp_v1p3',
        'xmlns:adlseq': 'http://www.adlnet.org/xsd/adlseq_v1p3',
        'xmlns:adlnav': 'http://www.adlnet.org/xsd/adlnav_v1p3',
        'xmlns:imsss': 'http://www.imsglobal.org/xsd/imsss',
        'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
        'xsi:schemaLocation': SCORM2004_SCHEMA_LOCATION,
      },
      element(
        'metadata',
        {},
        element('schema', {}, 'ADL SCORM'),
        element('schemaversion', {}, `2004 ${edition} Edition`),
      ),
      singleItemOrganizations(
        ids,
        identity.title,
        {},
        comment(
          'imsss_v1p0.xsd sequencingType order: ... objectives, randomizationControls, deliveryControls',
        ),
        sequencing(identity.passMark),
      ),
      scoResources(
        ids,
        files,
        'adlcp:scormType',
        'SCORM 2004 spells the attribute scormType, capital T (adlcp_v1p3.xsd)',
      ),
    ),
  );
}

function sequencing(passMark: number) {
  return element(
    'imsss:sequencing',
    {},
    element(
      'imsss:objectives',
      {},
      comment('SCORM 2004 RTE: cmi.scaled_passing_score is initialised from minNormalizedMeasure'),
      element(
        'imsss:primaryObjective',
        { objectiveID: 'PRIMARY_OBJ', satisfiedByMeasure: 'true' },
        element('imsss:minNormalizedMeasure', {}, formatFraction(passMark)),
      ),
    ),
    comment('SAP KBA 3403728: without both, SuccessFactors marks the SCO complete on Continue/Quit'),
    element('imsss:deliveryControls', { completionSetByContent: 'true', objectiveSetByContent: 'true' }),
  );
}
