import type { ContentPage } from '../model.ts';
import { didYouMean } from './did-you-mean.ts';
import type { Issue } from './issue.ts';
import { isRelativeSvg, normaliseRelative, packagePath } from './media-path.ts';
import type { Draft, Named } from './read-draft.ts';

/** Illustrations must exist (the package ships them) and pages must be defined in content/pages/. */
export function checkFiles(
  draft: Draft,
  pages: Readonly<Record<string, ContentPage>>,
  fileExists: (pathRelativeToScenarioFile: string) => boolean,
): Issue[] {
  const issues: Issue[] = [];
  const targets = new Map<string, string>();
  for (const node of draft.nodes) {
    const illustration: Named | undefined = node.illustration;
    if (illustration && isRelativeSvg(illustration.value)) {
      const source = normaliseRelative(illustration.value);
      const target = packagePath(source);
      const other = targets.get(target);
      if (!fileExists(illustration.value)) {
        issues.push({
          path: illustration.path,
          code: 'missing-file',
          message: `illustration file not found: ${illustration.value}`,
          hint: 'paths are relative to this scenario file, e.g. ../content/media/car-park.svg',
        });
      } else if (other !== undefined && other !== source) {
        issues.push({
          path: illustration.path,
          code: 'media-name-clash',
          message: `${illustration.value} and ${other} would both be packaged as ${target}`,
          hint: 'give the illustrations different file names',
        });
      }
      targets.set(target, other ?? source);
    }
    for (const page of node.pages) {
      if (Object.hasOwn(pages, page.value)) continue;
      issues.push({
        path: page.path,
        code: 'unknown-page',
        message: `no page "${page.value}" in content/pages/`,
        hint: didYouMean(
          page.value,
          Object.keys(pages),
          `add content/pages/${page.value}.md, or name an existing page${Object.keys(pages).length > 0 ? `: ${Object.keys(pages).join(', ')}` : ''}`,
        ),
      });
    }
  }
  return issues;
}
