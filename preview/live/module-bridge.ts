// Runs in the module's frame under `npm run dev` only: the live-preview plugin adds it to the dev server's
// launch page, so no build ever contains it. It passes the dev server's news to the preview LMS page around
// the frame, which relaunches the module through its own close-and-relaunch path: the session ends with
// exit=suspend and the next launch resumes (entry=resume), as in an LMS. A frame reloaded by Vite instead
// would start again under an API its last page had already terminated.
// Opened on its own (no preview page around it), the page reloads: the module keeps its place in the browser.
import {
  LIVE_EVENTS,
  LIVE_SOURCE,
  type LiveChange,
  type LiveMessage,
  type LiveProblem,
} from './live-messages.ts';

const hot = import.meta.hot;
const framed = window.parent !== window;

function post(message: LiveMessage): void {
  window.parent.postMessage(message, location.origin);
}

if (hot) {
  hot.on(LIVE_EVENTS.changed, (change: LiveChange) => {
    if (framed) post({ source: LIVE_SOURCE, kind: 'changed', reloadLms: change.reloadLms });
    else location.reload();
  });
  hot.on(LIVE_EVENTS.problem, (problem: LiveProblem) => {
    if (framed) post({ source: LIVE_SOURCE, kind: 'problem', text: problem.text });
    if (problem.text !== null) console.error(problem.text);
  });
  // A frame opened while a problem stands hears of it at once, not at the next save.
  hot.send(LIVE_EVENTS.ask);
}
