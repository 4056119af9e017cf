/** The same check as the schema's `illustration` pattern: a relative path to an .svg, no URL scheme. */
const RELATIVE_SVG = /^(?![A-Za-z][A-Za-z0-9+.-]*:)(?!\/)[^\\?#]+\.svg$/;

export function isRelativeSvg(path: string): boolean {
  return RELATIVE_SVG.test(path);
}

/**
 * Where an illustration lands in the package: `media/<file name>`. Flat, so the path works from index.html
 * at the package root whatever folder the author kept the source in.
 */
export function packagePath(source: string): string {
  return `media/${source.slice(source.lastIndexOf('/') + 1)}`;
}

/** `a/./b/../c.svg` → `a/c.svg`, so two spellings of one file are not taken for two files. */
export function normaliseRelative(path: string): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && out.length > 0 && out.at(-1) !== '..') out.pop();
    else out.push(segment);
  }
  return out.join('/');
}
