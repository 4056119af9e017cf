// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ModuleApp, type ModuleAppProps } from './module-app.tsx';
import { finishedContext, fixtureProps } from './test-fixtures/module-app-props.ts';
import { fixtureScenario } from './test-fixtures/scenario.ts';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const certificateProps = (overrides: Partial<ModuleAppProps> = {}) =>
  fixtureProps({
    screen: { name: 'certificate' },
    nodeId: 'ending_good',
    context: finishedContext,
    ended: true,
    passed: true,
    passMark: 0.3,
    completedAt: Date.UTC(2025, 2, 14, 12),
    timeSpentSeconds: 3900,
    ...overrides,
  });

const certificate = () => document.querySelector('.certificate') as HTMLElement;

describe('Certificate screen', () => {
  it('certifies the named learner, the module, date, score, result, time spent, nominal time and provider', () => {
    render(<ModuleApp {...certificateProps({ learnerName: 'Sam Patel' })} />);
    const text = certificate().textContent;
    for (const expected of [
      'Sam Patel',
      'Boundaries fixture',
      'Date completed14 March 2025',
      'Score3 points out of a possible 9 (33 %)',
      'ResultPassed',
      'Time spent1 h 5 min',
      'Nominal time1 h, reflection included',
      'Provided byBoundaries fixture project',
      'Record an advance and tell a colleague.',
      'CPD credits are self-assessed: 1 credit = 1 hour of learning including reflection',
      'Your reflection, not this certificate, is the evidence for your learning log.',
    ]) {
      expect(text).toContain(expected);
    }
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it("gives the nominal time from the scenario's estimate beside the time actually spent", () => {
    render(
      <ModuleApp
        {...certificateProps({ scenario: { ...fixtureScenario, minutes: 45 }, timeSpentSeconds: 600 })}
      />,
    );
    const facts = [...certificate().querySelectorAll('.facts dd')].map((dd) => dd.textContent);
    expect(facts.slice(3, 5)).toEqual(['10 min', '45 min, reflection included']);
  });

  it('asks for a name when the LMS gives none, and puts it on the certificate', () => {
    render(<ModuleApp {...certificateProps()} />);
    const field = screen.getByRole('textbox', { name: 'Your name as it should appear on the certificate' });
    fireEvent.input(field, { target: { value: 'Alex Jones' } });
    expect(certificate().textContent).toContain('Alex Jones');
    expect(certificate().contains(field)).toBe(false);
  });

  it('shows the CPD page beside the certificate', () => {
    render(<ModuleApp {...certificateProps()} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Logging this as CPD' })).toBeTruthy();
  });

  it('prints with the print button', () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    render(<ModuleApp {...certificateProps()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Print / Save as PDF' }));
    expect(print).toHaveBeenCalledTimes(1);
  });
});
