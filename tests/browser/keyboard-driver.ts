// Drives a page the way a keyboard-only learner does (WCAG 2.1.1): Tab and Shift+Tab to move, Space and the
// arrow keys in a radio group, Enter or Space on a button. No mouse, no element.click() or .check().
import type { Page } from 'playwright-core';

/** What has the focus, as a learner's screen reader would name it. */
export interface FocusedElement {
  readonly tag: string;
  readonly type: string;
  readonly text: string;
  readonly value: string;
  readonly checked: boolean;
}

const MAX_TAB_PRESSES = 60;

export function focusedElement(page: Page): Promise<FocusedElement> {
  return page.evaluate(() => {
    const active = document.activeElement;
    const input = active instanceof HTMLInputElement ? active : null;
    return {
      tag: active?.tagName.toLowerCase() ?? '',
      type: input?.type ?? '',
      text: (active?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      value: input?.value ?? '',
      checked: input?.checked ?? false,
    };
  });
}

function describe(focused: FocusedElement): string {
  return `<${focused.tag}${focused.type ? ` type=${focused.type}` : ''}> "${focused.text.slice(0, 40)}"`;
}

/**
 * Presses `key` (Tab, or Shift+Tab to go back) until the focused element satisfies `wanted`, at most
 * MAX_TAB_PRESSES times; throws with the focus order it saw when the control is never reached.
 */
export async function tabUntil(
  page: Page,
  what: string,
  wanted: (focused: FocusedElement) => boolean,
  key: 'Tab' | 'Shift+Tab' = 'Tab',
): Promise<FocusedElement> {
  const seen: string[] = [];
  for (let press = 0; press < MAX_TAB_PRESSES; press++) {
    await page.keyboard.press(key);
    const focused = await focusedElement(page);
    if (wanted(focused)) return focused;
    seen.push(describe(focused));
  }
  throw new Error(`${key} never reached ${what}; focus went through: ${seen.join(' → ')}`);
}

/** Tabs to the button labelled `label`. */
export function tabToButton(page: Page, label: string): Promise<FocusedElement> {
  return tabUntil(page, `the "${label}" button`, (f) => f.tag === 'button' && f.text === label);
}

/** Tabs to the button labelled `label` and presses `key` on it. */
export async function pressButton(
  page: Page,
  label: string,
  key: 'Enter' | 'Space' = 'Enter',
): Promise<void> {
  await tabToButton(page, label);
  await page.keyboard.press(key);
}

/**
 * Picks the radio at `index` of the first radio group after the focus. With nothing checked, Tab lands on
 * the group's first radio; Space checks it, and each ArrowDown moves to the next radio and checks it
 * (HTML: a radio group is one tab stop; arrow keys move the selection).
 */
export async function chooseRadio(page: Page, index: number): Promise<FocusedElement> {
  await tabUntil(page, 'a radio button', (f) => f.tag === 'input' && f.type === 'radio');
  if (index === 0) await page.keyboard.press('Space');
  for (let step = 0; step < index; step++) await page.keyboard.press('ArrowDown');
  return focusedElement(page);
}
