import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, createServer } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { scenarioPlugin } from '../plugins/scenario-plugin';

const FIXTURES = path.resolve('tests/fixtures/scenarios');
const roots: string[] = [];

/** A throwaway project: index.html importing the virtual module, and the given scenario files. */
function project(scenarios: Readonly<Record<string, string>>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'scenario-plugin-'));
  roots.push(root);
  mkdirSync(path.join(root, 'scenarios'));
  cpSync(path.join(FIXTURES, 'media'), path.join(root, 'scenarios', 'media'), { recursive: true });
  cpSync(path.join(FIXTURES, 'pages'), path.join(root, 'content', 'pages'), { recursive: true });
  for (const [name, fixture] of Object.entries(scenarios)) {
    cpSync(path.join(FIXTURES, fixture), path.join(root, 'scenarios', name));
  }
  writeFileSync(
    path.join(root, 'index.html'),
    '<!doctype html><script type="module" src="./main.js"></script>',
  );
  writeFileSync(
    path.join(root, 'main.js'),
    "import scenario, { scenarios } from 'virtual:scenario';\n" +
      'document.title = scenario.id + Object.keys(scenarios).join();\n',
  );
  return root;
}

function buildProject(root: string) {
  return build({
    root,
    configFile: false,
    logLevel: 'silent',
    base: './',
    plugins: [scenarioPlugin()],
    build: { outDir: 'dist', emptyOutDir: true, minify: false },
  });
}

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('the scenario Vite plugin', () => {
  it('bundles the scenario as virtual:scenario and copies its illustrations to media/', async () => {
    const root = project({ 'boundaries.yaml': 'valid-minimal.yaml' });
    await buildProject(root);
    const assets = readdirSync(path.join(root, 'dist', 'assets'));
    const script = readFileSync(
      path.join(root, 'dist', 'assets', assets.find((f) => f.endsWith('.js')) ?? ''),
      'utf8',
    );
    expect(script).toContain('After clinic');
    expect(script).toContain('media/car-park.svg');
    expect(readFileSync(path.join(root, 'dist', 'media', 'car-park.svg'), 'utf8')).toBe(
      readFileSync(path.join(FIXTURES, 'media', 'car-park.svg'), 'utf8'),
    );
  });

  it('fails the build listing every problem with file, line and column', async () => {
    const root = project({ 'boundaries.yaml': 'several-problems.yaml' });
    const failure = await buildProject(root).then(
      () => 'built',
      (error: Error) => error.message,
    );
    expect(failure).toContain('5 problems in the scenario files (nothing was built):');
    expect(failure).toContain(
      'scenarios/boundaries.yaml:70:15 error[unknown-target]: goto names no node "ending_pore"',
    );
    expect(failure).toContain('scenarios/boundaries.yaml:66:5 error[unknown-key]');
    expect(existsSync(path.join(root, 'dist', 'index.html'))).toBe(false);
  });

  it('fails the build with a clear message when there is no scenario yet', async () => {
    const root = project({});
    const failure = await buildProject(root).then(
      () => 'built',
      (error: Error) => error.message,
    );
    expect(failure).toContain('no scenario found in scenarios/ (expected scenarios/boundaries.yaml).');
    expect(failure).toContain('The folder has no .yaml files.');
  });

  it('serves the scenario and its illustrations from the dev server', async () => {
    const root = project({ 'boundaries.yaml': 'valid-minimal.yaml' });
    const server = await createServer({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [scenarioPlugin()],
      server: { port: 0, strictPort: false, ws: false },
    });
    try {
      await server.listen();
      const address = server.httpServer?.address();
      const base = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
      const module = await (await fetch(`${base}/@id/__x00__virtual:scenario`)).text();
      expect(module).toContain('"title":"After clinic"');
      const svg = await fetch(`${base}/media/car-park.svg`);
      expect(svg.headers.get('content-type')).toBe('image/svg+xml');
      expect(await svg.text()).toBe(readFileSync(path.join(FIXTURES, 'media', 'car-park.svg'), 'utf8'));
    } finally {
      await server.close();
    }
  });
});
