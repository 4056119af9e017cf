// What the preview LMS offers under `npm run dev`: one launch of the module per SCORM standard the build
// packages, each described by the manifest the build would write for it (title, pass mark, completion
// threshold), so the LMS side behaves as with the built zips. Vite serves the launch page itself.
import { LAUNCH_PAGE } from '../../plugins/manifest-file-list.ts';
import { readModuleIdentity } from '../../plugins/module-identity.ts';
import { SCORM_STANDARDS } from '../../plugins/scorm-standards.ts';
import type { PreviewPackageInfo } from '../package-info.ts';
import { readManifest } from '../read-manifest.ts';
import { LAUNCH_STANDARD_PARAM } from './live-preview-plugin.ts';

/** Throws the manifest's problem (file:line, fix) when imsmanifest.xml does not read. */
export function devPackages(manifestPath: string): PreviewPackageInfo[] {
  const identity = readModuleIdentity(manifestPath);
  return SCORM_STANDARDS.map((standard) => {
    const info = readManifest(standard.writeManifest(identity, [LAUNCH_PAGE]));
    const launchUrl = new URL(`/${info.launchHref}`, 'http://preview.invalid');
    launchUrl.searchParams.set(LAUNCH_STANDARD_PARAM, standard.api);
    return { ...info, name: `dev-${standard.key}`, launchUrl: `${launchUrl.pathname}${launchUrl.search}` };
  });
}
