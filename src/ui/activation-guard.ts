import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';

/**
 * How long after a new screen is painted an activation on it is taken as the tail of the one that changed the
 * screen, not as the learner's own. 500 ms is the default double-click interval of Windows (and close to
 * macOS's and GNOME's 400–500 ms): the second click of any double click the OS would recognise comes within
 * it of the first, so within it of the paint the first one caused, wherever it lands. It also covers a
 * bounced key and the first auto-repeat of a held one (the OS repeat delay is 250–1000 ms; focus has left
 * the button for the new h1 long before a later repeat). A deliberate click is never delayed: it needs the
 * learner to see the new screen and find its button, which takes longer than this (a visual reaction alone is
 * about 250 ms), and a click after it acts at once. Chromium guards its own dialogs the same way, ignoring
 * input within the double-click interval of their being shown.
 */
export const ACTIVATION_GUARD_MS = 500;

/**
 * Every activation reaches the page as a click; a press of the mouse (or a tap) before it would also move the
 * focus off the new h1 onto whatever is under the pointer.
 */
const GUARDED_EVENTS = ['mousedown', 'click'] as const;

/** Until the new screen's paint is known, nothing on it may act. */
const NOT_YET_PAINTED = Number.POSITIVE_INFINITY;
/** A hidden or throttled page gets no frame callback; this stands in for its paint. */
const PAINT_FALLBACK_MS = 250;

/**
 * True when an activation that happened at `eventTime` (an event's `timeStamp`: when the learner acted, not
 * when the page got round to it) may act on a screen painted at `paintedAt`, both on the page's
 * `performance.now()` clock.
 */
export function activationAllowed(eventTime: number, paintedAt: number): boolean {
  return eventTime - paintedAt >= ACTIVATION_GUARD_MS;
}

/**
 * Stops, in the document of `root`, every click that comes within ACTIVATION_GUARD_MS of the paint of a new screen (a change
 * of `screenKey`), or before it. Every activation reaches the page as a click: mouse, touch, pen, Enter and
 * Space on a button, Enter in a form (it clicks the submit button), so one capture listener covers them all
 * and no button can be left out; a stopped click also has its default prevented (no form submission, no
 * radio checked), and a stopped mouse press leaves the focus on the new screen's h1. Nothing is disabled or
 * drawn differently. The first screen is not guarded: the page
 * arrived with it already on view (plugins/static-first-screen.ts), so a click on it is meant for it.
 */
export function useActivationGuard(root: RefObject<HTMLElement>, screenKey: string): void {
  const paintedAt = useRef(Number.NEGATIVE_INFINITY);
  const firstScreen = useRef(true);

  // A layout effect runs in the same task as the render, so no click can reach the new screen before it.
  // The key is the trigger, not a value read inside.
  useLayoutEffect(() => {
    if (firstScreen.current) {
      firstScreen.current = false;
      return;
    }
    paintedAt.current = NOT_YET_PAINTED;
    return afterNextPaint(() => {
      paintedAt.current = performance.now();
    });
  }, [screenKey]);

  useEffect(() => {
    // The whole document, not only the module: a press on the page around it would still take the focus.
    const element = root.current?.ownerDocument;
    if (!element) return;
    const guard = (event: Event) => {
      if (activationAllowed(event.timeStamp, paintedAt.current)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    for (const type of GUARDED_EVENTS) element.addEventListener(type, guard, { capture: true });
    return () => {
      for (const type of GUARDED_EVENTS) element.removeEventListener(type, guard, { capture: true });
    };
  }, [root]);
}

/**
 * Calls `painted` once the browser has painted the next frame (a frame callback runs just before its paint,
 * so one task later). A hidden page, or a frame the browser throttles, gets no frame callback: a timer stands
 * in, and a frame callback that still comes calls `painted` again. Returns a function that cancels both.
 */
function afterNextPaint(painted: () => void): () => void {
  let cancelled = false;
  const run = () => {
    if (!cancelled) painted();
  };
  const fallback = setTimeout(run, PAINT_FALLBACK_MS);
  let frame = 0;
  let afterFrame: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame === 'function') {
    frame = requestAnimationFrame(() => {
      clearTimeout(fallback);
      afterFrame = setTimeout(run, 0);
    });
  }
  return () => {
    cancelled = true;
    clearTimeout(fallback);
    clearTimeout(afterFrame);
    if (frame) cancelAnimationFrame(frame);
  };
}
