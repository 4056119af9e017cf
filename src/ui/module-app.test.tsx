// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ModuleApp, type ModuleAppProps, type Screen } from './module-app.tsx';
import { axeViolations } from './test-fixtures/axe-violations.ts';
import { finishedContext, fixtureProps } from './test-fixtures/module-app-props.ts';

afterEach(cleanup);

const endedProps: Partial<ModuleAppProps> = {
  nodeId: 'ending_good',
  context: finishedContext,
  ended: true,
  passed: false,
  completedAt: Date.UTC(2025, 2, 14, 12),
  timeSpentSeconds: 3900,
};

const screens: [string, Partial<ModuleAppProps>][] = [
  ['start', { screen: { name: 'start' } }],
  ['scene', { screen: { name: 'node' } }],
  ['decision', { screen: { name: 'node' }, nodeId: 's1_car_park' }],
  [
    'feedback',
    {
      screen: { name: 'feedback', decisionId: 's1_car_park' },
      nodeId: 's2_message',
      context: finishedContext,
    },
  ],
  ['ending', { ...endedProps, screen: { name: 'node' } }],
  ['debrief', { ...endedProps, screen: { name: 'debrief' } }],
  ['reflection', { ...endedProps, screen: { name: 'reflection' } }],
  ['certificate', { ...endedProps, screen: { name: 'certificate' } }],
];

describe('ModuleApp', () => {
  it.each(screens)(
    'gives the %s screen one h1, a main landmark and no axe violations',
    async (_, overrides) => {
      const { container } = render(<ModuleApp {...fixtureProps(overrides)} />);
      expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
      expect(screen.getByRole('main')).toBeTruthy();
      expect(await axeViolations(container)).toEqual([]);
    },
  );

  it.each(screens)('moves focus to the h1 of the %s screen', (_, overrides) => {
    render(<ModuleApp {...fixtureProps(overrides)} />);
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
  });

  it('moves focus to the new h1 on a screen change and on a new node', () => {
    const props = fixtureProps({ screen: { name: 'start' } });
    const { rerender } = render(<ModuleApp {...props} />);
    const show = (s: Screen, nodeId: string) => rerender(<ModuleApp {...props} screen={s} nodeId={nodeId} />);

    show({ name: 'node' }, 'prologue');
    expect(document.activeElement?.textContent).toBe('What a stranger can see');
    show({ name: 'node' }, 's1_car_park');
    expect(document.activeElement?.textContent).toBe('In the car park');
  });

  it('offers, first in the page, a skip link to the focusable main content', () => {
    render(<ModuleApp {...fixtureProps()} />);
    const skip = screen.getByRole('link', { name: 'Skip to main content' });
    const main = screen.getByRole('main');
    expect(document.querySelector('a, button, input')).toBe(skip);
    expect(document.querySelector(skip.getAttribute('href') ?? '')).toBe(main);
    expect(main.tabIndex).toBe(-1);
  });

  it('shows notices as a status region and errors as an alert', () => {
    render(
      <ModuleApp
        {...fixtureProps({
          notices: [
            { id: 'standalone', kind: 'info', text: 'Progress is kept in this browser only' },
            { id: 'save', kind: 'error', text: 'Your progress could not be saved' },
          ],
        })}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('Progress is kept in this browser only');
    expect(screen.getByRole('alert').textContent).toBe('Your progress could not be saved');
  });

  it('says, in review mode, that nothing done now changes the recorded result', () => {
    render(<ModuleApp {...fixtureProps({ reviewing: true })} />);
    expect(screen.getByRole('status').textContent).toBe(
      'Review: nothing you do now changes your recorded result',
    );
  });

  it('renders a notice containing markup as text', () => {
    render(<ModuleApp {...fixtureProps({ notices: [{ id: 'x', kind: 'warning', text: '<b>bold</b>' }] })} />);
    expect(screen.getByRole('status').textContent).toBe('<b>bold</b>');
    expect(document.querySelector('.notices b')).toBeNull();
  });
});
