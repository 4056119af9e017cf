/** Where the LMS layer writes what went wrong with the platform: the console, or a test's capture. */
export interface LmsLogger {
  warn(message: string, details?: Readonly<Record<string, unknown>>): void;
}

export const consoleLogger: LmsLogger = {
  warn: (message, details) => console.warn(`[LMS] ${message}`, details ?? ''),
};
