import { hrefFor, LAUNCH_PAGE, orderPackageFiles } from './manifest-file-list.ts';
import { manifestIdentifiers } from './manifest-identifiers.ts';
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
  const title = element('title', {}, identity.title);
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
      element(
        'organizations',
        { default: ids.organization },
        element(
          'organization',
          { identifier: ids.organization },
          title,
          element(
            'item',
            { identifier: ids.item, identifierref: ids.resource, isvisible: 'true' },
            title,
            comment('SCORM 1.2 CAM: mastery score 0-100, read back as cmi.student_data.mastery_score'),
            element('adlcp:masteryscore', {}, formatPercent(identity.passMark)),
          ),
        ),
      ),
      element(
        'resources',
        {},
        comment('SCORM 1.2 spells the attribute scormtype, lowercase t (adlcp_rootv1p2.xsd)'),
        element(
          'resource',
          {
            identifier: ids.resource,
            type: 'webcontent',
            'adlcp:scormtype': 'sco',
            href: hrefFor(LAUNCH_PAGE),
          },
          ...orderPackageFiles(files).map((f) => element('file', { href: hrefFor(f) })),
        ),
      ),
    ),
  );
}
