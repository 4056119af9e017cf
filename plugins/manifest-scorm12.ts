import { manifestIdentifiers } from './manifest-identifiers.ts';
import { scoResources, singleItemOrganizations } from './manifest-parts.ts';
import { comment, element, writeXmlDocument } from './manifest-xml-writer.ts';
import { formatPercent, type ModuleIdentity } from './module-identity.ts';

// SCORM 1.2 CAM: imscp_rootv1p1p2 + adlcp_rootv1p2. No description is written: 1.2's imscp wildcard is
// ##other *strict*, so an element in our own namespace would need a schema of its own, and inline imsmd
// LOM would need imsmd_rootv1p2p1.xsd, which libxml2 2.13 cannot compile (scorm-notes §4).
export const SCORM12_SCHEMA_LOCATION = [
  'http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd',
  'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd',
  'http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd',
].join(' ');

export function writeScorm12Manifest(identity: ModuleIdentity, files: readonly string[]): string {
  const ids = manifestIdentifiers(identity.id);
  return writeXmlDocument(
    element(
      'manifest',
      {
        identifier: identity.id,
        version: identity.version,
        xmlns: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
        'xmlns:adlcp': 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
        'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
        'xsi:schemaLocation': SCORM12_SCHEMA_LOCATION,
      },
      element('metadata', {}, element('schema', {}, 'ADL SCORM'), element('schemaversion', {}, '1.2')),
      singleItemOrganizations(
        ids,
        identity.title,
        { isvisible: 'true' },
        comment('SCORM 1.2 CAM: mastery score 0-100, read back as cmi.student_data.mastery_score'),
        element('adlcp:masteryscore', {}, formatPercent(identity.passMark)),
      ),
      scoResources(
        ids,
        files,
        'adlcp:scormtype',
        'SCORM 1.2 spells the attribute scormtype, lowercase t (adlcp_rootv1p2.xsd)',
      ),
    ),
  );
}
