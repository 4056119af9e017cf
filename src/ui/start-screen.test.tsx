// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ModuleApp } from './module-app.tsx';
import { fixtureContext, fixtureProps } from './test-fixtures/module-app-props.ts';
import { fixtureScenario } from './test-fixtures/scenario.ts';

afterEach(cleanup);

describe('Start screen', () => {
  it('shows the title, the estimated time, the start page and the learning outcomes', () => {
    render(<ModuleApp {...fixtureProps()} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Boundaries fixture');
    expect(screen.getByText('About 60 minutes, including the reflection')).toBeTruthy();
    expect(screen.getByText('Plan for about an hour. Progress is saved.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'By the end you will be able to…' })).toBeTruthy();
    const outcomes = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(outcomes).toEqual([
      'Decline a patient’s advance kindly and clearly.',
      'Record an advance and tell a colleague.',
    ]);
  });

  it("states the scenario's own estimate of the time", () => {
    render(<ModuleApp {...fixtureProps({ scenario: { ...fixtureScenario, minutes: 45 } })} />);
    expect(screen.getByText('About 45 minutes, including the reflection')).toBeTruthy();
  });

  it('starts the scenario at its current node', () => {
    const props = fixtureProps();
    render(<ModuleApp {...props} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    expect(props.onScreen).toHaveBeenCalledWith({ name: 'node' });
  });

  it('offers Resume to a learner who has already made a decision', () => {
    const context = fixtureContext({
      path: ['prologue', 's1_car_park'],
      answers: [{ decisionId: 's1_car_park', choiceId: 'decline', shownAt: 1, at: 2 }],
    });
    render(<ModuleApp {...fixtureProps({ context })} />);
    expect(screen.getByRole('button', { name: 'Resume' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Start' })).toBeNull();
  });
});
