/**
 * Saves when the learner may be leaving. Browsers give no reliable moment to write on close, so:
 * - `visibilitychange` to hidden (tab switched, window minimised, phone locked): save and commit, since the
 *   page may be discarded without another event;
 * - `pagehide` (the frame or window is going away): save, commit and terminate (scorm-notes §7.11).
 * Terminate is idempotent in every session, so an LMS that also calls it or a second event does no harm.
 */
import type { LmsSession, ProgressSnapshot } from './lms-port.ts';

/** Returns a function that removes the listeners. */
export function attachPageLifecycle(
  win: Window,
  session: Pick<LmsSession, 'saveProgress' | 'commit' | 'terminate'>,
  getSnapshot: () => ProgressSnapshot | null,
): () => void {
  const save = () => {
    let snapshot: ProgressSnapshot | null = null;
    try {
      snapshot = getSnapshot();
    } catch {
      // A failing snapshot must not stop the commit and terminate that follow; the last save stands.
    }
    if (snapshot) session.saveProgress(snapshot);
    session.commit();
  };
  const onVisibilityChange = () => {
    if (win.document.visibilityState === 'hidden') save();
  };
  const onPageHide = () => {
    save();
    session.terminate();
    detach();
  };
  const detach = () => {
    win.document.removeEventListener('visibilitychange', onVisibilityChange);
    win.removeEventListener('pagehide', onPageHide);
  };
  win.document.addEventListener('visibilitychange', onVisibilityChange);
  win.addEventListener('pagehide', onPageHide);
  return detach;
}
