// The files a manifest lists: package-relative paths with "/" separators, as the IMS CP href attribute
// wants (xs:anyURI, relative to the manifest). The launch page comes first, then the rest in code-point
// order, so two builds write identical manifests.

export const LAUNCH_PAGE = 'index.html';

export function orderPackageFiles(files: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const file of files) {
    if (file === '' || file.startsWith('/') || file.includes('\\') || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(file))
      throw new Error(`package file "${file}" is not a relative path with "/" separators`);
    if (file.split('/').some((segment) => segment === '' || segment === '.' || segment === '..'))
      throw new Error(`package file "${file}" has an empty, "." or ".." segment`);
    if (seen.has(file)) throw new Error(`package file "${file}" is listed twice`);
    seen.add(file);
  }
  if (!seen.has(LAUNCH_PAGE)) throw new Error(`the package has no ${LAUNCH_PAGE} (the launch page)`);
  const rest = [...seen].filter((f) => f !== LAUNCH_PAGE).sort(compareCodePoints);
  return [LAUNCH_PAGE, ...rest];
}

/** A path as an href: each segment percent-encoded (RFC 3986), so spaces and "#" survive. */
export function hrefFor(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
