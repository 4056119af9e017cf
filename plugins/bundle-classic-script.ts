/**
 * One page script, bundled in memory by a second Vite build: a classic (IIFE) script with its stylesheet, for
 * a page that inlines both under its Content-Security-Policy hashes (the trainer's report, the cmi5 launch
 * page's own script). Nothing is written to disk.
 */
import path from 'node:path';
import { build, type PluginOption, type Rollup } from 'vite';

export interface ClassicScriptOptions {
  readonly root: string;
  /** The entry, relative to `root`. */
  readonly entry: string;
  /** The IIFE's global name (nothing reads it: the entry does its work when it runs). */
  readonly name: string;
  readonly target: string | false | string[];
  readonly plugins?: PluginOption[];
}

export async function bundleClassicScript(
  options: ClassicScriptOptions,
): Promise<{ js: string; css: string }> {
  const result = await build({
    configFile: false,
    envDir: false,
    publicDir: false,
    root: options.root,
    logLevel: 'warn',
    plugins: options.plugins ?? [],
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      target: options.target,
      minify: true,
      sourcemap: false,
      cssCodeSplit: false,
      emptyOutDir: false,
      lib: {
        entry: path.join(options.root, options.entry),
        formats: ['iife'],
        name: options.name,
        fileName: () => 'script.js',
        cssFileName: 'style',
      },
    },
  });
  const items = ((Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[]).flatMap(
    (o) => o.output,
  );
  const chunk = items.find((o) => o.type === 'chunk');
  const css = items.find((o) => o.type === 'asset' && o.fileName.endsWith('.css'));
  if (chunk?.type !== 'chunk') throw new Error(`Vite built no script from ${options.entry}.`);
  return { js: chunk.code, css: css?.type === 'asset' ? Buffer.from(css.source).toString('utf8') : '' };
}
