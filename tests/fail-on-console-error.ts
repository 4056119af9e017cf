/**
 * Vitest setup (vite.config.ts `test.setupFiles`): a test during which an error is printed fails.
 *
 * A green run prints no errors. A test that provokes one on purpose captures it with
 * `vi.spyOn(console, 'error').mockImplementation(...)`, which sits on top of this guard, and checks it. Any other
 * error is a real problem (a failure the module swallowed, a library complaining about misuse, jsdom's "Not
 * implemented") that a passing test would hide in the log. The error is still printed, so it shows next to the
 * failure. console.warn and console.log are left alone: they still print, and are not errors.
 *
 * An error printed between tests (in a beforeAll, or late from an earlier test) fails the next test.
 */
import { afterEach } from 'vitest';

const unexpected: string[] = [];
const print = console.error.bind(console);
console.error = (...args: unknown[]) => {
  unexpected.push(args.map(String).join(' '));
  print(...args);
};

// jsdom (the environment of the UI tests) reports what it cannot do ("Not implemented: Window's alert() method")
// and uncaught errors in its page as "jsdomError"s, which its virtual console prints straight to Node's console,
// past the console.error above. Vitest's jsdom environment exposes the JSDOM instance as `jsdom`.
interface JsdomGlobal {
  jsdom?: { virtualConsole: { on(event: 'jsdomError', listener: (error: Error) => void): void } };
}
(globalThis as JsdomGlobal).jsdom?.virtualConsole.on('jsdomError', (error) => {
  unexpected.push(`jsdom: ${error.message}`);
});

afterEach(() => {
  if (unexpected.length === 0) return;
  const printed = unexpected.splice(0);
  throw new Error(
    `an error was printed (a test that expects it captures it with vi.spyOn):\n${printed.join('\n')}`,
  );
});
