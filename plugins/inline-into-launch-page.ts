import type { OutputAsset, OutputBundle, OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';

/** Inlines a bundle file into the launch page: the new page and the file it consumed (null when none). */
export type LaunchPageInliner = (
  html: string,
  read: (fileName: string) => string | undefined,
) => { readonly html: string; readonly used: string | null };

function textOf(item: OutputChunk | OutputAsset): string {
  if (item.type === 'chunk') return item.code;
  return typeof item.source === 'string' ? item.source : Buffer.from(item.source).toString('utf8');
}

/**
 * A build plugin that runs `inline` over the built index.html once the bundle is written, and drops the file
 * it put inside the page from the package (inline-stylesheet.ts, inline-app-script.ts).
 */
export function inlineIntoLaunchPagePlugin(name: string, inline: LaunchPageInliner): Plugin {
  return {
    name,
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle: OutputBundle) {
      const page = bundle['index.html'];
      if (page?.type !== 'asset') return;
      const { html, used } = inline(textOf(page), (fileName) => {
        const item = bundle[fileName];
        return item ? textOf(item) : undefined;
      });
      page.source = html;
      if (used) delete bundle[used];
    },
  };
}
