/**
 * The UI's screen as stored in suspend_data and in the bookmark, and back. The bookmark (`location`) is
 * readable in LMS reports, so it names the node or screen; suspend_data only needs one letter.
 */
import type { ProgressScreen } from '../lms/suspend-data.ts';
import type { Screen } from '../ui/module-app.tsx';

export function progressScreenOf(screen: Screen): ProgressScreen {
  return screen.name === 'start' ? 'intro' : screen.name;
}

/** A feedback screen belongs to the last decision answered; a screen that no longer fits falls back to the node. */
export function screenOf(stored: ProgressScreen, lastDecisionId: string | undefined, ended: boolean): Screen {
  switch (stored) {
    case 'intro':
      return { name: 'start' };
    case 'feedback':
      return lastDecisionId ? { name: 'feedback', decisionId: lastDecisionId } : { name: 'node' };
    case 'debrief':
    case 'reflection':
    case 'certificate':
      return ended ? { name: stored } : { name: 'node' };
    default:
      return { name: 'node' };
  }
}

/** ≤ 255 characters (SCORM 1.2 CMIString256): node ids are ≤ 64. */
export function locationOf(screen: Screen, nodeId: string): string {
  if (screen.name === 'node') return nodeId;
  if (screen.name === 'feedback') return `${screen.decisionId}.feedback`;
  return screen.name;
}
