// When did the learner first see some text? Playwright's waitFor polls with growing pauses (up to 500 ms once
// a frame has been replaced), so the moment it returns is not the moment the text was painted. An init script
// in every frame notes, on each animation frame, the wall-clock time whenever the frame's visible text
// changes; the test asks afterwards when its words first appeared.
import type { Frame, Page } from 'playwright-core';

interface TextChange {
  readonly at: number;
  readonly text: string;
}

declare global {
  interface Window {
    __textChanges?: TextChange[];
  }
}

/** Call before the page loads: every frame of `page`, present and future, keeps its own record. */
export async function recordTextChanges(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const changes: TextChange[] = [];
    window.__textChanges = changes;
    const tick = (): void => {
      const text = document.body?.innerText ?? '';
      if (changes.at(-1)?.text !== text)
        changes.push({ at: performance.timeOrigin + performance.now(), text });
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** Epoch milliseconds of the first animation frame in which `frame` showed `words`; throws if it never did. */
export async function textShownAt(frame: Frame, words: string): Promise<number> {
  const at = await frame.evaluate(
    (w) => window.__textChanges?.find((change) => change.text.includes(w))?.at ?? null,
    words,
  );
  if (at === null) throw new Error(`The frame's record of its text never had "${words}".`);
  return at;
}
