import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

/**
 * Moves focus to the h1 inside `container` whenever `screenKey` changes (first render included). Done once,
 * in the root, so no screen can forget it: a new screen without a focus move leaves keyboard and screen
 * reader users on a button that no longer exists (WCAG 2.4.3).
 */
export function useFocusHeading(container: RefObject<HTMLElement>, screenKey: string): void {
  // The key is the trigger, not a value read inside. A plain effect, after the paint: the new screen shows
  // one frame sooner (`npm run bench`'s click → next screen), and the focus follows in the next task.
  useEffect(() => {
    container.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [screenKey]);
}
