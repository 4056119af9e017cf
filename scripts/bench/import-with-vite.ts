/**
 * Loads, in Node, a module whose imports reach the app's virtual modules (the frame driver's `t()` comes from
 * src/ui/ui-text.ts, which imports `virtual:locale`): through a Vite server in middleware mode, whose SSR
 * loader applies the project's own plugins. Nothing listens on a port. Close it when done.
 */
import path from 'node:path';
import { createServer } from 'vite';

export async function importWithVite<T>(
  root: string,
  file: string,
): Promise<{ module: T; close(): Promise<void> }> {
  const vite = await createServer({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    appType: 'custom',
    logLevel: 'error',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
  });
  try {
    const module = (await vite.ssrLoadModule(path.resolve(root, file))) as T;
    return { module, close: () => vite.close() };
  } catch (error) {
    await vite.close();
    throw error;
  }
}
