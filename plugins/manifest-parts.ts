import { hrefFor, LAUNCH_PAGE, orderPackageFiles } from './manifest-file-list.ts';
import type { manifestIdentifiers } from './manifest-identifiers.ts';
import { comment, element, type XmlNode } from './manifest-xml-writer.ts';

// The parts both standards' manifests share: one organization with one item, and one SCO resource.

type Identifiers = ReturnType<typeof manifestIdentifiers>;

/** organizations → one organization → one item, both titled, the item launching the one resource. */
export function singleItemOrganizations(
  ids: Identifiers,
  title: string,
  itemAttributes: Readonly<Record<string, string>>,
  ...itemChildren: readonly XmlNode[]
): XmlNode {
  const titled = element('title', {}, title);
  return element(
    'organizations',
    { default: ids.organization },
    element(
      'organization',
      { identifier: ids.organization },
      titled,
      element(
        'item',
        { identifier: ids.item, identifierref: ids.resource, ...itemAttributes },
        titled,
        ...itemChildren,
      ),
    ),
  );
}

/**
 * resources → the one SCO, launched by the launch page, listing every file of the package. The standards
 * spell the SCO-type attribute differently, so each writer names its own and says why in `note`.
 */
export function scoResources(
  ids: Identifiers,
  files: readonly string[],
  scormTypeAttribute: 'adlcp:scormtype' | 'adlcp:scormType',
  note: string,
): XmlNode {
  return element(
    'resources',
    {},
    comment(note),
    element(
      'resource',
      {
        identifier: ids.resource,
        type: 'webcontent',
        [scormTypeAttribute]: 'sco',
        href: hrefFor(LAUNCH_PAGE),
      },
      ...orderPackageFiles(files).map((f) => element('file', { href: hrefFor(f) })),
    ),
  );
}
