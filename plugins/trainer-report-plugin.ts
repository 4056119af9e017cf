/**
 * `dist/trainer-report.html`: the trainer's report as one self-contained file, built by `vite build` beside
 * the SCORM zips from the same scenario. After the main build, a second Vite build bundles
 * src/report-ui/main.tsx (Preact, papaparse, SheetJS) into one classic script; the page inlines it and the
 * stylesheet, and its Content-Security-Policy lets exactly those two through by their SHA-256 hashes: no
 * 'unsafe-inline', no eval, no network (connect-src 'none'). It opens from disk (file://) as from a server.
 *
 * The page learns every released version's ids and pass mark from scenarios/released-ids.json (pinned
 * per version by tests/tracking-ids.test.ts), served to it as `virtual:trainer-report`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import type { Plugin, ResolvedConfig } from 'vite';
import type { ModuleHistory } from '../src/report/module-versions.ts';
import { bundleClassicScript } from './bundle-classic-script.ts';
import { cspHash } from './csp-hash.ts';
import { escapeXml } from './manifest-xml-escape.ts';
import { readModuleIdentity } from './module-identity.ts';
import { scenarioPlugin } from './scenario-plugin.ts';

export const TRAINER_REPORT_FILE = 'trainer-report.html';
export const TRAINER_REPORT_MODULE = 'virtual:trainer-report';
const RESOLVED_TRAINER_REPORT = `\0${TRAINER_REPORT_MODULE}`;

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface TrainerReportOptions {
  /** The project folder (scenarios/, imsmanifest.xml, scenarios/released-ids.json); default this repo. */
  readonly root?: string;
}

/** What `virtual:trainer-report` exports: the version history, with the title and version imsmanifest.xml names. */
export function readModuleHistory(root = projectRoot): ModuleHistory {
  const pinned = JSON.parse(readFileSync(path.join(root, 'scenarios/released-ids.json'), 'utf8')) as {
    versions: ModuleHistory['versions'];
    passMarks?: ModuleHistory['passMarks'];
  };
  const identity = readModuleIdentity(path.join(root, 'imsmanifest.xml'));
  return {
    title: identity.title,
    current: identity.version,
    versions: pinned.versions,
    passMarks: pinned.passMarks ?? {},
  };
}

/** Serves `virtual:trainer-report` (the report page's build and the preview's). */
export function trainerReportDataPlugin(options: TrainerReportOptions = {}): Plugin {
  const root = options.root ?? projectRoot;
  return {
    name: 'trainer-report-data',
    resolveId: (id) => (id === TRAINER_REPORT_MODULE ? RESOLVED_TRAINER_REPORT : undefined),
    load(id) {
      if (id !== RESOLVED_TRAINER_REPORT) return undefined;
      this.addWatchFile(path.join(root, 'scenarios/released-ids.json'));
      this.addWatchFile(path.join(root, 'imsmanifest.xml'));
      return `export default ${JSON.stringify(readModuleHistory(root))};\n`;
    },
  };
}

/** The script and stylesheet of the report page, bundled in memory. */
export function bundleTrainerReport(root = projectRoot): Promise<{ js: string; css: string }> {
  return bundleClassicScript({
    root,
    entry: 'src/report-ui/main.tsx',
    name: 'TrainerReport',
    target: 'es2020',
    plugins: [preact(), scenarioPlugin(), trainerReportDataPlugin({ root })],
  });
}

/** The page: inline script and style, a CSP that admits exactly them, nothing fetched. */
export function trainerReportHtml(title: string, js: string, css: string): string {
  // Inside <script>, "</script" would end the element and "<!--" change how it is parsed; in a bundle they
  // can only stand in string literals, where "<\/" and "<\!" mean the same.
  const script = js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  if (css.includes('</style')) throw new Error('the trainer report stylesheet contains "</style"');
  const policy = [
    "default-src 'none'",
    `script-src ${cspHash(script)}`,
    `style-src ${cspHash(css)}`,
    'img-src data:',
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="referrer" content="no-referrer">
<title>Trainer’s report: ${escapeXml(title)}</title>
<link rel="icon" href="data:,">
<style>${css}</style>
</head>
<body>
<div id="app"><noscript><p>This report needs JavaScript, which runs only in this page: nothing is sent anywhere.</p></noscript></div>
<script>${script}</script>
</body>
</html>
`;
}

/** After `vite build`: writes trainer-report.html beside the zips (the parent of build.outDir). */
export function trainerReportPlugin(options: TrainerReportOptions = {}): Plugin {
  let config: ResolvedConfig | undefined;
  return {
    name: 'trainer-report',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async closeBundle(error) {
      if (error || !config || config.build.ssr) return;
      const root = options.root ?? config.root;
      const { js, css } = await bundleTrainerReport(root);
      const identity = readModuleIdentity(path.join(root, 'imsmanifest.xml'));
      const out = path.join(
        path.dirname(path.resolve(config.root, config.build.outDir)),
        TRAINER_REPORT_FILE,
      );
      const html = trainerReportHtml(identity.title, js, css);
      writeFileSync(out, html);
      config.logger.info(
        `${path.relative(config.root, out) || out} ${`${(html.length / 1000).toFixed(2)} kB`.padStart(10)}  trainer's report`,
      );
    },
  };
}
