import { cmi5MoveOn } from '../src/lms/cmi5-reporting.ts';
import { auIri, courseIri } from '../src/lms/xapi-iris.ts';
import { hrefFor, LAUNCH_PAGE } from './manifest-file-list.ts';
import { comment, element, writeXmlDocument } from './manifest-xml-writer.ts';
import { formatFraction, type ModuleIdentity } from './module-identity.ts';

export const CMI5_COURSE_STRUCTURE = 'cmi5.xml';
export const CMI5_NAMESPACE = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';

/**
 * cmi5.xml (cmi5 §13): one course with one AU, everything from imsmanifest.xml's identity. The AU's url is
 * relative, so the LMS serves it from the package (§14.1.1); masteryScore is the pass mark as a fraction, the
 * same number as 2004's minNormalizedMeasure; moveOn follows gpb:statusReporting (src/lms/cmi5-reporting.ts
 * says why). No launchParameters: the module needs none.
 */
export function writeCmi5CourseStructure(identity: ModuleIdentity): string {
  const words = (text: string) => element('langstring', { lang: identity.locale }, text);
  return writeXmlDocument(
    element(
      'courseStructure',
      { xmlns: CMI5_NAMESPACE },
      element(
        'course',
        { id: courseIri(identity.id) },
        element('title', {}, words(identity.title)),
        element('description', {}, words(identity.description)),
      ),
      comment(`version ${identity.version}; moveOn from gpb:statusReporting ${identity.statusReporting}`),
      element(
        'au',
        {
          id: auIri(identity.id),
          moveOn: cmi5MoveOn(identity.statusReporting),
          masteryScore: formatFraction(identity.passMark),
          launchMethod: 'AnyWindow',
        },
        element('title', {}, words(identity.title)),
        element('description', {}, words(identity.description)),
        element('url', {}, hrefFor(LAUNCH_PAGE)),
      ),
    ),
  );
}
