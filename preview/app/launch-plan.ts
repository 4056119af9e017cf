// The LMS side of a launch: which attempt, which `entry`, and what data the SCO gets back. Pure, so the
// resume rules are tested without a browser.
import type { PreviewStandard } from '../package-info.ts';
import { cmiNames } from './cmi-names.ts';
import type { FlatCmi } from './flat-cmi.ts';

/** `review`: a finished attempt looked at again; `browse`: Moodle's "Preview" before an attempt. Both no-credit. */
export type LaunchMode = 'normal' | 'review' | 'browse';

/** What the preview keeps per package between launches (localStorage). */
export interface StoredAttempt {
  readonly attempt: number;
  /** Launches of this attempt in which the SCO called Initialize. */
  readonly sessions: number;
  /** The data as of the last Initialize, Commit or Terminate. */
  readonly cmi: FlatCmi;
}

export interface LmsLaunchData {
  readonly learnerId: string;
  readonly learnerName: string;
  readonly masteryScore: string | null;
  readonly launchData: string | null;
  readonly completionThreshold: string | null;
}

export interface LaunchPlan {
  readonly attempt: number;
  /** True when the stored attempt ended (2004 exit other than suspend) and this launch starts the next one. */
  readonly startsNewAttempt: boolean;
  readonly entry: '' | 'ab-initio' | 'resume';
  readonly mode: LaunchMode;
  /** Everything to load into the API before the SCO starts (dotted element names). */
  readonly startingData: FlatCmi;
}

export function planLaunch(
  standard: PreviewStandard,
  stored: StoredAttempt | null,
  mode: LaunchMode,
  lms: LmsLaunchData,
): LaunchPlan {
  const names = cmiNames(standard);
  const exit = stored?.cmi[names.exit] ?? '';
  const firstLaunch = !stored || stored.sessions === 0;
  // SCORM 2004 RTE 4.2.8: exit other than "suspend" ends the attempt and its data is not available on relaunch.
  // 1.2 keeps the data (Moodle 4.5 observed, scorm-notes §8), but only suspend gives entry=resume (1.2 RTE 3.4.4).
  const attemptEnded = !firstLaunch && standard !== 'scorm12' && exit !== 'suspend' && mode === 'normal';
  const fresh = firstLaunch || attemptEnded;
  const attempt = (stored?.attempt ?? 1) + (attemptEnded ? 1 : 0);
  const entry = fresh ? 'ab-initio' : exit === 'suspend' ? 'resume' : '';

  const data: Record<string, string> = fresh ? {} : carriedOver(stored?.cmi ?? {}, standard);
  data[names.learnerId] = lms.learnerId;
  data[names.learnerName] = lms.learnerName;
  data[names.entry] = entry;
  // SCORM 2004 RTE 4.2.6/4.2.15 and 1.2 RTE 3.4.4: review and browse go with no-credit.
  data[names.mode] = mode;
  data[names.credit] = mode === 'normal' ? 'credit' : 'no-credit';
  if (lms.masteryScore !== null) data[names.masteryScore] = lms.masteryScore;
  if (lms.launchData !== null) data[names.launchData] = lms.launchData;
  if (lms.completionThreshold !== null && names.completionThreshold) {
    data[names.completionThreshold] = lms.completionThreshold;
  }
  return { attempt, startsNewAttempt: attemptEnded, entry, mode, startingData: data };
}

/** The SCO's own data from the stored attempt; the LMS sets its own elements afresh on every launch. */
function carriedOver(cmi: FlatCmi, standard: PreviewStandard): Record<string, string> {
  const names = cmiNames(standard);
  const lmsOwned = new Set<string>([
    names.entry,
    names.exit,
    names.mode,
    names.credit,
    names.learnerId,
    names.learnerName,
    names.masteryScore,
    names.launchData,
    names.sessionTime,
    names.completionThreshold ?? '',
    'cmi.max_time_allowed',
    'cmi.time_limit_action',
  ]);
  const carried: Record<string, string> = {};
  for (const [element, value] of Object.entries(cmi)) {
    if (value === '' || lmsOwned.has(element)) continue;
    if (/\._(count|children|version)$|^cmi\._version$/.test(element)) continue;
    if (element.startsWith('cmi.student_data.') || element.startsWith('cmi.comments_from_lms')) continue;
    carried[element] = value;
  }
  return carried;
}
