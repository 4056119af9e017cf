// Bundles the preview page's browser code (preview/app/, scorm-again included) with Vite's build API into
// memory: nothing is written to disk, so a running `npm start` and the browser tests never race on files.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';

export interface AppAsset {
  readonly contentType: string;
  readonly body: Uint8Array;
}

/** Served under `/app/`, by file name. */
export type AppAssets = ReadonlyMap<string, AppAsset>;

export const APP_SCRIPT = 'preview-app.js';
export const APP_STYLES = 'preview.css';

const appDir = join(dirname(fileURLToPath(import.meta.url)), 'app');

export async function buildPreviewApp(): Promise<AppAssets> {
  const result = await build({
    configFile: false,
    envDir: false,
    publicDir: false,
    root: appDir,
    logLevel: 'warn',
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
  const encoder = new TextEncoder();
  return new Map<string, AppAsset>([
    [APP_SCRIPT, { contentType: 'text/javascript; charset=utf-8', body: encoder.encode(chunk.code) }],
    [APP_STYLES, { contentType: 'text/css; charset=utf-8', body: await readFile(join(appDir, APP_STYLES)) }],
  ]);
}
