// One guard for every path that comes from outside (a URL or a zip entry): no way out of the package root.

/**
 * True when each '/'-separated segment is a plain name: not empty, not `.` or `..`, no backslash, NUL or
 * drive colon. Hostile paths are refused, never "cleaned", so what is served is exactly what was asked for.
 */
export function isSafeRelativePath(path: string): boolean {
  return path
    .split('/')
    .every(
      (segment) =>
        segment !== '' && segment !== '.' && segment !== '..' && !/[\\\0]|^[A-Za-z]:$/.test(segment),
    );
}
