/**
 * Runs `work` after the browser has painted the next frame.
 *
 * LMS calls (Commit is often a synchronous HTTP request) must never sit between a learner's click and the
 * screen that answers it: render first, then commit. A rAF callback runs before paint, so the work is
 * pushed one task further with a zero-delay timeout. Hidden pages get no rAF, so a timeout backs it up.
 */
export function afterNextPaint(work: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    work();
  };
  if (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible') {
    requestAnimationFrame(() => setTimeout(run, 0));
    setTimeout(run, 250);
  } else {
    setTimeout(run, 0);
  }
}
