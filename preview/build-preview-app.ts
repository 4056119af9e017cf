// Bundles the preview page's browser code (preview/app/, scorm-again included) with Vite's build API into
// memory: nothing is written to disk, so a running `npm start` and the browser tests never race on files.
// The trainer view renders the trainer's report's per-trainee component (Preact) with the scenario and the
// version history, so the build has the same plugins as the report page's; its stylesheet follows preview.css.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { build, type Rollup } from 'vite';
import { scenarioPlugin } from '../plugins/scenario-plugin.ts';
import { trainerReportDataPlugin } from '../plugins/trainer-report-plugin.ts';

export interface AppAsset {
  readonly contentType: string;
  readonly body: Uint8Array;
}

/** Served under `/app/`, by file name. */
export type AppAssets = ReadonlyMap<string, AppAsset>;

export const APP_SCRIPT = 'preview-app.js';
export const APP_STYLES = 'preview.css';

const appDir = join(dirname(fileURLToPath(import.meta.url)), 'app');
const projectDir = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface PreviewAppOptions {
  /** The project whose scenarios/ and imsmanifest.xml the trainer view reads; default this repo. */
  readonly root?: string;
}

export async function buildPreviewApp(options: PreviewAppOptions = {}): Promise<AppAssets> {
  const root = options.root ?? projectDir;
  const result = await build({
    configFile: false,
    envDir: false,
    publicDir: false,
    root: appDir,
    logLevel: 'warn',
    plugins: [preact(), scenarioPlugin({ dir: join(root, 'scenarios') }), trainerReportDataPlugin({ root })],
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      target: 'es2022',
      minify: false,
      sourcemap: false,
      lib: { entry: join(appDir, 'main.ts'), formats: ['es'], fileName: () => APP_SCRIPT },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk' && o.fileName === APP_SCRIPT);
  if (chunk?.type !== 'chunk') throw new Error(`Vite built no ${APP_SCRIPT} for the preview page.`);
  const bundledCss = outputs
    .flatMap((o) => o.output)
    .filter((o): o is Rollup.OutputAsset => o.type === 'asset' && o.fileName.endsWith('.css'))
    .map((o) => (typeof o.source === 'string' ? o.source : Buffer.from(o.source).toString('utf8')));
  const encoder = new TextEncoder();
  const styles = [await readFile(join(appDir, APP_STYLES), 'utf8'), ...bundledCss].join('\n');
  return new Map<string, AppAsset>([
    [APP_SCRIPT, { contentType: 'text/javascript; charset=utf-8', body: encoder.encode(chunk.code) }],
    [APP_STYLES, { contentType: 'text/css; charset=utf-8', body: encoder.encode(styles) }],
  ]);
}
