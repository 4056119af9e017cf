import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';

/**
 * Moves focus to the h1 inside `container` whenever `screenKey` changes (first render included). Done once,
 * in the root, so no screen can forget it: a new screen without a focus move leaves keyboard and screen
 * reader users on a button that no longer exists (WCAG 2.4.3).
 */
export function useFocusHeading(container: RefObject<HTMLElement>, screenKey: string): void {
  // The key is the trigger, not a value read inside. A layout effect moves the focus in the same task as the
  // new screen's DOM, so no key pressed in between lands on the old screen's button.
  useLayoutEffect(() => {
    container.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [screenKey]);
}
