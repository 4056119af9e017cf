// @vitest-environment jsdom
/**
 * Starting again, through the app as it is wired: the real runtime and scenario, with no LMS (offered; the
 * confirmed restart clears the place kept in this browser and reloads) and with scorm-again as a SCORM 1.2 and
 * 2004 LMS (never offered, and the runtime refuses it: it would overwrite the recorded attempt).
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadScenarioFile } from '../plugins/load-scenario-file';
import { AppRoot } from '../src/app/app-root';
import { createModuleRuntime, currentNodeId, type ModuleRuntime } from '../src/app/module-runtime';
import { standaloneStorageKey } from '../src/lms/standalone-session';
import { analysePaths } from '../src/scenario/analyse-paths';
import { nodeMeta } from '../src/scenario/compile-machine';
import type { Scenario } from '../src/scenario/model';
import { eventForStep } from '../src/scenario/progress';
import { t } from '../src/ui/ui-text';
import { install, lms12, lms2004 } from './lms-harness';

const loaded = loadScenarioFile('scenarios/boundaries.yaml');
if (!loaded.ok) throw new Error(`boundaries.yaml does not load: ${JSON.stringify(loaded.errors[0])}`);
const scenario: Scenario = loaded.scenario;
const best = analysePaths(scenario).recommended;
if (!best) throw new Error('boundaries.yaml has no recommended path');
const MODULE_ID = 'restart_test';

/** This window, but with a `location.reload` the test can watch (jsdom's cannot be replaced). */
function watchedWindow(): { win: Window; reload: ReturnType<typeof vi.fn> } {
  const reload = vi.fn();
  const win = new Proxy(window, {
    get(target, property) {
      if (property === 'location') return { reload };
      const value = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { win, reload };
}

/** Plays the best path to its end and shows the debrief. */
function finish(runtime: ModuleRuntime): void {
  for (const step of best?.steps ?? []) {
    const node = scenario.nodes[currentNodeId(runtime.getState().snapshot)];
    if (!node) throw new Error('the path left the scenario');
    const event = eventForStep(nodeMeta(node), step, Date.now());
    if (typeof event === 'string') throw new Error(event);
    runtime.send(event);
  }
  runtime.setScreen({ name: 'debrief' });
}

const removers: (() => void)[] = [];
beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  for (const remove of removers.splice(0)) remove();
  window.dispatchEvent(new Event('pagehide'));
});

describe('with no LMS', () => {
  it('offers to start again; once confirmed, the place kept in this browser is gone and the page reloads', () => {
    const { win, reload } = watchedWindow();
    const runtime = createModuleRuntime({ win, scenario, moduleId: MODULE_ID });
    finish(runtime);
    runtime.setReflection('Kept in this browser only.');
    window.dispatchEvent(new Event('pagehide'));
    expect(localStorage.getItem(standaloneStorageKey(MODULE_ID))).toContain('Kept in this browser only.');

    render(<AppRoot runtime={runtime} scenario={scenario} title="Test module" provider="Test provider" />);
    fireEvent.click(screen.getByRole('button', { name: t('restart') }));
    expect(reload).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: t('restartConfirm') }));

    expect(reload).toHaveBeenCalledTimes(1);
    expect(localStorage.getItem(standaloneStorageKey(MODULE_ID))).toBeNull();
    // The page unloading for the reload writes nothing back.
    window.dispatchEvent(new Event('pagehide'));
    expect(localStorage.getItem(standaloneStorageKey(MODULE_ID))).toBeNull();
  });
});

describe.each([
  ['SCORM 1.2', 'API', lms12],
  ['SCORM 2004', 'API_1484_11', lms2004],
] as const)('with a %s LMS recording', (_, name, lms) => {
  it('never offers to start again, on the debrief or the certificate, and the runtime refuses it', () => {
    const api = lms();
    removers.push(install(window, name, api));
    const { win, reload } = watchedWindow();
    const runtime = createModuleRuntime({ win, scenario, moduleId: MODULE_ID });
    expect(runtime.getState().launch.recording).toBe(true);
    finish(runtime);

    render(<AppRoot runtime={runtime} scenario={scenario} title="Test module" provider="Test provider" />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(t('debriefHeading'));
    expect(screen.queryByRole('button', { name: t('restart') })).toBeNull();
    act(() => runtime.setScreen({ name: 'certificate' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(t('certificateHeading'));
    expect(screen.queryByRole('button', { name: t('restart') })).toBeNull();

    runtime.restart();
    expect(reload).not.toHaveBeenCalled();
    expect(runtime.getState().snapshot.status).toBe('done');
  });
});
