// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ModuleApp, type ModuleAppProps } from './module-app.tsx';
import { finishedContext, fixtureContext, fixtureProps } from './test-fixtures/module-app-props.ts';

afterEach(cleanup);

const debriefProps = (overrides: Partial<ModuleAppProps> = {}) =>
  fixtureProps({
    screen: { name: 'debrief' },
    nodeId: 'ending_good',
    context: finishedContext,
    ended: true,
    passed: false,
    ...overrides,
  });

const section = (name: string) =>
  screen.getByRole('heading', { level: 2, name }).closest('section') as HTMLElement;

describe('Debrief screen', () => {
  const map = () => section('Your path and the recommended one');
  const steps = () => within(map()).getAllByRole('listitem');
  /** A step as a learner reads it: its heading, then each lane's label and text. */
  const read = (step: HTMLElement) => [
    within(step).getByRole('heading', { level: 3 }).textContent,
    ...[...step.querySelectorAll('.lane')].map((lane) =>
      [...lane.children].map((part) => part.textContent).join(': '),
    ),
  ];

  it("maps each decision: stage and title, the learner's choice by its short name and class, the recommended one when different", () => {
    render(<ModuleApp {...debriefProps()} />);
    expect(steps().map(read)).toEqual([
      ['Stage 1: In the car park', 'Your choice: Declined kindly and clearlyRecommended response'],
      [
        'Stage 3: Flowers at the surgery',
        'Your choice: Ignored the flowersAcceptable, but not the best response',
        'Recommended: Recorded it, told trainer',
      ],
      ['How it ended', 'Your ending: The boundary holdsThe ending the recommended path reaches'],
    ]);
  });

  it('marks each class by a shape as well as by words, and hides the mark from screen readers', () => {
    render(<ModuleApp {...debriefProps()} />);
    const marks = [...map().querySelectorAll('svg.class-mark')];
    expect(marks.map((mark) => mark.getAttribute('class'))).toEqual([
      'class-mark class-mark--recommended',
      'class-mark class-mark--acceptable',
    ]);
    expect(marks.map((mark) => mark.getAttribute('aria-hidden'))).toEqual(['true', 'true']);
    const shapes = marks.map((mark) => mark.querySelector('path')?.getAttribute('d'));
    expect(new Set(shapes).size).toBe(2);
  });

  it('shows the decisions a shorter path never reached, and both endings side by side', () => {
    const context = fixtureContext({
      path: ['prologue', 's1_car_park', 'ending_poor'],
      answers: [{ decisionId: 's1_car_park', choiceId: 'accept', shownAt: 1, at: 2 }],
      scores: { total: -2, byPrinciple: { boundary: -2 } },
    });
    render(<ModuleApp {...debriefProps({ nodeId: 'ending_poor', context })} />);
    expect(steps().map(read)).toEqual([
      [
        'Stage 1: In the car park',
        // The short name is plain text: markup in it is shown, never run.
        'Your choice: Said yes <b>to a drink</b>Not recommended',
        'Recommended: Declined kindly and clearly',
      ],
      [
        'Stage 3: Flowers at the surgery',
        'Your choice: Your path did not reach this decision',
        'Recommended: Recorded it, told trainer',
      ],
      [
        'How it ended',
        'Your ending: A complaint to the GMC',
        'Recommended path’s ending: The boundary holds',
      ],
    ]);
    expect(map().querySelector('b')).toBeNull();
  });

  it('names no internal ids and no conditions, and draws no image of the graph', () => {
    render(<ModuleApp {...debriefProps()} />);
    const text = map().textContent ?? '';
    // Every id in the fixture has an underscore or is a lower-case word no label starts with.
    for (const internal of ['_', 'decline', 'ignore', 'record', 'accept', 'when', 'scoreAtLeast', '→']) {
      expect(text).not.toContain(internal);
    }
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('gives the score per principle in words, with bars hidden from screen readers', () => {
    render(<ModuleApp {...debriefProps()} />);
    const principles = section('Your score by principle');
    expect(
      within(principles)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Keeps the boundary: 3 points (recommended path: 5)',
      'Records and seeks advice: 0 points (recommended path: 4)',
    ]);
    const bars = principles.querySelectorAll('.bar');
    expect([...bars].map((b) => b.getAttribute('aria-hidden'))).toEqual(['true', 'true']);
    expect((principles.querySelector('.bar-fill') as HTMLElement).style.width).toBe('60%');
  });

  it('gives the total, percentage, pass mark and result', () => {
    render(<ModuleApp {...debriefProps({ passMark: 0.8 })} />);
    const result = section('Your result').textContent;
    expect(result).toContain('3 points out of a possible 9 (33 %)');
    expect(result).toContain('Pass mark80 %');
    expect(result).toContain('ResultNot passed');
    expect(result).toContain('Scores in this module range from -3 to 9.');
  });

  it("shows the ending's debrief", () => {
    render(<ModuleApp {...debriefProps()} />);
    expect(section('Your ending: The boundary holds').textContent).toContain('Clear words and a record');
  });

  it('folds the key points, escalation, support and sources pages into disclosures, closed until opened', () => {
    render(<ModuleApp {...debriefProps()} />);
    const summaries = within(section('Read more')).getAllByText(/./, { selector: 'summary' });
    expect(summaries.map((summary) => summary.textContent)).toEqual([
      'Key points',
      'If it escalates',
      'Support for you',
      'Sources',
    ]);
    for (const summary of summaries) {
      const details = summary.closest('details') as HTMLDetailsElement;
      expect(details.open).toBe(false);
      fireEvent.click(summary);
      expect(details.open).toBe(true);
    }
    // Each page once: folded, not printed a second time beside its disclosure.
    expect(screen.getAllByText('Be polite, be clear.')).toHaveLength(1);
    expect(screen.queryByRole('heading', { level: 2, name: 'Key points' })).toBeNull();
  });

  it('leads on to the reflection, and offers a restart when the app allows one', () => {
    const props = debriefProps({ onRestart: () => {} });
    render(<ModuleApp {...props} />);
    fireEvent.click(screen.getByRole('button', { name: 'Continue to reflection' }));
    expect(props.onScreen).toHaveBeenCalledWith({ name: 'reflection' });
    expect(screen.getByRole('button', { name: 'Start the scenario again' })).toBeTruthy();
  });
});
