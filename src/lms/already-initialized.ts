import type { ScormStandard } from './scorm-api.ts';

/**
 * How an LMS says Initialize was already called, and an element every session can read to check that the
 * session really is open. SCORM 1.2's 101 is "general exception", so the read decides.
 */
export interface AlreadyInitialized {
  readonly code: string;
  readonly probe: string;
  /** The values `probe` can have (its vocabulary): an answer outside it is no answer. */
  readonly values: readonly string[];
}

export const ALREADY_INITIALIZED: Readonly<Record<ScormStandard, AlreadyInitialized>> = {
  scorm12: {
    code: '101',
    probe: 'cmi.core.lesson_status',
    values: ['passed', 'completed', 'failed', 'incomplete', 'browsed', 'not attempted'],
  },
  scorm2004: {
    code: '103',
    probe: 'cmi.completion_status',
    values: ['completed', 'incomplete', 'not attempted', 'unknown'],
  },
};
