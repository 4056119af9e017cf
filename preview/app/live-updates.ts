// `npm run dev` only: acts on what the module frame's bridge (preview/live/module-bridge.ts) passes on. An edit
// that loads cleanly relaunches the module through the preview's own close-and-relaunch path, so the learner
// resumes where they were; a problem shows above the module, which keeps running the last good version.
import { isLiveMessage } from '../live/live-messages.ts';
import type { PreviewLmsHooks } from './preview-lms.ts';

export function followLiveUpdates(win: Window, lms: PreviewLmsHooks, problemBox: HTMLElement): void {
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
      if (!message.reloadLms) return lms.reopen();
      // imsmanifest.xml changed what the LMS itself shows (title, pass mark): a fresh page, which resumes.
      await lms.close();
      win.location.reload();
    });
  });
}
