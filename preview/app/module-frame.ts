// The module's iframe, as an LMS hosts a SCO: same origin, so it finds the API on window.parent.

const UNLOAD_TIMEOUT_MS = 3000;

export function mountModuleFrame(host: HTMLElement, src: string, title: string): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.id = 'sco-frame';
  frame.title = `Module: ${title}`;
  frame.src = src;
  host.replaceChildren(frame);
  return frame;
}

/**
 * Navigates the frame away so the SCO's own unload handlers run (and may set exit, commit and terminate),
 * as when a learner closes an LMS player window; then removes it.
 */
export function unmountModuleFrame(frame: HTMLIFrameElement): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      frame.remove();
      resolve();
    };
    const timer = setTimeout(done, UNLOAD_TIMEOUT_MS);
    frame.addEventListener('load', done, { once: true });
    frame.src = 'about:blank';
  });
}
