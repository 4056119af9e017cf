// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ModuleApp } from './module-app.tsx';
import { finishedContext, fixtureContext, fixtureProps } from './test-fixtures/module-app-props.ts';

afterEach(cleanup);

describe('Scene screen', () => {
  it('shows the prologue as such, with its title, illustration and body', () => {
    render(<ModuleApp {...fixtureProps({ screen: { name: 'node' } })} />);
    expect(screen.getByText('Prologue')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Prologue' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('What a stranger can see');
    const img = screen.getByRole('img', { name: 'A social-network profile showing a workplace.' });
    expect(img.getAttribute('src')).toBe('media/profile.svg');
  });

  it('shows stage n of 3 as text, and a bar of the stages completed before it', () => {
    const context = fixtureContext({
      path: ['prologue', 's1_car_park', 's2_message'],
      answers: [{ decisionId: 's1_car_park', choiceId: 'decline', shownAt: 1, at: 2 }],
    });
    render(<ModuleApp {...fixtureProps({ screen: { name: 'node' }, nodeId: 's2_message', context })} />);
    const bar = screen.getByRole('progressbar', { name: 'Stage 2 of 3' });
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['1', '3']);
    expect(bar.getAttribute('aria-valuetext')).toBe('1 of 3 stages done');
  });

  it('is not full at the last stage: at stage 3 of 3 the bar shows 2 of 3 until the decision is made', () => {
    const context = fixtureContext({
      path: ['prologue', 's1_car_park', 's2_message', 's3_flowers'],
      answers: [{ decisionId: 's1_car_park', choiceId: 'decline', shownAt: 1, at: 2 }],
    });
    render(<ModuleApp {...fixtureProps({ screen: { name: 'node' }, nodeId: 's3_flowers', context })} />);
    const bar = screen.getByRole('progressbar', { name: 'Stage 3 of 3' });
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['2', '3']);
  });

  it('starts the prologue with an empty bar', () => {
    render(<ModuleApp {...fixtureProps({ screen: { name: 'node' } })} />);
    expect(screen.getByRole('progressbar', { name: 'Prologue' }).getAttribute('value')).toBe('0');
  });

  it('renders a script tag in a scene body as text', () => {
    render(<ModuleApp {...fixtureProps({ screen: { name: 'node' } })} />);
    expect(screen.getByText(/<script>alert\(1\)<\/script>/)).toBeTruthy();
    expect(document.querySelector('main script')).toBeNull();
  });

  it('offers read-more pages as closed disclosures', () => {
    render(<ModuleApp {...fixtureProps({ screen: { name: 'node' } })} />);
    const summary = screen.getByText('Privacy checklist');
    const details = summary.closest('details');
    expect(details?.open).toBe(false);
    expect(details?.textContent).toContain('Lock down your profile.');
  });

  it('continues with a CONTINUE event stamped with the time', () => {
    const props = fixtureProps({ screen: { name: 'node' } });
    render(<ModuleApp {...props} />);
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(props.send).toHaveBeenCalledWith({ type: 'CONTINUE', at: expect.any(Number) });
  });
});

describe('Ending screen', () => {
  it('shows the ending and leads to the debrief', () => {
    const props = fixtureProps({
      screen: { name: 'node' },
      nodeId: 'ending_good',
      ended: true,
      passed: true,
    });
    render(<ModuleApp {...props} context={finishedContext} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('The boundary holds');
    expect(screen.getByText('He registers with another practice.')).toBeTruthy();
    // Only the ending fills the bar, however early the path ended.
    const bar = screen.getByRole('progressbar', { name: 'Scenario complete' });
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['3', '3']);
    expect(bar.getAttribute('aria-valuetext')).toBe('3 of 3 stages done');
    fireEvent.click(screen.getByRole('button', { name: 'See your debrief' }));
    expect(props.onScreen).toHaveBeenCalledWith({ name: 'debrief' });
    expect(props.send).not.toHaveBeenCalled();
  });
});
