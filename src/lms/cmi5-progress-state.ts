/**
 * The learner's place in a cmi5 registration: one State API document (xapi-iris.ts PROGRESS_STATE_ID), since
 * cmi5 has no suspend_data. It holds the same strings the SCORM packages write (the bookmark and the
 * suspend-data codec of suspend-data.ts), the reflection, and the status the module last reported, which
 * SCORM LMSs keep for the module and an LRS does not hand back. Pure; reading never throws.
 */
import type { PreviousStatus } from './lms-port.ts';

export interface ProgressState {
  /** Epoch ms the document was written: between the LRS's copy and one kept in the browser, the later wins. */
  readonly at: number;
  readonly location: string;
  readonly suspendData: string;
  readonly reflection: string;
  readonly status: PreviousStatus;
}

export const EMPTY_PROGRESS: ProgressState = {
  at: 0,
  location: '',
  suspendData: '',
  reflection: '',
  status: { completion: 'not attempted', success: 'unknown' },
};

const VERSION = 1;

export function progressDocument(state: ProgressState): Record<string, unknown> {
  return { v: VERSION, ...state };
}

/** The state in a document, or null when the document is absent, foreign or damaged. */
export function readProgressDocument(value: unknown): ProgressState | null {
  if (typeof value !== 'object' || value === null) return null;
  const doc = value as Record<string, unknown>;
  if (doc.v !== VERSION) return null;
  const text = (field: unknown) => (typeof field === 'string' ? field : '');
  const status = (doc.status ?? {}) as Record<string, unknown>;
  const completions: readonly PreviousStatus['completion'][] = ['incomplete', 'completed'];
  const successes: readonly PreviousStatus['success'][] = ['passed', 'failed'];
  return {
    at: typeof doc.at === 'number' && Number.isFinite(doc.at) ? doc.at : 0,
    location: text(doc.location),
    suspendData: text(doc.suspendData),
    reflection: text(doc.reflection),
    status: {
      completion: completions.find((c) => c === status.completion) ?? 'not attempted',
      success: successes.find((s) => s === status.success) ?? 'unknown',
    },
  };
}
