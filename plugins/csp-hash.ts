import { createHash } from 'node:crypto';

/** The Content-Security-Policy source that admits exactly this inline script or style: no 'unsafe-inline'. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}
