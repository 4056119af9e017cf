// @vitest-environment jsdom
import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../plugins/load-scenario-file.ts';
import { readModuleIdentity } from '../plugins/module-identity.ts';
import { earlyStartScript, mayResumeScript, startScreenHtml } from '../plugins/static-first-screen.ts';
import { EARLY_START_FLAG } from '../src/app/early-start.ts';
import { ModuleApp } from '../src/ui/module-app.tsx';
import { t } from '../src/ui/ui-text.ts';

const loaded = loadScenarioFile('scenarios/boundaries.yaml');
if (!loaded.ok) throw new Error('scenarios/boundaries.yaml does not load');
const scenario = loaded.scenario;
const { title } = readModuleIdentity('imsmanifest.xml');
const STORAGE_KEY = 'lms-standalone:test-module';

function parsed(html: string): string {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  return holder.innerHTML;
}

describe('the static first screen in the launch page', () => {
  it('is exactly what the app renders for the start screen, so the swap changes nothing on screen', () => {
    const { container } = render(
      <ModuleApp
        scenario={scenario}
        title={title}
        nodeId={scenario.start}
        context={{ path: [scenario.start], answers: [], scores: { total: 0, byPrinciple: {} }, enteredAt: 0 }}
        ended={false}
        passed={null}
        passMark={scenario.passMark}
        maxScore={31}
        minScore={0}
        recommendedPath={[]}
        provider="A provider"
        screen={{ name: 'start' }}
        onScreen={() => {}}
        send={() => {}}
        learnerName={null}
        reviewing={false}
        notices={[]}
        reflection=""
        onReflection={() => {}}
        timeSpentSeconds={0}
        completedAt={null}
      />,
    );
    expect(parsed(startScreenHtml(scenario, title, t))).toBe(container.innerHTML);
  });

  it('keeps a press of Start made before the app has loaded, and says it is loading', () => {
    document.body.innerHTML = `<div id="app">${startScreenHtml(scenario, title, t)}</div>`;
    const flags = window as unknown as Record<string, unknown>;
    delete flags[EARLY_START_FLAG];
    new Function(earlyStartScript(t('loading')))();
    const button = document.querySelector('main .actions button') as HTMLButtonElement;
    button.click();
    expect(flags[EARLY_START_FLAG]).toBe(true);
    expect(button.disabled).toBe(true);
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(button.textContent).toBe('Loading…');
  });

  it('ignores clicks on anything else, and on the app once it has replaced the static screen', () => {
    document.body.innerHTML = `<div id="app">${startScreenHtml(scenario, title, t)}</div>`;
    const flags = window as unknown as Record<string, unknown>;
    delete flags[EARLY_START_FLAG];
    new Function(earlyStartScript(t('loading')))();
    (document.querySelector('h1') as HTMLElement).click();
    const app = document.getElementById('app') as HTMLElement;
    app.innerHTML = '<main><div class="actions"><button type="button">Start</button></div></main>';
    (app.querySelector('button') as HTMLButtonElement).click();
    expect(flags[EARLY_START_FLAG]).toBeUndefined();
  });

  /** The launch page's order: the may-resume check, the static screen, the early script. */
  function launchPage(): { hiddenWhileParsing: boolean; button: Element | null } {
    delete (window as unknown as Record<string, unknown>).__moduleMayResume;
    document.documentElement.style.visibility = '';
    new Function(mayResumeScript(STORAGE_KEY))();
    const hiddenWhileParsing = document.documentElement.style.visibility === 'hidden';
    document.body.innerHTML = `<div id="app">${startScreenHtml(scenario, title, t)}</div>`;
    new Function(earlyStartScript(t('loading')))();
    expect(document.documentElement.style.visibility).toBe('');
    return { hiddenWhileParsing, button: document.querySelector('main .actions button') };
  }

  it('hides the page while the static screen is parsed, then removes it, when an LMS API object is up the frames', () => {
    const win = window as unknown as Record<string, unknown>;
    win.API_1484_11 = {};
    try {
      expect(launchPage()).toEqual({ hiddenWhileParsing: true, button: null });
    } finally {
      delete win.API_1484_11;
    }
    expect(document.getElementById('app')?.childNodes).toHaveLength(0);
  });

  it('does the same on a cmi5 launch, whose place is in the LRS', () => {
    const search = window.location.search;
    window.history.replaceState(
      null,
      '',
      '?endpoint=https%3A%2F%2Flrs%2F&fetch=https%3A%2F%2Flms%2Ftoken&actor=%7B%7D',
    );
    try {
      expect(launchPage()).toEqual({ hiddenWhileParsing: true, button: null });
    } finally {
      window.history.replaceState(null, '', search || window.location.pathname);
    }
  });

  it('does the same standalone when this browser keeps the learner’s place, and keeps the screen otherwise', () => {
    expect(launchPage().hiddenWhileParsing).toBe(false);
    expect(launchPage().button).not.toBeNull();
    localStorage.setItem(STORAGE_KEY, '{"v":1}');
    try {
      expect(launchPage()).toEqual({ hiddenWhileParsing: true, button: null });
    } finally {
      localStorage.removeItem(STORAGE_KEY);
    }
  });
});
