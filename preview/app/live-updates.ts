// `npm run dev` only: acts on what the module frame's bridge (preview/live/module-bridge.ts) passes on. An edit
// that loads cleanly relaunches the module through the preview's own close-and-relaunch path, so the learner
// resumes where they were, and then the trainer view takes the edited scenario; a problem shows above the module,
// which keeps running the last good version.
import { isLiveMessage, LIVE_TRAINER_DATA_PATH } from '../live/live-messages.ts';
import type { PreviewLmsHooks } from './preview-lms.ts';
import { replaceTrainerData, type TrainerData } from './trainer-data.ts';

/** How long the trainer view waits for the module's frame before it asks anyway. */
const FRAME_LOAD_WAIT_MS = 5000;

/**
 * The scenario and version history as the dev server has them now; the trainer view keeps its own if not.
 * Asked once the module's frame has loaded: reading the scenario takes the dev server's one thread for a
 * moment, which the module's own ~100 requests should not wait behind.
 */
async function refreshTrainerData(win: Window, lms: PreviewLmsHooks): Promise<void> {
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, FRAME_LOAD_WAIT_MS);
    const frame = win.document.getElementById('sco-frame');
    frame?.addEventListener(
      'load',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
    if (!frame) resolve();
  });
  try {
    const response = await win.fetch(LIVE_TRAINER_DATA_PATH, { cache: 'no-store' });
    if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
    replaceTrainerData((await response.json()) as TrainerData);
    lms.refreshTrainerView();
  } catch (error) {
    console.warn(`live preview: the trainer view keeps the scenario it had (${String(error)})`);
  }
}

export function followLiveUpdates(win: Window, lms: PreviewLmsHooks, problemBox: HTMLElement): void {
  // The page's own bundle was built when `npm run dev` started: the files may have changed since.
  void refreshTrainerData(win, lms);
  // One relaunch at a time, in the order the edits came.
  let queue: Promise<void> = Promise.resolve();
  win.addEventListener('message', (event) => {
    const frame = win.document.getElementById('sco-frame') as HTMLIFrameElement | null;
    if (event.origin !== win.location.origin || !frame || event.source !== frame.contentWindow) return;
    const message: unknown = event.data;
    if (!isLiveMessage(message)) return;
    if (message.kind === 'problem') {
      problemBox.textContent = message.text ?? '';
      problemBox.hidden = message.text === null;
      return;
    }
    queue = queue.then(async () => {
      if (!message.reloadLms) {
        await lms.reopen();
        return refreshTrainerData(win, lms);
      }
      // imsmanifest.xml changed what the LMS itself shows (title, pass mark): a fresh page, which resumes.
      await lms.close();
      win.location.reload();
    });
  });
}
