// A Vite logger that keeps what a dev server would print, for a test to read instead of the terminal.
import type { Logger } from 'vite';

export interface RecordingLogger extends Logger {
  readonly errors: readonly string[];
  readonly infos: readonly string[];
}

export function recordingLogger(): RecordingLogger {
  const errors: string[] = [];
  const infos: string[] = [];
  const warned = new Set<string>();
  return {
    errors,
    infos,
    hasWarned: false,
    info: (message) => void infos.push(message),
    warn: (message) => void infos.push(message),
    warnOnce: (message) => {
      if (!warned.has(message)) infos.push(message);
      warned.add(message);
    },
    error: (message) => void errors.push(message),
    clearScreen: () => {},
    hasErrorLogged: () => errors.length > 0,
  };
}
