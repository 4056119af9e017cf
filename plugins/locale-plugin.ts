/**
 * Serves the interface's words as `virtual:locale` (src/ui/ui-text.ts formats from it): the locale file that
 * imsmanifest.xml's <gpb:locale> chooses, checked and compiled at build time into a flat object, or its
 * pseudo-localised form in Vite's `pseudo` mode. Also writes the locale into `<html lang>`. A problem in the
 * locale file stops the build with every problem listed.
 */
import path from 'node:path';
import type { Plugin } from 'vite';
import type { CompiledLocale } from '../src/ui/format-message.ts';
import { formatLocaleProblems, LOCALE_DIR, readLocaleFile } from './locale-file.ts';
import { readModuleIdentity } from './module-identity.ts';
import { PSEUDO_MODE, pseudoLocale } from './pseudo-locale.ts';

export const LOCALE_MODULE = 'virtual:locale';
const RESOLVED_LOCALE_MODULE = `\0${LOCALE_MODULE}`;

export class LocaleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocaleError';
  }
}

/**
 * The locale a learner reads in a build of Vite `mode`: the manifest's, or the pseudo-locale made from it.
 * Throws a LocaleError listing every problem of the locale file.
 */
export function learnerLocale(root: string, manifest: string, mode: string): CompiledLocale {
  const { locale: tag } = readModuleIdentity(path.resolve(root, manifest));
  const result = readLocaleFile(root, tag);
  if (!result.ok) throw new LocaleError(formatLocaleProblems(result.problems));
  return mode === PSEUDO_MODE ? pseudoLocale(result.locale) : result.locale;
}

export function localePlugin(manifest = 'imsmanifest.xml'): Plugin {
  let root = process.cwd();
  let mode = 'production';
  const compile = (): CompiledLocale => learnerLocale(root, manifest, mode);

  return {
    name: 'locale',
    configResolved(config) {
      root = config.root;
      mode = config.mode;
    },
    buildStart() {
      // Fail before bundling, with the file, line and fix of every problem.
      if (this.environment.config.command !== 'build') return;
      try {
        compile();
      } catch (error) {
        if (error instanceof LocaleError) this.error(error.message);
        throw error;
      }
    },
    resolveId(id) {
      return id === LOCALE_MODULE ? RESOLVED_LOCALE_MODULE : undefined;
    },
    load(id) {
      if (id !== RESOLVED_LOCALE_MODULE) return undefined;
      // `vite dev` reloads the page when either changes.
      const manifestPath = path.resolve(root, manifest);
      this.addWatchFile(manifestPath);
      this.addWatchFile(path.resolve(root, LOCALE_DIR, `${readModuleIdentity(manifestPath).locale}.yaml`));
      try {
        return `export default ${JSON.stringify(compile())};\n`;
      } catch (error) {
        if (error instanceof LocaleError) this.error(error.message);
        throw error;
      }
    },
    transformIndexHtml(html) {
      return html.replace(/<html lang="[^"]*"/, `<html lang="${compile().lang}"`);
    },
  };
}
