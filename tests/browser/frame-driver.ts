// Plays the built module inside the preview LMS's iframe the way a learner does: by its visible text and
// roles (headings, radios, buttons), never by reaching into its state. Every screen is recognised by its one h1
// before anything is clicked, so a click can never land on the screen before.
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { readModuleIdentity } from '../../plugins/module-identity';
import type { ScenarioPath } from '../../src/scenario/analyse-paths';
import type { Scenario, ScenarioNode } from '../../src/scenario/model';
import { t } from '../../src/ui/ui-text';
import { waitOutActivationGuard } from './activation-guard-wait';

/** The start screen's heading: the module's title, written once, in imsmanifest.xml. */
export const MODULE_TITLE = readModuleIdentity('imsmanifest.xml').title;

/**
 * How long the start screen may take to show: it waits on a whole launch (LMS page, frame, package), which on a
 * busy 2-core CI machine has taken over 5 s while other browser suites ran beside it. Later screens keep the
 * context's step timeout.
 */
const LAUNCH_TIMEOUT_MS = 20_000;

/** Where the learner is when a `play` hook runs: arrived, nothing clicked yet. */
export type ScreenStop =
  | { readonly screen: 'start' }
  | { readonly screen: 'node'; readonly node: ScenarioNode; readonly stepIndex: number }
  | { readonly screen: 'feedback'; readonly node: ScenarioNode; readonly stepIndex: number }
  | { readonly screen: 'debrief' };

export type OnScreen = (stop: ScreenStop) => Promise<void>;

/** What a learner sees of one screen: its h1 and the whole text of its main region. */
export interface ScreenText {
  readonly heading: string;
  readonly main: string;
}

export class ModuleDriver {
  /** Date.now() when the current screen was seen painted. */
  private shownAt = 0;

  constructor(
    private readonly page: Page,
    private readonly scenario: Scenario,
  ) {}

  /** Resolved afresh on each use, so it follows the preview into the next launch's iframe. */
  get frame(): FrameLocator {
    return this.page.frameLocator('#sco-frame');
  }

  /** The module frame itself, for evaluating scripts (axe) inside it. */
  async contentFrame(): Promise<Frame> {
    const frame = await (await this.page.locator('#sco-frame').elementHandle())?.contentFrame();
    if (!frame) throw new Error('The preview shows no module frame.');
    return frame;
  }

  /**
   * Waits for the screen whose h1 reads `heading`, and checks it is the screen's only h1. Notes when it was
   * painted: the module ignores a click within its activation guard time of that (src/ui/activation-guard.ts).
   */
  async expectScreen(heading: string): Promise<void> {
    const wait = heading === MODULE_TITLE ? LAUNCH_TIMEOUT_MS : undefined;
    try {
      await this.frame
        .getByRole('heading', { level: 1, name: heading, exact: true })
        // The start screen follows a launch, which waits on more than a step does.
        .waitFor(wait === undefined ? {} : { timeout: wait });
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${await this.whereItStands()}`);
    }
    const count = await this.frame.locator('h1').count();
    if (count !== 1) throw new Error(`The screen "${heading}" has ${count} h1 elements, not one.`);
    // After the next frame's paint; a timer stands in where no frame comes.
    await (await this.contentFrame()).evaluate(
      () =>
        new Promise<void>((resolve) => {
          requestAnimationFrame(() => setTimeout(resolve, 0));
          setTimeout(resolve, 250);
        }),
    );
    this.shownAt = Date.now();
  }

  /** What the page shows when an expected screen does not come: for the failure's message, best effort. */
  private async whereItStands(): Promise<string> {
    try {
      const launch = (await this.page.locator('#launch-status').textContent({ timeout: 1000 })) ?? '';
      const frame = await this.contentFrame();
      const state = await frame.evaluate(
        `({ url: location.href, ready: document.readyState, live: !!document.querySelector('#app[data-live]'),
            hidden: document.documentElement.style.visibility, h1: [...document.querySelectorAll('h1')].map((h) => h.textContent),
            text: (document.body?.innerText ?? '').slice(0, 300) })`,
      );
      return `The preview says: ${launch}\nThe module frame: ${JSON.stringify(state)}`;
    } catch (error) {
      return `(the page could not be read: ${(error as Error).message})`;
    }
  }

  async screenText(): Promise<ScreenText> {
    return {
      heading: (await this.frame.locator('h1').textContent()) ?? '',
      main: (await this.frame.locator('main').textContent()) ?? '',
    };
  }

  /** Clicks as a learner does: never sooner after a screen shows than the module's activation guard lets count. */
  async click(name: string): Promise<void> {
    await waitOutActivationGuard(this.page, this.shownAt);
    await this.frame.getByRole('button', { name, exact: true }).click();
  }

  /**
   * Plays `path` from the start screen to the debrief. `onScreen` runs on arrival at each screen (it may
   * relaunch the module: the driver then goes on in the new frame, which must show the same screen).
   */
  async play(path: ScenarioPath, onScreen: OnScreen = async () => {}): Promise<void> {
    await this.expectScreen(MODULE_TITLE);
    await onScreen({ screen: 'start' });
    await this.click(t('start'));
    for (const [stepIndex, step] of path.steps.entries()) {
      const node = this.nodeAt(path, stepIndex);
      await this.expectScreen(node.title);
      await onScreen({ screen: 'node', node, stepIndex });
      if (node.kind !== 'decision') {
        await this.click(t('continue'));
        continue;
      }
      await this.choose(node.id, step);
      await onScreen({ screen: 'feedback', node, stepIndex });
      await this.click(t('continue'));
    }
    const ending = this.nodeAt(path, path.nodes.length - 1);
    await this.expectScreen(ending.title);
    await onScreen({ screen: 'node', node: ending, stepIndex: path.steps.length });
    await this.click(t('toDebrief'));
    await this.expectScreen(t('debriefHeading'));
    await onScreen({ screen: 'debrief' });
  }

  /** Picks the choice at `index` of the decision on screen and confirms it; ends on its feedback screen. */
  async choose(decisionId: string, index: number): Promise<void> {
    const decision = this.scenario.nodes[decisionId];
    const choice = decision?.kind === 'decision' ? decision.choices[index] : undefined;
    if (!choice) throw new Error(`${decisionId} has no choice ${index}.`);
    await waitOutActivationGuard(this.page, this.shownAt);
    await this.frame.getByRole('radio', { name: choice.label, exact: true }).check();
    await this.click(t('confirmChoice'));
    await this.expectScreen(t('feedbackHeading'));
  }

  /** From the debrief. */
  async toReflection(): Promise<void> {
    await this.click(t('toReflection'));
    await this.expectScreen(this.scenario.pages.reflection?.title ?? t('reflectionHeading'));
  }

  async typeReflection(text: string): Promise<void> {
    await this.frame.getByRole('textbox', { name: t('reflectionLabel') }).fill(text);
  }

  /** From the reflection screen. */
  async toCertificate(): Promise<void> {
    await this.click(t('toCertificate'));
    await this.expectScreen(t('certificateHeading'));
  }

  private nodeAt(path: ScenarioPath, index: number): ScenarioNode {
    const node = this.scenario.nodes[path.nodes[index] ?? ''];
    if (!node) throw new Error(`The path has no node at ${index}.`);
    return node;
  }
}
