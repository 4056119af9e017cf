import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { identityAgreementPlugin } from './plugins/identity-agreement.ts';
import { inlineAppScriptPlugin } from './plugins/inline-app-script.ts';
import { inlineStylesheetPlugin } from './plugins/inline-stylesheet.ts';
import { launchPagePlugin } from './plugins/launch-page-plugin.ts';
import { localePlugin } from './plugins/locale-plugin.ts';
import { scenarioPlugin } from './plugins/scenario-plugin.ts';
import { scormPackagePlugin } from './plugins/scorm-package-plugin.ts';
import { staticFirstScreenPlugin } from './plugins/static-first-screen.ts';
import { trainerReportPlugin } from './plugins/trainer-report-plugin.ts';

// Wiring only: behaviour lives in plugins/ (build-time code, Node) and src/ (browser code).
export default defineConfig({
  // Relative URLs: LMSs serve packages from deep sub-paths, often through a script.
  base: './',
  plugins: [
    preact(),
    scenarioPlugin(),
    localePlugin(),
    identityAgreementPlugin(),
    launchPagePlugin(),
    staticFirstScreenPlugin(),
    inlineStylesheetPlugin(),
    inlineAppScriptPlugin(),
    scormPackagePlugin(),
    trainerReportPlugin(),
  ],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    // No module preload polyfill: it fetches nothing we need and adds bytes before the first screen.
    modulePreload: false,
  },
  test: {
    include: [
      'src/**/*.test.{ts,tsx}',
      'tests/**/*.test.{ts,tsx}',
      'plugins/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    passWithNoTests: false,
    // A test that prints an unexpected console.error fails; expected ones are captured by the test itself.
    setupFiles: ['tests/fail-on-console-error.ts'],
  },
});
