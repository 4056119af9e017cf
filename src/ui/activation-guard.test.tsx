// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ACTIVATION_GUARD_MS, activationAllowed } from './activation-guard.ts';
import { ModuleApp } from './module-app.tsx';
import { fixtureProps } from './test-fixtures/module-app-props.ts';

afterEach(cleanup);

/** A click as the browser reports one that happened at `at` (performance.now() time). */
function clickAt(target: Element, at: number): MouseEvent {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'timeStamp', { value: at });
  target.dispatchEvent(event);
  return event;
}

/** Past the next paint, or the timer that stands in for it where no frame comes. */
const painted = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('activationAllowed', () => {
  it('refuses an activation before the paint and within the guard time after it, and allows one after', () => {
    expect(activationAllowed(900, 1000)).toBe(false);
    expect(activationAllowed(1000 + ACTIVATION_GUARD_MS - 1, 1000)).toBe(false);
    expect(activationAllowed(1000 + ACTIVATION_GUARD_MS, 1000)).toBe(true);
    expect(activationAllowed(1000, Number.POSITIVE_INFINITY)).toBe(false);
  });
});

describe('the activation guard in ModuleApp', () => {
  it('lets the first screen act at once: the page arrived with it on view', () => {
    const props = fixtureProps();
    render(<ModuleApp {...props} />);
    clickAt(screen.getByRole('button', { name: 'Start' }), performance.now());
    expect(props.onScreen).toHaveBeenCalledWith({ name: 'node' });
  });

  it('stops a click on a new screen before its paint and within the guard time after it; one after acts', async () => {
    const props = fixtureProps();
    const { rerender } = render(<ModuleApp {...props} />);
    rerender(<ModuleApp {...props} screen={{ name: 'node' }} />);
    const button = screen.getByRole('button', { name: 'Continue' });

    const beforePaint = clickAt(button, performance.now());
    expect(beforePaint.defaultPrevented).toBe(true);
    await painted();
    const justAfterPaint = clickAt(button, performance.now());
    expect(justAfterPaint.defaultPrevented).toBe(true);
    expect(props.send).not.toHaveBeenCalled();

    clickAt(button, performance.now() + ACTIVATION_GUARD_MS);
    expect(props.send).toHaveBeenCalledTimes(1);
    expect(props.send).toHaveBeenCalledWith(expect.objectContaining({ type: 'CONTINUE' }));
  });

  it('guards a new node on the same screen, and a radio on it stays unchecked', async () => {
    const props = fixtureProps({ screen: { name: 'node' } });
    const { rerender } = render(<ModuleApp {...props} />);
    rerender(<ModuleApp {...props} nodeId="s1_car_park" />);
    await painted();
    const radio = screen.getAllByRole('radio')[0] as HTMLInputElement;
    clickAt(radio, performance.now());
    expect(radio.checked).toBe(false);
    clickAt(radio, performance.now() + ACTIVATION_GUARD_MS);
    expect(radio.checked).toBe(true);
  });
});
