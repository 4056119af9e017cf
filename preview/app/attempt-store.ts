// The preview's "database": one stored attempt per package in localStorage, so a page reload resumes.
import type { StoredAttempt } from './launch-plan.ts';

const keyFor = (packageName: string): string => `preview-lms:v1:${packageName}`;

export function loadAttempt(storage: Storage, packageName: string): StoredAttempt | null {
  const text = storage.getItem(keyFor(packageName));
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<StoredAttempt>;
    const cmiIsStrings =
      typeof value.cmi === 'object' &&
      value.cmi !== null &&
      Object.values(value.cmi).every((v) => typeof v === 'string');
    if (typeof value.attempt === 'number' && typeof value.sessions === 'number' && cmiIsStrings) {
      return value as StoredAttempt;
    }
  } catch {
    // A hand-edited or older record: start clean rather than fail the preview.
  }
  return null;
}

export function saveAttempt(storage: Storage, packageName: string, attempt: StoredAttempt): void {
  storage.setItem(keyFor(packageName), JSON.stringify(attempt));
}
