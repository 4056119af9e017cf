import type { ComponentChildren } from 'preact';

/**
 * Each screen's single h1. tabIndex -1 lets the root move focus here on every screen change, so screen
 * reader users hear where they are (WCAG 2.4.3 focus order); it is not in the tab order.
 */
export function ScreenHeading({
  children,
  describedBy,
}: {
  children: ComponentChildren;
  describedBy?: string;
}) {
  return (
    <h1 tabIndex={-1} aria-describedby={describedBy}>
      {children}
    </h1>
  );
}
